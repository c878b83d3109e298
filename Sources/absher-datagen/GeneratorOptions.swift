/// The command line of `absher-datagen`.
struct GeneratorOptions {
    var outputDirectory = ""
    var rows = 0
    var seed: UInt64 = 1
    var defectRate = 0.02
    var night = 1
    var changeRate = 0.01
    /// Night 2 writes every record in another layout than night 1 (`Population.Layout`).
    var reserialise = false
    /// The pairs mode (`--duplicates RATE`): people with known truth for the matcher, see `PairPopulation`.
    var duplicateRate = 0.0

    static let usage = """
        Usage: absher-datagen --out DIR --rows N [--seed S] [--defect-rate R] [--night 1|2] [--change-rate C]
                             [--reserialise]
               absher-datagen --out DIR --rows N --duplicates RATE [--seed S]
        Writes citizens.csv, residents.csv and sponsors.csv of about N rows in total to DIR.
        --reserialise (night 2): every record, changed or not, is written in another layout than on night 1
        (the other calendar and date order, Arabic-Indic digits in some dates, another mobile form, gender
        and language spelling, quoted names and e-mails), as real exports vary from night to night.
        With --duplicates: N people, a share RATE of them twice under two IDs and another share RATE with a
        look-alike who is another person; truth.csv lists both kinds of pair (id_a,id_b,truth).
        """

    init(arguments: [String]) throws(DataGenError) {
        var remaining = arguments[...]
        var sawOut = false
        var sawRows = false
        while let option = remaining.popFirst() {
            if option == "-h" || option == "--help" { throw .usage(Self.usage) }
            if option == "--reserialise" {
                reserialise = true
                continue
            }
            guard let value = remaining.popFirst() else { throw .usage("missing value for \(option)\n" + Self.usage) }
            switch option {
            case "--out":
                outputDirectory = value
                sawOut = true
            case "--rows":
                guard let number = Int(value), number >= 0, number < 100_000_000 else {
                    throw .usage("--rows must be a whole number below 100000000")
                }
                rows = number
                sawRows = true
            case "--seed":
                guard let number = UInt64(value) else { throw .usage("--seed must be a whole number") }
                seed = number
            case "--defect-rate":
                guard let rate = Double(value), (0...1).contains(rate) else {
                    throw .usage("--defect-rate must be between 0 and 1")
                }
                defectRate = rate
            case "--night":
                guard value == "1" || value == "2" else { throw .usage("--night must be 1 or 2") }
                night = Int(value)!
            case "--change-rate":
                guard let rate = Double(value), (0...1).contains(rate) else {
                    throw .usage("--change-rate must be between 0 and 1")
                }
                changeRate = rate
            case "--duplicates":
                guard let rate = Double(value), rate > 0, rate <= 0.5 else {
                    throw .usage("--duplicates must be above 0 and at most 0.5")
                }
                duplicateRate = rate
            default:
                throw .usage("unknown option \(option)\n" + Self.usage)
            }
        }
        guard sawOut, sawRows else { throw .usage("--out and --rows are required\n" + Self.usage) }
    }
}
