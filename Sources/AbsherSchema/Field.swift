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
