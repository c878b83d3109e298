import AbsherSchema

extension NationalID {
    /// Whether a stored ID has the shape of an ID of `kind`: exactly 10 ASCII digits with a leading digit of its
    /// register (1 for citizens, 2 for residents, 1, 2 or 7 for sponsors). The check digit is not checked: the
    /// store keeps what the rules accepted, and only an ID of another shape (a store edited by hand) could be
    /// read as some other ID (contract §5.8 Stored records the tool cannot read).
    package static func hasStoredShape(_ bytes: UnsafeBufferPointer<UInt8>, kind: RecordKind) -> Bool {
        guard bytes.count == 10, let leading = bytes.first else { return false }
        for byte in bytes where byte < 0x30 || byte > 0x39 { return false }
        return storedLeadingDigits(of: kind).utf8.contains(leading)
    }

    /// The leading digits an ID of `kind` may have, as one string of ASCII digits.
    package static func storedLeadingDigits(of kind: RecordKind) -> String {
        switch kind {
        case .citizen: "1"
        case .resident: "2"
        case .sponsor: "127"
        }
    }
}
