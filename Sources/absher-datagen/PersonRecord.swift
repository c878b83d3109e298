/// One generated row before it is written: indices and numbers, no text, so that building it allocates nothing.
struct PersonRecord {
    /// The 10-digit ID (national ID, iqama or establishment number).
    var id: Int
    var index: Int
    var group: NameCatalogue.Group
    var female: Bool
    var first: Int
    var father: Int
    var family: Int
    /// Writes the English first name in its variant spelling (a corrected name on night 2).
    var variantSpelling = false
    var hasArabicName = true
    var hasEnglishName = true
    var birth: DateValue
    /// 0 means no gender given.
    var genderForm: Int
    /// The 9-digit national number `5XXXXXXXX`.
    var mobile: Int
    var mobileForm: Int
    var hasMobile = true
    /// Index into the e-mail domains, or -1 for none.
    var emailDomain: Int
    var emailStyle: Int
    var hasUsername: Bool
    /// 0 means no preferred language given.
    var languageForm: Int
    var expiry: DateValue?
    var nationality: Int = 0
    /// For residents: the index of their sponsor; for sponsors: the citizen they are, or -1.
    var sponsor: Int = -1
    /// For sponsors: 0 none, then the spellings of their type.
    var sponsorTypeForm: Int = 0
    var defect: Defect?
    /// The draw that shapes the defect's value.
    var defectVariant: Int = 0
    var isExpired = false
    var isChanged = false
}
