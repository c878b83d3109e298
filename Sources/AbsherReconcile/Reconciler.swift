import AbsherScan
import AbsherStore
import AbsherSupport

/// The rules across rows of contract §4, over every file of a run at once.
///
/// Duplicate IDs are settled first (`DuplicateIDRule`); the other rules (`rules`) are then evaluated once each,
/// all against the same claiming rows, so the outcome does not depend on the order of rows. Each rule returns
/// its findings and verdicts as a value; the reconciler alone writes them into the scans.
package enum Reconciler {
    /// The rules after duplicate IDs. Their verdicts apply in this order, whichever thread made them: adding a
    /// rule across rows is adding its file and naming it here.
    static var rules: [any CrossRowRule.Type] {
        [
            UsernameRule.self, SponsorRule.self, SharedContactRule.self, PossibleDuplicateRule.self,
        ]
    }

    /// Up to this many people, the rules that do not ask the store run beside those that do; beyond, after
    /// them: their sorted tables (8 bytes a person each) would be in memory at once, and a 10M-row night must
    /// stay under 1 GiB.
    package static let parallelPeopleLimit = 3_000_000

    /// Applies the rules across rows: adds their findings to `scans` and settles each row's disposition.
    ///
    /// The rows' facts are only read until the end, where the dispositions are written in one go, after
    /// `beforeVerdicts` has run: until then, another thread may read the same facts (`ImportRun`'s early
    /// comparison with the store) without either copying them.
    ///
    /// `onClaims` is called once the rows that claim their ID are known (duplicates settled), with the
    /// scans (not to be kept beyond `beforeVerdicts`) and each file's `ClaimedIDs` (nil for an unusable
    /// file): what `StoreComparison.Prepared` needs, shared instead of built again.
    ///
    /// With `storeBeside`, the rules that use every core (the matcher of contract §4b, whose verdicts settle no
    /// row: it only warns) do not run here: once the other rules' verdicts are written, they start on a thread
    /// of their own, asking the store through what `storeBeside` gives (called here, after `beforeVerdicts`;
    /// what it returns is opened on that thread), and the returned `RulesBeside` adds their findings and pairs
    /// to the scans when the caller is done with its own work (a later night's merge). Their findings come
    /// after every other rule's, as they would have.
    @discardableResult
    package static func reconcile(
        _ scans: inout [FileScan], options: ReconcileOptions, store: StoreKnowledge?,
        onClaims: ([FileScan], [ClaimedIDs?]) -> Void = { _, _ in }, beforeVerdicts: () -> Void = {},
        storeBeside: (() -> StoreOpener)? = nil
    ) throws -> RulesBeside? {
        let deferring = storeBeside != nil && rules.contains { $0.usesEveryCore }
        let (verdicts, duplicates) = try judge(
            scans, options: options, store: store, onClaims: onClaims, withLastRules: !deferring)
        beforeVerdicts()
        // In the order they were reached: a row repeated and then rejected ends rejected.
        verdicts.forEachDisposition { ref, disposition in
            scans[Int(ref.file)].facts[Int(ref.row)].disposition = disposition
        }
        add(verdicts, to: &scans, freeingMatcherFacts: !deferring)
        guard deferring, let storeBeside else { return nil }
        // A context of the scans as they are now (no context of the scans before was alive while the verdicts
        // were written, which would have copied them), with the same claims: what the rules would have read.
        let context = ReconcileContext(
            scans: scans, options: options, claims: duplicates.claims, repeats: duplicates.repeats,
            conflicting: duplicates.conflicting)
        return RulesBeside(context, rules: rules.filter { $0.usesEveryCore }, store: storeBeside())
    }

    /// Adds what `verdicts` found (findings, the matcher's pairs) to the scans, and frees the matcher's facts
    /// unless it is still to run.
    static func add(_ verdicts: Verdicts, to scans: inout [FileScan], freeingMatcherFacts: Bool = true) {
        if verdicts.oversizedBlocks > 0 && !scans.isEmpty { scans[0].matchBlocksSkipped += verdicts.oversizedBlocks }
        for file in scans.indices where !verdicts.added[file].isEmpty {
            // Put in report order once, with all files, by makeOutcome.
            scans[file].findings += verdicts.added[file]
        }
        for file in scans.indices {
            scans[file].matches += verdicts.matches[file]
            guard freeingMatcherFacts else { continue }
            // The matcher's facts, freed before the merge.
            scans[file].people = ChunkedArray()
            scans[file].names = TextArena()
        }
    }

    /// The findings and verdicts of every rule (but those that use every core, unless `withLastRules`), the
    /// scans only read, and how the duplicate IDs were settled.
    private static func judge(
        _ scans: [FileScan], options: ReconcileOptions, store: StoreKnowledge?,
        onClaims: ([FileScan], [ClaimedIDs?]) -> Void, withLastRules: Bool
    ) throws -> (Verdicts, DuplicateIDRule.Outcome) {
        let duplicates = DuplicateIDRule.judge(scans)
        PhaseClock.mark("duplicate IDs settled")
        onClaims(scans, duplicates.claimedIDs(in: scans))
        let context = ReconcileContext(
            scans: scans, options: options, claims: duplicates.claims, repeats: duplicates.repeats,
            conflicting: duplicates.conflicting)
        var verdicts = duplicates.verdicts
        for ruleVerdicts in try judgeRules(context, store: store, withLastRules: withLastRules) {
            verdicts.append(ruleVerdicts)
        }
        return (verdicts, duplicates)
    }

    /// The verdicts of each of `rules` (that ask the store), in its order; those that read the unchanged rows
    /// run last.
    private static func judgeAsking(
        _ rules: [any CrossRowRule.Type], _ context: ReconcileContext, store: (any StoreKnowledge)?
    ) throws -> [Verdicts] {
        var verdicts = [Verdicts?](repeating: nil, count: rules.count)
        for late in [false, true] {
            for (index, rule) in rules.enumerated() where rule.readsUnchangedRows == late {
                verdicts[index] = try rule.judge(context, store: store)
            }
        }
        return verdicts.map { $0! }
    }

    /// The verdicts of each of `rules`, in its order. The rules that ask the store run on this thread (the
    /// store connection's), one after another; the others on the other core, beside them (up to
    /// `parallelPeopleLimit` people), or after them. The rules that use every core run last, on this thread,
    /// unless not `withLastRules`.
    private static func judgeRules(
        _ context: ReconcileContext, store: (any StoreKnowledge)?, withLastRules: Bool
    ) throws -> [Verdicts] {
        let rules = Self.rules.filter { withLastRules || !$0.usesEveryCore }
        let asking = rules.filter { $0.asksStore && !$0.usesEveryCore }
        let beside = rules.filter { !$0.asksStore && !$0.usesEveryCore }
        let last = rules.filter { $0.usesEveryCore }
        var asked: [Verdicts] = []
        var besides: [Verdicts] = []
        if context.personCount <= parallelPeopleLimit {
            // The rules beside get the context only (Sendable); the store stays on this thread.
            let task = BackgroundTask { try beside.map { try $0.judge(context, store: nil) } }
            do {
                asked = try judgeAsking(asking, context, store: store)
            } catch {
                _ = try? task.wait()
                throw error
            }
            besides = try task.wait()
        } else {
            asked = try judgeAsking(asking, context, store: store)
            besides = try beside.map { try $0.judge(context, store: nil) }
        }
        PhaseClock.mark("rules across rows but the matcher")
        var lasts: [Verdicts] = []
        // The other rules' tables are gone: their pages go back to the system before the last rules build theirs.
        if !last.isEmpty { MemoryRelease.trim() }
        for rule in last { lasts.append(try rule.judge(context, store: rule.asksStore ? store : nil)) }
        var askedNext = asked.makeIterator()
        var besideNext = besides.makeIterator()
        var lastNext = lasts.makeIterator()
        var ordered: [Verdicts] = []
        for rule in rules {
            if rule.usesEveryCore {
                ordered.append(lastNext.next()!)
            } else if rule.asksStore {
                ordered.append(askedNext.next()!)
            } else {
                ordered.append(besideNext.next()!)
            }
        }
        return ordered
    }
}

