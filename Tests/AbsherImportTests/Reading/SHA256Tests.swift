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
        for portable in [false, true] {
            var hasher = SHA256(portable: portable)
            hasher.update(Array(message.utf8))
            #expect(hasher.finalizeHex() == digest)
        }
    }

    /// The SHA extensions, where this CPU has them, give the Swift code's digest for every length from 0 to
    /// 1,000 bytes of varied content and for a few long inputs fed in pieces.
    @Test func theSHAExtensionsAgreeWithTheSwiftCode() {
        var bytes: [UInt8] = []
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<70_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        for length in Array(0...1_000) + [4_095, 4_096, 65_537, 70_000] {
            var fast = SHA256()
            var portable = SHA256(portable: true)
            #expect(!portable.usesSHAExtensions)
            var offset = 0
            var piece = 1
            while offset < length {
                let end = min(length, offset + piece)
                bytes[offset..<end].withUnsafeBytes {
                    fast.update($0)
                    portable.update($0)
                }
                offset = end
                piece = piece * 7 % 1_531 + 1
            }
            #expect(fast.finalizeHex() == portable.finalizeHex(), "\(length) bytes")
        }
    }

    @Test func hashesOneMillionAsInPieces() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        var whole = SHA256()
        whole.update([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(whole.finalizeHex() == digest)
        var portable = SHA256(portable: true)
        portable.update([UInt8](repeating: 0x61, count: 1_000_000))
        #expect(portable.finalizeHex() == digest)
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
