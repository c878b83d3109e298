import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Everything a `run` or `validate` is told by its command line.
public struct RunOptions: Sendable {
    public typealias Command = RunCommand
    public typealias Mode = RunMode

    public var command: Command
    public var inputs: [InputFile]
    public var reader: ReaderOptions
    public var validation: ValidationOptions
    public var reconcile: ReconcileOptions
    public var mode: Mode = .snapshot
    public var dryRun = false
    public var maxRejectRate = Self.defaultMaxRejectRate
    public var maxDeactivateRate = Self.defaultMaxDeactivateRate
    public var storePath = Self.defaultStorePath
    public var reportsParent = Self.defaultReportsParent
    public var maskPII = false
    public var lockTimeoutSeconds = 0.0
    public var reportLanguage = ReportLanguage.english
    /// When set, the run identifier (tests); otherwise made from the start time.
    public var runID: String?
    /// Whether a first load (an empty store) stages its rows while it reads the files, reading each once.
    /// Off, it reads them twice like every other run: tests check that both ways give the same store.
    package var stagesFirstLoad = true
    /// Whether a run that finds no SQLite store builds it in a file of its own, with no log and no syncing,
    /// which becomes the store when the run commits (`FirstLoadFile`). Off, it creates the store at its path
    /// and loads it through the WAL like every other run: tests check that both ways give the same store.
    package var buildsFirstLoadAside = true
    /// Whether a later night runs the matcher (contract §4b) beside its merge, on a view of the store's last
    /// commit (`RunStrategy.matchesBesideMerge`). Off, it runs before the merge: tests check that both ways
    /// give the same reports and store.
    package var matchesBesideMerge = true
    /// Whether a later night's username rule takes the owners of the usernames its unchanged rows claim from
    /// the early comparison and asks the store only for the others, by key (`UnchangedRows`). Off, it reads
    /// every username of the store: tests check that both ways find the same.
    package var asksUsernamesByKey = true
    /// Off, the matcher's read-only view of the store beside a later night's merge fails to open, as when a
    /// PostgreSQL server has no connection to spare: tests check that the matcher then runs after the merge,
    /// on the run's own connection, and finds the same.
    package var opensMatcherView = true
    /// The bytes of records a later night's first pass may keep in memory per file, of those the store does not
    /// hold as they are, so that the merge need not read the file again (`KeptRecords`); nil: the default
    /// budget. 0 keeps none, and every file is read twice: tests check that both ways give the same store.
    package var keptRecordsBudget: Int?

    /// The defaults of the command line (contract §7), here and nowhere else.
    public static let defaultMaxRejectRate = 0.05
    public static let defaultMaxDeactivateRate = 0.10
    public static let defaultStorePath = "absher.sqlite"
    public static let defaultReportsParent = "Reports"
    /// `--max-per-mobile` and `--max-per-email` (the reconciler's own default).
    public static let defaultMaxPeoplePerContact = ReconcileOptions.defaultMaxPeoplePerContact

    public init(command: Command, inputs: [InputFile], runDate: GregorianDate) {
        self.command = command
        self.inputs = inputs
        self.reader = ReaderOptions()
        self.validation = ValidationOptions(runDate: runDate)
        // ABSHER_IMPORT_MATCHING=off turns the matcher of contract §4b off, only to measure what it costs
        // (BENCHMARKS.md), as ABSHER_IMPORT_PHASES=1 prints the phases.
        self.reconcile = ReconcileOptions(matchesPeople: PersonFacts.isEnabled)
    }
}

extension RunOptions {
    /// What the report writer is told of these options.
    var reportSettings: ReportSettings {
        ReportSettings(language: reportLanguage, maskPII: maskPII, reader: reader)
    }
}

extension RunOptions {
    /// The limits `summary.json` records: every one `run` takes; `validate` has no store, so no deactivation
    /// limit and no lock timeout.
    var thresholds: RunThresholds {
        RunThresholds(
            maxRejectRate: maxRejectRate, maxDeactivateRate: command == .run ? maxDeactivateRate : nil,
            maxPerMobile: reconcile.maxPeoplePerMobile, maxPerEmail: reconcile.maxPeoplePerEmail,
            usernameMin: validation.usernameMinLength, usernameMax: validation.usernameMaxLength,
            lockTimeoutSeconds: command == .run ? lockTimeoutSeconds : nil)
    }
}

extension RunOptions {
    /// A rate as help shows its default: `0.05`, `0.10`.
    public static func rateText(_ rate: Double) -> String { String(format: "%.2f", rate) }
}
