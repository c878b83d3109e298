import AbsherPostgres
import Foundation
import PostgresClient
import Testing

/// A first load into an empty PostgreSQL store fills `people` and `sponsors` in fresh tables and swaps them in
/// at the end (`PostgresTableSwap`): the result must be the store the migrations and an insert in place make,
/// to every name, definition, grant and comment a reader or `psql` sees; a reader polling during the load
/// sees the empty store, then the full one, and never an error.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun, PostgresTestDatabase.skipReason))
struct PostgresFirstLoadTests {
    static let rows = 20_000

    /// What the catalogue says of the store's tables, one line per fact, in a fixed order (no OIDs).
    static let catalogue = """
        SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' '
                || pg_get_userbyid(c.relowner) || ' ' || coalesce(c.relacl::text, '-') || ' '
                || coalesce(c.reloptions::text, '-') || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '-')
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'column ' || table_name || '.' || column_name || ' ' || ordinal_position || ' ' || data_type
                || ' ' || coalesce(collation_name, '-') || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
                || ' ' || coalesce(col_description(to_regclass(table_name), ordinal_position::int), '-')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'grant ' || table_name || ' ' || grantee || ' ' || privilege_type || ' ' || is_grantable
        FROM information_schema.role_table_grants WHERE table_schema = 'public'
        UNION ALL
        SELECT 'type ' || typname || ' ' || typtype::text FROM pg_type WHERE typnamespace = 'public'::regnamespace
        ORDER BY 1
        """

    /// A migrated, empty store with what an operator adds for readers: a grant on each record table to a
    /// reader role and comments on a table and an index.
    static func preparedStore(reader: String) throws -> PostgresTestDatabase {
        let database = try PostgresTestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        try PostgresMigrations.migrate(connection)
        try connection.execute(
            """
            GRANT SELECT ON people, sponsors TO \(reader);
            COMMENT ON TABLE people IS 'the register of people';
            COMMENT ON INDEX people_mobile IS 'who has this mobile';
            """)
        return database
    }

    @Test func aFirstLoadLeavesTheTablesIndexesAndGrantsThatMigrationsAndAnInsertInPlaceLeave() throws {
        let reader = "absher_reader_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection(try #require(PostgresTestDatabase.serverURI))
        defer { admin.close() }
        try admin.execute("CREATE ROLE \(reader)")
        defer { _ = try? admin.execute("DROP ROLE \(reader)") }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, _) = try KillSafetyTests.generateNights(in: folder, rows: 2_000)

        let swapped = try Self.preparedStore(reader: reader)
        defer { swapped.drop() }
        let inPlace = try Self.preparedStore(reader: reader)
        defer { inPlace.drop() }
        // A view is a dependant the swap would not carry: that store is filled in place.
        try inPlace.rows("CREATE VIEW register_ids AS SELECT id FROM people UNION ALL SELECT id FROM sponsors")
        let oid = "SELECT to_regclass('people')::oid::text || ' ' || to_regclass('sponsors')::oid::text"
        let swappedBefore = try swapped.rows(oid)
        let inPlaceBefore = try inPlace.rows(oid)
        for database in [swapped, inPlace] {
            let load = try BinaryRun.run(
                KillSafetyTests.runArguments(night1, store: database.uri, reports: folder.path + "/reports"))
            try #require(load.status == 0, "\(load.stderr)")
        }
        #expect(try swapped.rows(oid) != swappedBefore, "the first load swapped new tables in")
        #expect(try inPlace.rows(oid) == inPlaceBefore, "with a view on the tables, the load inserted in place")
        try inPlace.rows("DROP VIEW register_ids")

