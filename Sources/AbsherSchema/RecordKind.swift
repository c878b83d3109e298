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
    public var columns: [(column: Column, required: Bool)] {
        switch self {
        case .citizen:
            return [
                (.nationalID, true), (.nameAr, true), (.nameEn, false), (.birthDate, true), (.gender, false),
                (.mobile, true), (.email, false), (.username, false), (.preferredLanguage, false),
                (.idExpiry, false),
            ]
        case .resident:
            return [
                (.iqamaNumber, true), (.nameEn, true), (.nameAr, false), (.nationality, true),
                (.birthDate, true), (.gender, false), (.mobile, true), (.email, false), (.username, false),
                (.preferredLanguage, false), (.sponsorID, true), (.iqamaExpiry, false),
            ]
        case .sponsor:
            return [(.sponsorID, true), (.sponsorType, false), (.name, true), (.mobile, false), (.email, false)]
        }
    }

    /// The canonical fields stored for a record of this kind (besides its ID), in a fixed order.
    public var fields: [Field] {
        switch self {
        case .citizen:
            return [
                .nameAr, .nameEn, .birthDate, .gender, .mobile, .email, .username, .preferredLanguage,
                .documentExpiry,
            ]
        case .resident:
            return [
                .nameAr, .nameEn, .birthDate, .gender, .mobile, .email, .username, .preferredLanguage,
                .nationality, .sponsorID, .documentExpiry,
            ]
        case .sponsor:
            return [.sponsorType, .name, .mobile, .email]
        }
    }

    /// The position of `field` in `fields`, if this kind has it.
    public func index(of field: Field) -> Int? { fields.firstIndex(of: field) }

    public var isPerson: Bool { self != .sponsor }
}

/// A column of an input file, named as in the contract's tables (§2.6 to §2.8).
public enum Column: String, CaseIterable, Sendable {
    case nationalID = "national_id"
    case iqamaNumber = "iqama_number"
    case nameAr = "name_ar"
    case nameEn = "name_en"
    case name = "name"
    case birthDate = "birth_date"
    case gender = "gender"
    case mobile = "mobile"
    case email = "email"
    case username = "username"
    case preferredLanguage = "preferred_language"
    case idExpiry = "id_expiry"
    case iqamaExpiry = "iqama_expiry"
    case nationality = "nationality"
    case sponsorID = "sponsor_id"
    case sponsorType = "sponsor_type"

    /// The contract's Arabic alias (§2.6 to §2.8) of the column.
    public var arabicAlias: String {
        switch self {
        case .nationalID: return "رقم الهوية"
        case .iqamaNumber: return "رقم الإقامة"
        case .nameAr: return "الاسم"
        case .nameEn: return "الاسم بالإنجليزية"
        case .name: return "الاسم"
        case .birthDate: return "تاريخ الميلاد"
        case .gender: return "الجنس"
        case .mobile: return "رقم الجوال"
        case .email: return "البريد الإلكتروني"
        case .username: return "اسم المستخدم"
        case .preferredLanguage: return "اللغة المفضلة"
        case .idExpiry: return "تاريخ انتهاء الهوية"
        case .iqamaExpiry: return "تاريخ انتهاء الإقامة"
        case .nationality: return "الجنسية"
        case .sponsorID: return "رقم الكفيل"
        case .sponsorType: return "نوع الكفيل"
        }
    }

    /// The canonical field a column fills (both expiry columns fill `documentExpiry`).
    public var field: Field? {
        switch self {
        case .nationalID, .iqamaNumber: return nil
        case .nameAr: return .nameAr
        case .nameEn: return .nameEn
        case .name: return .name
        case .birthDate: return .birthDate
        case .gender: return .gender
        case .mobile: return .mobile
        case .email: return .email
        case .username: return .username
        case .preferredLanguage: return .preferredLanguage
        case .idExpiry, .iqamaExpiry: return .documentExpiry
        case .nationality: return .nationality
        case .sponsorID: return .sponsorID
        case .sponsorType: return .sponsorType
        }
    }
}

/// A canonical field of a stored record. Its raw value is the store's column name.
public enum Field: String, CaseIterable, Sendable {
    case nameAr = "name_ar"
    case nameEn = "name_en"
    case name = "name"
    case birthDate = "birth_date"
    case gender = "gender"
    case mobile = "mobile"
    case email = "email"
    case username = "username"
    case preferredLanguage = "preferred_language"
    case nationality = "nationality"
    case sponsorID = "sponsor_id"
    case documentExpiry = "document_expiry"
    case sponsorType = "sponsor_type"
}
