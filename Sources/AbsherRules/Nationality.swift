import AbsherReading
import AbsherSchema

/// Nationalities: the assigned ISO 3166-1 alpha-3 codes (contract §3.8).
public enum Nationality {
    /// An assigned ISO 3166-1 alpha-3 code in any letter case, returned upper-case; `SAU` when
    /// `forbidSaudi` (residents.csv), or anything else, is `.nationalityInvalid`.
    public static func normalize(_ text: String, forbidSaudi: Bool) -> Result<String, RuleCode> {
        let utf8 = text.utf8
        guard utf8.count == 3 else { return .failure(.nationalityInvalid) }
        var index = 0
        var hasLowerCase = false
        for byte in utf8 {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z"), byte < 0x80 else {
                return .failure(.nationalityInvalid)
            }
            if byte != upper { hasLowerCase = true }
            index = index * 26 + Int(upper &- UInt8(ascii: "A"))
        }
        guard assigned[index >> 6] >> UInt64(index & 63) & 1 == 1 else { return .failure(.nationalityInvalid) }
        if forbidSaudi, index == saudiIndex { return .failure(.nationalityInvalid) }
        guard hasLowerCase else { return .success(text) }
        return .success(
            String(unsafeUninitializedCapacity: 3) { buffer in
                var offset = 0
                for byte in utf8 {
                    buffer[offset] = byte & 0xDF
                    offset += 1
                }
                return 3
            })
    }

    /// The 249 assigned codes (ISO 3166-1 as of 2024; checked against `pycountry`).
    package static let codes: [Substring] =
        ("ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR "
        + "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG "
        + "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH "
        + "FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY "
        + "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM "
        + "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL "
        + "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR "
        + "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU "
        + "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA "
        + "TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB "
        + "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE").split(separator: " ")

    /// Index of `SAU` in the 26 x 26 x 26 code space.
    private static let saudiIndex = (18 * 26 + 0) * 26 + 20

    /// One bit per three-letter code, set for the assigned ones.
    private static let assigned: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (26 * 26 * 26 + 63) / 64)
        for code in codes {
            var index = 0
            for byte in code.utf8 { index = index * 26 + Int(byte - UInt8(ascii: "A")) }
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()
}
