import Foundation

/// `absher-datagen`: writes realistic, deterministic exports for tests and benchmarks.
do {
    let options = try GeneratorOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    try FileManager.default.createDirectory(
        atPath: options.outputDirectory, withIntermediateDirectories: true)
    let started = Date()
    if options.duplicateRate > 0 {
        var pairs = PairPopulation(options: options)
        pairs.generate()
        let tally = try pairs.write(to: URL(fileURLWithPath: options.outputDirectory))
        print(
            "absher-datagen: pairs, seed \(options.seed): wrote \(tally.citizens) citizens, \(tally.residents) "
                + "residents, \(tally.duplicates) true pairs, \(tally.lookalikes) look-alikes to \(options.outputDirectory)"
        )
        exit(0)
    }
    let population = Population(options: options)
    let directory = URL(fileURLWithPath: options.outputDirectory)
    let citizens = try ByteSink(path: directory.appendingPathComponent("citizens.csv").path)
    let residents = try ByteSink(path: directory.appendingPathComponent("residents.csv").path)
    let sponsors = try ByteSink(path: directory.appendingPathComponent("sponsors.csv").path)
    let tally = population.write(citizens: citizens, residents: residents, sponsors: sponsors)
    let seconds = Date().timeIntervalSince(started)
    var summary = "absher-datagen: night \(options.night), seed \(options.seed): wrote "
    summary += "\(tally.citizens) citizens, \(tally.residents) residents, \(tally.sponsors) sponsors"
    summary += " (\(tally.defective) defective, \(tally.expired) expired"
    if options.night == 2 {
        summary += ", \(tally.changed) changed, \(tally.removed) removed, \(tally.added) new"
    }
    summary += ") to \(options.outputDirectory) in \(String(format: "%.2f", seconds)) s"
    print(summary)
} catch let error as DataGenError {
    if case .usage(let text) = error, text == GeneratorOptions.usage {
        print(text)
        exit(0)
    }
    FileHandle.standardError.write(Data("absher-datagen: \(error)\n".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("absher-datagen: \(error)\n".utf8))
    exit(73)
}
