import Testing

@testable import AbsherRules

/// Contract §4b's normalisation of names, its skeleton keys across scripts and the string comparator.
struct MatchNameTests {
    private func arabic(_ text: String) -> [UInt8] { MatchName.arabic(text) }

    @Test func arabicSpellingsOfOneNameNormaliseAlike() {
        // Hamza forms of alef, taa marbuta, alef maqsura, tatweel, diacritics, عبد apart or joined.
        #expect(arabic("أحمد") == arabic("احمد"))
        #expect(arabic("إبراهيم") == arabic("ابراهيم"))
        #expect(arabic("فاطمة") == arabic("فاطمه"))
        #expect(arabic("مصطفى") == arabic("مصطفي"))
        #expect(arabic("خـالد") == arabic("خالد"))
        #expect(arabic("مُحَمَّد") == arabic("محمد"))
        #expect(arabic("عبد الله") == arabic("عبدالله"))
        #expect(arabic("محمد بن سعد العتيبي") == arabic("محمد سعد عتيبي"))
        #expect(arabic("محمد") != arabic("أحمد"))
    }

    @Test func latinSpellingsOfOneNameNormaliseAlike() {
        #expect(MatchName.english("AL-OTAIBI") == MatchName.english("Alotaibi"))
        #expect(MatchName.english("Al Otaibi") == MatchName.english("El-Otaibi"))
        #expect(MatchName.english("Abdul Rahman") == MatchName.english("Abdulrahman"))
        #expect(MatchName.english("Sa'ad bin Fahd") == MatchName.english("saad fahd"))
        #expect(MatchName.english("Ali") == Array("ali".utf8))
    }

    @Test func everyJoiningAndSonWordIsFound() {
        // The words `MatchName.Words` compares as integers, each one of its lists.
        for word in ["abd", "abdul", "abdel", "abdal", "abdol", "abdu", "al", "el"] {
            #expect(MatchName.english("\(word) Rahman") == MatchName.english("\(word)rahman"), "\(word)")
        }
        for word in ["bin", "bint", "ibn", "ben"] {
            #expect(MatchName.english("Saad \(word) Fahd") == MatchName.english("Saad Fahd"), "\(word)")
        }
        // Words that only begin like them are parts of their own.
        #expect(MatchName.english("Abda Rahman") != MatchName.english("Abdarahman"))
        #expect(MatchName.english("Saad Bins Fahd") != MatchName.english("Saad Fahd"))
        #expect(arabic("سعد بنت فهد") == arabic("سعد فهد"))
        #expect(arabic("سعد بن فهد") == arabic("سعد فهد"))
        #expect(arabic("عبد العزيز") == arabic("عبدالعزيز"))
        #expect(arabic("ال سعود") == arabic("السعود"))
        // A leading article dropped from a long word, kept on a short one.
        #expect(arabic("العتيبي") == arabic("عتيبي"))
        #expect(arabic("الله") != arabic("له"))
    }

    @Test func transliterationsShareOneSkeletonAcrossScripts() {
        func key(_ text: String, arabic: Bool = false) -> UInt64 {
            NameSkeleton.key(arabic ? MatchName.arabic(text) : MatchName.english(text))
        }
        #expect(key("Mohammed") == key("Muhammad"))
        #expect(key("Mohamed") == key("محمد", arabic: true))
        #expect(key("Othman") == key("Osman"))
        #expect(key("Fatimah") == key("Fatima"))
        #expect(key("Aldossary") == key("الدوسري", arabic: true))
        #expect(key("Mohammed") != key("Ahmed"))
    }

    @Test func jaroWinklerKeepsASlipOfALetterCloseAndAnotherNameFar() {
        func similarity(_ a: String, _ b: String) -> Double {
            JaroWinkler.similarity(ArraySlice(a.utf8), ArraySlice(b.utf8))
        }
        #expect(similarity("khalid", "khalid") == 1)
        #expect(similarity("khalid", "khaild") >= 0.9)
        #expect(similarity("abdulrahman", "abdulrhaman") >= 0.9)
        #expect(similarity("khalid", "sultan") < 0.6)
        #expect(similarity("", "sultan") == 0)
    }

    @Test func hijriOfAGregorianDayIsTheDayItConvertsFrom() throws {
        let day = try #require(UmmAlQuraTable.daysSince1970(year: 1445, month: 9, day: 1))
        let hijri = try #require(UmmAlQuraTable.hijri(daysSince1970: day))
        #expect(hijri.year == 1445 && hijri.month == 9 && hijri.day == 1)
        #expect(UmmAlQuraTable.hijri(daysSince1970: -100_000) == nil)
    }
}
