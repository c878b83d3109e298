/// How one record's values are spelled in an export. A night writes each record as its draws say; a
/// reserialised night (`--reserialise`) writes the same values in another layout, as real exports vary from
/// night to night: the other calendar and the other date order, Arabic-Indic digits in every fourth record's
/// dates, another mobile form, another spelling of the same gender, language and sponsor type, and quotes
/// around the names (even records) or the e-mail (odd ones). The values the store keeps do not change.
struct Layout {
    var reserialised: Bool
    /// The record's index in its stream: which of the variations it gets.
    var index: Int

    func mobileForm(_ form: Int) -> Int {
        reserialised ? (form + 1 + index % 9) % 10 : form
    }

    func date(_ value: DateValue) -> DateValue {
        reserialised ? value.inOtherCalendar() : value
    }

    var arabicIndicDates: Bool { reserialised && index % 4 == 0 }
    var quotesNames: Bool { reserialised && index % 2 == 0 }
    var quotesEmail: Bool { reserialised && index % 2 == 1 }

    /// Forms 1...5 spell one gender five ways.
    func genderForm(_ form: Int) -> Int {
        reserialised && form > 0 ? form % 5 + 1 : form
    }

    /// Forms 1...8 of `["ar", "en", "AR", "arabic", "English", "العربية", "الإنجليزية", "ar"]`: the next
    /// spelling of the same language.
    func languageForm(_ form: Int) -> Int {
        guard reserialised, form > 0 else { return form }
        let arabic = [1, 3, 4, 6, 8]
        let english = [2, 5, 7]
        let group = arabic.contains(form) ? arabic : english
        return group[(group.firstIndex(of: form)! + 1) % group.count]
    }

    /// Forms 1...3 spell one sponsor type three ways.
    func sponsorTypeForm(_ form: Int) -> Int {
        reserialised && form > 0 ? form % 3 + 1 : form
    }
}