/// Opens, on the thread that calls it, what the rules beside the caller's work ask of the store
/// (`Reconciler.reconcile(_:options:store:onClaims:beforeVerdicts:storeBeside:)`): a view of the store as it
/// was before the run, and how to close it.
package typealias StoreOpener = @Sendable () throws -> StoreLease

/// What a `StoreOpener` opened: the store's knowledge, confined to the thread that opened it, and its close.
package struct StoreLease {
    let knowledge: any StoreKnowledge
    let close: () -> Void

    package init(knowledge: any StoreKnowledge, close: @escaping () -> Void) {
        self.knowledge = knowledge
        self.close = close
    }
}

/// The rules that use every core, running on a thread of their own beside the caller's work (see
/// `Reconciler.reconcile`); `finish` waits for them and adds what they found to the scans.
///
/// When their view of the store cannot be opened (a PostgreSQL server out of connections, say), they run in
/// `finish` instead, on the caller's thread and store, after the caller's work: what they read of the store
/// (its active people that tonight's rows do not claim, and the dismissed pairs) is what the caller's work
/// (a later night's merge, before any deactivation) leaves as it was.
package final class RulesBeside {
    /// The rules' verdicts, nil when the view could not be opened.
    private let task: BackgroundTask<[Verdicts]?>
    /// What the rules read: let go once they are done, with the scans' matcher facts it holds (the scans'
    /// own are emptied then).
    private var context: ReconcileContext?
    private let rules: [any CrossRowRule.Type]
    private var finished = false

    fileprivate init(_ context: ReconcileContext, rules: [any CrossRowRule.Type], store: @escaping StoreOpener) {
        self.context = context
        self.rules = rules
        task = BackgroundTask {
            // The other rules' tables are gone: their pages go back to the system before these build theirs.
            MemoryRelease.trim()
            guard let lease = try? store() else { return nil }
            defer { lease.close() }
            return try rules.map { try $0.judge(context, store: lease.knowledge) }
        }
    }

    deinit { if !finished { _ = try? task.wait() } }

    /// Waits for the rules (or, when their view could not be opened, runs them here on `fallback`, the
    /// caller's store), then adds their findings (after every other rule's) and pairs to `scans`; rethrows
    /// what a rule threw (the store could not be read). Call it once.
    package func finish(into scans: inout [FileScan], fallback: any StoreKnowledge) throws {
        finished = true
        var results: [Verdicts]
        if let beside = try task.wait() {
            results = beside
            PhaseClock.mark("matcher beside the merge waited for")
        } else {
            results = try rules.map { try $0.judge(context!, store: fallback) }
            PhaseClock.mark("matcher after the merge (its view of the store could not be opened)")
        }
        context = nil
        // The matcher's facts go before its findings are added (which grows the scans' arrays of findings),
        // and their pages back to the system: the merge's memory is in use meanwhile.
        for file in scans.indices {
            scans[file].people = ChunkedArray()
            scans[file].names = TextArena()
        }
        MemoryRelease.trim()
        var verdicts = results.count == 1 ? results.removeLast() : Verdicts(files: scans.count)
        for result in results { verdicts.append(result) }
        Reconciler.add(verdicts, to: &scans)
    }
}
