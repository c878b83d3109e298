import Foundation

/// A fresh folder under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "absher-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Writes `text` to `name` inside the folder (creating subfolders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Two good establishment sponsors (no check digit on unified numbers).
    static let cleanSponsors =
        "sponsor_id,sponsor_type,name\n7000000001,establishment,Acme\n7000000002,establishment,Beta\n"
    /// One good sponsor and one whose ID is not 10 digits: a 50% reject rate.
    static let halfRejectedSponsors =
        "sponsor_id,sponsor_type,name\n7000000001,establishment,Acme\n123,establishment,Beta\n"
    /// A header without the required `name` column: the file is unusable.
    static let unusableSponsors = "sponsor_id,sponsor_type\n7000000001,establishment\n"
}
