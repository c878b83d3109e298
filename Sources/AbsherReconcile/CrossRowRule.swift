import AbsherStore

/// A rule across rows (contract §4) that runs once the duplicate IDs are settled (`DuplicateIDRule`): it reads
/// the run through one read-only `ReconcileContext` and returns what it found as a value.
///
/// A rule is added by writing one type that conforms and naming it in `Reconciler.rules`.
protocol CrossRowRule: Sendable {
    /// Whether the rule asks the store. Those that do run one after another on the caller's thread (the store
    /// connection's); the others run beside them on a thread of their own.
    static var asksStore: Bool { get }
    /// Whether the rule spreads its own work over the cores. It runs last, once the others (beside it or
    /// not) are done: on a core of its own it would only wait for one, and its tables would be in memory
    /// at the same time as theirs.
    static var usesEveryCore: Bool { get }
    /// Whether the rule asks the store which rows it holds unchanged (`KnowsUnchangedRows`), which a later
    /// night knows only once its early comparison is done: among the rules that ask the store, such a rule runs
    /// after the others, which meanwhile do their work.
    static var readsUnchangedRows: Bool { get }

    /// The findings and verdicts of the rule over the rows that claim their IDs (a finding on a claiming row
    /// goes to its identical repeats too: `Verdicts.addToClaim`).
    /// `store` is nil when the run has none (`validate`), and for the rules that do not ask it.
    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts
}

extension CrossRowRule {
    static var usesEveryCore: Bool { false }
    static var readsUnchangedRows: Bool { false }
}