        let catalogue = try swapped.rows(Self.catalogue)
        #expect(catalogue == (try inPlace.rows(Self.catalogue)))
        #expect(catalogue.contains("index people_id: CREATE UNIQUE INDEX people_id ON public.people USING btree (id)"))
        #expect(catalogue.contains("grant people \(reader) SELECT NO"))
        #expect(!catalogue.contains { $0.contains("first_load") }, "\(catalogue)")
        #expect(try swapped.rows("SELECT count(*) FROM people") != ["0"])
        #expect(try swapped.fingerprint(recordsOnly: true) == (try inPlace.fingerprint(recordsOnly: true)))
        #expect(try swapped.soundness() == "ok")
    }

    @Test func aReaderPollingDuringAFirstLoadSeesTheEmptyStoreThenTheFullOneAndNoError() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, _) = try KillSafetyTests.generateNights(in: folder, rows: Self.rows)
        let setup = try database.connect()
        try PostgresMigrations.migrate(setup)
        setup.close()
        let reader = try database.connect(readOnly: true)
        defer { reader.close() }
        let counts = PostgresFaultTests.counts
        let before = try #require(try reader.execute(counts).string(row: 0, column: 0))

        let run = try PostgresFaultTests.SpawnedRun(night1, store: database.uri, folder: folder)
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(300)
        while run.process.isRunning && Date() < deadline {
            seen.append(try #require(try reader.execute(counts).string(row: 0, column: 0)))
            // The names a reader looks up by: by ID, by mobile, by username key (each through its index).
            _ = try reader.execute("SELECT id FROM people WHERE id = '1000000001'")
            _ = try reader.execute("SELECT id FROM people WHERE mobile = '+966500000001'")
            _ = try reader.execute("SELECT id FROM people WHERE username_key = 'nobody'")
        }
        let ended = try #require(run.wait(seconds: 10))
        #expect(ended.status == 0, "\(ended.stderr)")
        let after = try #require(try reader.execute(counts).string(row: 0, column: 0))
        #expect(after != before)
        #expect(seen.count >= 10, "the reader polled throughout the run")
        let states = seen.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(states == [before] || states == [before, after], "\(states)")
        #expect(try database.rows("SELECT count(*) FROM people") == [String(after.split(separator: "/")[0])])
    }

    /// SIGKILLs at moments spread over a first load (the i-th in the i-th fifth of a clean load's time) each
    /// leave the store as the migrations made it, empty, with no `*_first_load` table; the next first load
    /// then succeeds.
    @Test func aFirstLoadKilledAnywhereLeavesTheEmptyStoreAndTheNextFirstLoadWorks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, _) = try KillSafetyTests.generateNights(in: folder, rows: Self.rows)
        let reports = folder.path + "/reports"
        let clean = try PostgresTestDatabase()
        defer { clean.drop() }
        let empty = try PostgresTestDatabase()
        defer { empty.drop() }
        let setup = try empty.connect()
        try PostgresMigrations.migrate(setup)
        setup.close()
        let emptyCatalogue = try empty.rows(Self.catalogue)
        let clock = ContinuousClock()
        let start = clock.now
        let load = try BinaryRun.run(KillSafetyTests.runArguments(night1, store: clean.uri, reports: reports))
        let duration = clock.now - start
        try #require(load.status == 0, "\(load.stderr)")
        let fullMicroseconds =
            Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12

        for index in 0..<KillSafetyTests.kills {
            let store = try PostgresTestDatabase(copying: empty)
            defer { store.drop() }
            let share = (Double(index) + Double.random(in: 0..<1)) / Double(KillSafetyTests.kills)
            let process = try KillSafetyTests.spawn(
                BinaryRun.executable, KillSafetyTests.runArguments(night1, store: store.uri, reports: reports))
            usleep(UInt32(share * fullMicroseconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let counts =
                "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM sponsors) + (SELECT count(*) FROM runs)"
            let stored = try store.rows(counts)
            // The kill may come after the commit: then the whole load is there.
            if stored == ["0"] {
                #expect(try store.rows(Self.catalogue) == emptyCatalogue, "kill \(index) at \(Int(share * 100))%")
            } else {
                #expect(try store.fingerprint(recordsOnly: true) == (try clean.fingerprint(recordsOnly: true)))
            }
            #expect(try store.soundness() == "ok")
            // The killed run's server session may hold the run lock for a moment: --lock-timeout waits for it.
            var arguments = KillSafetyTests.runArguments(night1, store: store.uri, reports: reports)
            arguments += ["--lock-timeout", "30"]
            if stored == ["0"] {
                let next = try BinaryRun.run(arguments)
                #expect(next.status == 0, "the next first load after kill \(index): \(next.stderr)")
                #expect(try store.fingerprint(recordsOnly: true) == (try clean.fingerprint(recordsOnly: true)))
            }
        }
    }

    /// A transaction that has read `people` and stays open holds the swap off (its `LOCK` tries time out
    /// after 100 ms each): meanwhile other readers' statements never wait long, and once the transaction ends
    /// the run swaps its tables in and commits.
    @Test func aReaderTransactionKeptOpenHoldsTheSwapOffWithoutOtherReadersWaiting() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, _) = try KillSafetyTests.generateNights(in: folder, rows: 2_000)
        let setup = try database.connect()
        try PostgresMigrations.migrate(setup)
        setup.close()
        let oid = "SELECT to_regclass('people')::oid::text"
        let before = try database.rows(oid)
        let holder = try database.connect(readOnly: true)
        defer { holder.close() }
        try holder.execute("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM people")
        let reader = try database.connect(readOnly: true)
        defer { reader.close() }
        // A reader queued behind a lock that waits for the open transaction would fail here, not hang.
        try reader.execute("SET statement_timeout = '5s'")

        let run = try PostgresFaultTests.SpawnedRun(night1, store: database.uri, folder: folder)
        let trying = """
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LOCK TABLE people%')
            """
        let reached = try PostgresFaultTests.waitUntil(trying, [database.name], on: database.server, while: run)
        #expect(reached, "the run reached its swap while the transaction was open")
        let clock = ContinuousClock()
        var slowest = Duration.zero
        let until = clock.now + .seconds(2)
        while clock.now < until {
            let start = clock.now
            #expect(try reader.execute("SELECT count(*) FROM people").string(row: 0, column: 0) == "0")
            slowest = max(slowest, clock.now - start)
        }
        #expect(slowest < .seconds(1), "a reader waited \(slowest) while the swap was held off")
        #expect(run.process.isRunning, "the run waits for the open transaction")
        try holder.execute("COMMIT")
        let ended = try #require(run.wait(seconds: 60))
        #expect(ended.status == 0, "\(ended.stderr)")
        #expect(try database.rows(oid) != before, "the tables were swapped once the transaction ended")
        #expect(try reader.execute("SELECT count(*) FROM people").string(row: 0, column: 0) != "0")
    }
}
