import AbsherSchema
import Foundation
import Testing

/// The stores keep `CanonicalRecord.contentHash` with every record (`record_hash`): it must stay the FNV-1a
/// hash of the kind and the values' UTF-8 bytes with their markers, whatever way the bytes are read, or every
/// stored record would look changed on the next night.
@Suite struct ContentHashTests {
    /// FNV-1a as the store's hash is defined: the kind's bytes, then per value 0x01 and its bytes (0x00 when
    /// missing) and 0x1F.
    static func reference(_ record: CanonicalRecord) -> UInt64 {
        var bytes = Array(record.kind.rawValue.utf8)
        for value in record.values {
            if let value {
                bytes.append(0x01)
                bytes += Array(value.utf8)
            } else {
                bytes.append(0x00)
            }
            bytes.append(0x1F)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    @Test func theHashIsFNV1aOfTheKindAndValues() {
        let long = String(repeating: "عبدالرحمن ", count: 40)
        let fromSubstring = String("xx Reem Khalid xx".dropFirst(3).dropLast(3))
        let bridged = NSString(string: "hamad629@yahoo.com") as String
        let samples: [[String?]] = [
            [
                "ريم خالد الجهني", "Reem Khalid Al-Juhani", "1965-12-10", "F", "+966550300158", nil, "reem.c0", "ar",
                "2029-12-26",
            ],
            [nil, nil, nil, nil, nil, nil, nil, nil, nil],
            ["", "", "", "", "", "", "", "", ""],
            [long, fromSubstring, bridged, "M", "+966537331847", "a@b.sa", "x_y", "en", "2031-01-01"],
        ]
        var hashes: Set<UInt64> = []
        for values in samples {
            let record = CanonicalRecord(kind: .citizen, id: "1000000001", values: values)
            #expect(record.contentHash == Self.reference(record))
            hashes.insert(record.contentHash)
            let resident = CanonicalRecord(
                kind: .resident, id: "2000000001",
                values: RecordKind.resident.fields.indices.map { $0 < values.count ? values[$0] : "GBR" })
            #expect(resident.contentHash == Self.reference(resident))
            hashes.insert(resident.contentHash)
        }
        #expect(hashes.count == samples.count * 2)
    }
}
