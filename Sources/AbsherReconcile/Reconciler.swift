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
    package static func reconcile(
        _ scans: inout [FileScan], options: ReconcileOptions, store: StoreKnowledge?,
        onClaims: ([FileScan], [ClaimedIDs?]) -> Void = { _, _ in }, beforeVerdicts: () -> Void = {}
    ) throws {
        let verdicts = try judge(scans, options: options, store: store, onClaims: onClaims)
        beforeVerdicts()
        // In the order they were reached: a row repeated and then rejected ends rejected.
        verdicts.forEachDisposition { ref, disposition in
            scans[Int(ref.file)].facts[Int(ref.row)].disposition = disposition
        }
        for file in scans.indices where !verdicts.added[file].isEmpty {
            // Put in report order once, with all files, by makeOutcome.
            scans[file].findings += verdicts.added[file]
        }
        for file in scans.indices {
            scans[file].matches = verdicts.matches[file]
            // The matcher's facts, freed before the merge.
            scans[file].people = ChunkedArray()
            scans[file].names = TextArena()
        }
    }

    /// The findings and verdicts of every rule, the scans only read.
    private static func judge(
        _ scans: [FileScan], options: ReconcileOptions, store: StoreKnowledge?,
        onClaims: ([FileScan], [ClaimedIDs?]) -> Void
    ) throws -> Verdicts {
        let duplicates = DuplicateIDRule.judge(scans)
        PhaseClock.mark("duplicate IDs settled")
        onClaims(scans, duplicates.claimedIDs(in: scans))
        let context = ReconcileContext(
            scans: scans, options: options, claims: duplicates.claims, repeats: duplicates.repeats,
            conflicting: duplicates.conflicting)
        var verdicts = duplicates.verdicts
        for ruleVerdicts in try judgeRules(context, store: store) { verdicts.append(ruleVerdicts) }
        return verdicts
    }

    /// The verdicts of each of `rules`, in its order. The rules that ask the store run on this thread (the
    /// store connection's), one after another; the others on the other core, beside them (up to
    /// `parallelPeopleLimit` people), or after them. The rules that use every core run last, on this thread.
    private static func judgeRules(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> [Verdicts] {
        let rules = Self.rules
        let asking = rules.filter { $0.asksStore && !$0.usesEveryCore }
        let beside = rules.filter { !$0.asksStore && !$0.usesEveryCore }
        let last = rules.filter { $0.usesEveryCore }
        var asked: [Verdicts] = []
        var besides: [Verdicts] = []
        if context.personCount <= parallelPeopleLimit {
            // The rules beside get the context only (Sendable); the store stays on this thread.
            let task = BackgroundTask { try beside.map { try $0.judge(context, store: nil) } }
            do {
                asked = try asking.map { try $0.judge(context, store: store) }
            } catch {
                _ = try? task.wait()
                throw error
            }
            besides = try task.wait()
        } else {
            asked = try asking.map { try $0.judge(context, store: store) }
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
