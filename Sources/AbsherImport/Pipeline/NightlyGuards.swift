/// The two warnings that catch a nightly job gone wrong without a bad row (SPEC section 7): a register
/// missing from a snapshot run (`file.kind-missing`) and an export byte for byte the one the last
/// committed run read (`file.same-as-last-run`).
enum NightlyGuards {
    /// One `file.kind-missing` finding per kind without a file, for a `run` in snapshot mode; none otherwise
    /// (a delta run names only what changed, and `validate` never compares with the store).
    static func missingKindFindings(_ options: RunOptions) -> [Finding] {
        guard options.command == .run, options.mode == .snapshot else { return [] }
        let given = Set(options.inputs.map(\.kind))
        return RecordKind.allCases.filter { !given.contains($0) }.map { kind in
            Finding(
                file: "", line: nil, rule: .fileKindMissing,
                message: "\(RuleCode.fileKindMissing.summary) (\(kind.filePrefix)*.csv)", value: kind.filePrefix)
        }
    }

    /// The SHA-256 of each kind's file in the last committed run that read a file of that kind.
    static func lastCommittedSHA256(_ database: Database) throws(DatabaseError) -> [RecordKind: String] {
        let statement = try database.prepare(
            """
            SELECT f.sha256 FROM run_files f JOIN runs r ON r.id = f.run_id
            WHERE r.status = 'committed' AND f.kind = ? AND f.sha256 IS NOT NULL AND f.sha256 != ''
            ORDER BY r.id DESC LIMIT 1
            """)
        var found: [RecordKind: String] = [:]
        for kind in RecordKind.allCases {
            statement.bind(kind.rawValue, at: 1)
            if try statement.step(), let sha256 = statement.columnString(0) { found[kind] = sha256 }
            statement.reset()
        }
        return found
    }

    /// Adds `file.same-as-last-run` to each scan whose file has the SHA-256 the last committed run read for
    /// its kind.
    static func markRepeatedFiles(_ scans: inout [FileScan], database: Database) throws(DatabaseError) {
        let last = try lastCommittedSHA256(database)
        for index in scans.indices {
            let scan = scans[index]
            guard !scan.sha256.isEmpty, last[scan.input.kind] == scan.sha256 else { continue }
            scans[index].findings.append(
                Finding(
                    file: scan.input.name, line: nil, rule: .fileSameAsLastRun,
                    message: "\(RuleCode.fileSameAsLastRun.summary) (SHA-256 \(scan.sha256.prefix(12))…)"))
        }
    }
}
