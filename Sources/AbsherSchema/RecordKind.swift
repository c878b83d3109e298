/// The three registers and what each file's rows hold (contract §2.6 to §2.8).
public enum RecordKind: String, CaseIterable, Sendable, Comparable {
    case citizen
    case resident
    case sponsor

    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.order < rhs.order }

    private var order: Int {
        switch self {
        case .citizen: return 0
        case .resident: return 1
        case .sponsor: return 2
        }
    }

    /// The file name prefix a run folder is searched for (`citizens*.csv`).
    public var filePrefix: String {
        switch self {
        case .citizen: return "citizens"
        case .resident: return "residents"
        case .sponsor: return "sponsors"
        }
    }

    /// The column that carries the record's key.
    public var idColumn: Column {
        switch self {
        case .citizen: return .nationalID
        case .resident: return .iqamaNumber
        case .sponsor: return .sponsorID
        }
    }

    /// The columns of this kind's file, in the contract's order, with whether each is required.
    @inlinable public var columns: [(column: Column, required: Bool)] {
        switch self {
        case .citizen: return Self.citizenColumns
        case .resident: return Self.residentColumns
        case .sponsor: return Self.sponsorColumns
        }
    }

    @usableFromInline static let citizenColumns: [(column: Column, required: Bool)] = [
        (.nationalID, true), (.nameAr, true), (.nameEn, false), (.birthDate, true), (.gender, false),
        (.mobile, true), (.email, false), (.username, false), (.preferredLanguage, false), (.idExpiry, false),
    ]
    @usableFromInline static let residentColumns: [(column: Column, required: Bool)] = [
        (.iqamaNumber, true), (.nameEn, true), (.nameAr, false), (.nationality, true), (.birthDate, true),
        (.gender, false), (.mobile, true), (.email, false), (.username, false), (.preferredLanguage, false),
        (.sponsorID, true), (.iqamaExpiry, false),
    ]
    @usableFromInline static let sponsorColumns: [(column: Column, required: Bool)] = [
        (.sponsorID, true), (.sponsorType, false), (.name, true), (.mobile, false), (.email, false),
    ]

    /// The canonical fields stored for a record of this kind (besides its ID), in a fixed order.
    ///
    /// Built once (the rules of every row ask for them), and `@inlinable` like the lookups below: the other
    /// stages call them in their hot loops.
    @inlinable public var fields: [Field] {
        switch self {
        case .citizen: return Self.citizenFields
        case .resident: return Self.residentFields
        case .sponsor: return Self.sponsorFields
        }
    }

    @usableFromInline static let citizenFields: [Field] = [
        .nameAr, .nameEn, .birthDate, .gender, .mobile, .email, .username, .preferredLanguage, .documentExpiry,
    ]
    @usableFromInline static let residentFields: [Field] = [
        .nameAr, .nameEn, .birthDate, .gender, .mobile, .email, .username, .preferredLanguage, .nationality,
        .sponsorID, .documentExpiry,
    ]
    @usableFromInline static let sponsorFields: [Field] = [.sponsorType, .name, .mobile, .email]

    /// The position of `field` in `fields`, if this kind has it.
    @inlinable public func index(of field: Field) -> Int? { fields.firstIndex(of: field) }

    @inlinable public var isPerson: Bool { self != .sponsor }
}
