import Foundation

/// A SQLite store file as a `StoreUnderTest`, compared with `StoreFingerprint`.
struct SQLiteStoreUnderTest: StoreUnderTest {
    let location: String

    func copy() throws -> any StoreUnderTest {
        let other = location + "-copy-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: location, toPath: other)
        return SQLiteStoreUnderTest(location: other)
    }

    func fingerprint(recordsOnly: Bool) throws -> String {
        try StoreFingerprint.of(location, recordsOnly: recordsOnly)
    }

    func soundness() throws -> String { try StoreFingerprint.integrity(of: location) }

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
    }
}
