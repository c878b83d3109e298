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
import Testing

@testable import AbsherImport

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "The quick brown fox jumps over the lazy dog",
            "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
        ),
    ])
    func hashesKnownVectors(message: String, digest: String) {
        var hasher = SHA256()
        hasher.update(Array(message.utf8))
        #expect(hasher.finalizeHex() == digest)
    }

    @Test func hashesOneMillionAsInPieces() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        var whole = SHA256()
        whole.update([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(whole.finalizeHex() == digest)
        var pieces = SHA256()
        var remaining = 1_000_000
        var size = 1
        while remaining > 0 {
            let count = min(size, remaining)
            pieces.update([UInt8](repeating: 0x61, count: count))
            remaining -= count
            size = size % 131 + 1
        }
        #expect(pieces.finalizeHex() == digest)
    }

    @Test func finalizeDoesNotConsumeTheHasher() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        _ = hasher.finalize()
        hasher.update(Array("c".utf8))
        #expect(hasher.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
