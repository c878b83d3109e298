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
