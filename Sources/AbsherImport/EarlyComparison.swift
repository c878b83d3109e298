import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// `StoreComparison.Prepared` for every file, made on a thread of its own over a read-only view of the
/// store: it sees the last committed state, which is what the run's own connection holds until it merges
/// (the run holds the lock, so nobody else commits meanwhile).
struct EarlyComparison {
    private let task: BackgroundTask<[StoreComparison.Prepared]?>

    /// The scans are let go once the comparison is made (before `wait()` returns), so that the reconciler's
    /// verdicts do not copy them.
    init(snapshots: any StoreSnapshotSource, scans: [FileScan], claims: [Reconciler.ClaimedIDs?]) {
        task = BackgroundTask {
            // Any failure (the store cannot be opened a second time, say) gives nil, and the run compares on
            // its own connection after the reconciler.
            guard let snapshot = try? snapshots.open() else { return nil }
            defer { snapshot.close() }
            return try? Self.compare(scans, claims: claims, with: snapshot)
        }
    }

    /// The comparison of each file, citizens and residents in one pass of the store's people (which is what
    /// the username rule waits for), then the others.
    private static func compare(
        _ scans: [FileScan], claims: [Reconciler.ClaimedIDs?], with snapshot: any StoreSnapshot
    ) throws -> [StoreComparison.Prepared] {
        var prepared = [StoreComparison.Prepared?](repeating: nil, count: scans.count)
        var builders: [RecordKind: (file: Int, builder: StoreComparison.Prepared.Builder)] = [:]
        for (file, scan) in scans.enumerated() where scan.input.kind.isPerson {
            builders[scan.input.kind] = (
                file, StoreComparison.Prepared.Builder(facts: scan.facts, claimed: claims[file])
            )
        }
        if !builders.isEmpty {
            var citizens = builders[.citizen]
            var residents = builders[.resident]
            try snapshot.forEachStoredPerson { kind, id, active, hash in
                if kind == .citizen {
                    citizens?.builder.visit(id: id, active: active, hash: hash)
                } else {
                    residents?.builder.visit(id: id, active: active, hash: hash)
                }
            }
            for built in [citizens, residents] {
                guard let built else { continue }
                prepared[built.file] = built.builder.finish()
            }
        }
        for (file, scan) in scans.enumerated() where prepared[file] == nil {
            prepared[file] = try StoreComparison.Prepared(facts: scan.facts, claimed: claims[file]) { body in
                try snapshot.forEachStored(scan.input.kind, body)
            }
        }
        return prepared.map { $0! }
    }

    /// The comparisons, in the order of the scans; nil when they could not be made.
    func wait() -> [StoreComparison.Prepared]? {
        (try? task.wait()) ?? nil
    }
}
