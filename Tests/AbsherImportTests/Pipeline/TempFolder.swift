import AbsherImport
import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// A real folder under the system's temp directory, removed when the test is done with it.
final class TempFolder {
    let path: String

    init(_ label: String = "absher") {
        let base = FileManager.default.temporaryDirectory.path
        path = (base as NSString).appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = url(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = url(name)
        try! Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: url(name), encoding: .utf8)) ?? ""
    }
}

/// Valid IDs for tests: `prefix` then 8 digits of `serial`, then the Luhn check digit.
func testID(_ leading: Int, _ serial: Int) -> String {
    let payload = "\(leading)" + String(format: "%08d", serial)
    return payload + String(Luhn.checkDigit(for: Array(payload.utf8)))
}
