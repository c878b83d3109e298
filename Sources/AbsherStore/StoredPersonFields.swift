/// What the matcher of contract §4b reads of one active person in the store, as the engine hands it over:
/// UTF-8 bytes valid only during the call (`StoreKnowledge.forEachActivePerson`); empty for NULL.
public struct StoredPersonFields {
    public var id: UnsafeBufferPointer<UInt8>
    public var kind: UnsafeBufferPointer<UInt8>
    public var nameAr: UnsafeBufferPointer<UInt8>
    public var nameEn: UnsafeBufferPointer<UInt8>
    /// Gregorian `YYYY-MM-DD`.
    public var birthDate: UnsafeBufferPointer<UInt8>
    public var gender: UnsafeBufferPointer<UInt8>
    /// E.164, `+9665XXXXXXXX`.
    public var mobile: UnsafeBufferPointer<UInt8>
    public var email: UnsafeBufferPointer<UInt8>

    public init(
        id: UnsafeBufferPointer<UInt8>, kind: UnsafeBufferPointer<UInt8>, nameAr: UnsafeBufferPointer<UInt8>,
        nameEn: UnsafeBufferPointer<UInt8>, birthDate: UnsafeBufferPointer<UInt8>,
        gender: UnsafeBufferPointer<UInt8>, mobile: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>
    ) {
        self.id = id
        self.kind = kind
        self.nameAr = nameAr
        self.nameEn = nameEn
        self.birthDate = birthDate
        self.gender = gender
        self.mobile = mobile
        self.email = email
    }
}
