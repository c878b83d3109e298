import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

/// The SQL of the store's schema, one constant per migration; the comments in it are the documentation
/// of every table and column (copied into the README, and kept by SQLite in `sqlite_master`). A migration
/// is never edited once released: a later one changes what an earlier one made, so the current shape of
/// a table is the last migration that creates it (`people`: `version2`; every other table: `version1`).
package enum StoreSchema {
    /// Migration 1: runs, their files and counts, people, sponsors and the history of changes.
    ///
    /// Conventions: dates are text `YYYY-MM-DD` (Gregorian), times ISO 8601 UTC text
    /// (`2024-05-01T22:00:00Z`), Booleans 0/1, absent values NULL (never an empty string).
    /// Here `people` and `sponsors` are `WITHOUT ROWID` tables keyed by their 10-digit ID: one B-tree
    /// search per lookup instead of an index search followed by a table search. `sponsors` stays so;
    /// `version2` makes `people` a rowid table.
    static let version1 = """
        -- One row per run that reached the store. A run is one transaction, so an aborted run (or a
        -- dry run) leaves no row unless the pipeline records it after the rollback.
        CREATE TABLE runs (
            id            INTEGER PRIMARY KEY,   -- surrogate key, referenced by every other table
            run_key       TEXT NOT NULL UNIQUE,  -- the run id as in report folder names (Reports/<run_key>/)
            started_at    TEXT NOT NULL,         -- ISO 8601 UTC, when the run started
            ended_at      TEXT,                  -- ISO 8601 UTC, when the run ended
            run_date      TEXT NOT NULL,         -- YYYY-MM-DD, the run's "today" (--now), for expiry checks
            mode          TEXT NOT NULL CHECK (mode IN ('snapshot', 'delta')),  -- --mode
            status        TEXT NOT NULL          -- how the run ended
                              CHECK (status IN ('committed', 'aborted', 'dry-run', 'failed')),
            exit_code     INTEGER,               -- the process exit code of the run
            rows_read     INTEGER NOT NULL DEFAULT 0,  -- data rows read from every file (blank lines excluded)
            rows_accepted INTEGER NOT NULL DEFAULT 0,  -- rows merged (no error finding)
            rows_rejected INTEGER NOT NULL DEFAULT 0,  -- rows with at least one error finding, not merged
            warnings      INTEGER NOT NULL DEFAULT 0   -- warning findings, all files
        );

        -- One row per input file of a run.
        CREATE TABLE run_files (
            run_id   INTEGER NOT NULL REFERENCES runs (id),  -- the run
            kind     TEXT NOT NULL,              -- the file's record kind: citizen, resident or sponsor
            path     TEXT NOT NULL,              -- the path as given on the command line
            sha256   TEXT,                       -- SHA-256 of the file's bytes, lower-case hex
            rows     INTEGER NOT NULL DEFAULT 0, -- data rows read
            accepted INTEGER NOT NULL DEFAULT 0, -- rows merged
            rejected INTEGER NOT NULL DEFAULT 0, -- rows with an error finding
            warnings INTEGER NOT NULL DEFAULT 0, -- warning findings
            PRIMARY KEY (run_id, path)
        ) WITHOUT ROWID;

        -- Per run, how many times each rule fired and each change kind occurred (for trends).
        CREATE TABLE run_counts (
            run_id   INTEGER NOT NULL REFERENCES runs (id),  -- the run
            category TEXT NOT NULL CHECK (category IN ('rule', 'change')),  -- what `name` names
            name     TEXT NOT NULL,              -- a rule code (id.checksum) or a change kind (updated)
            count    INTEGER NOT NULL,           -- how many
            PRIMARY KEY (run_id, category, name)
        ) WITHOUT ROWID;

        -- The canonical record of every citizen and resident ever imported: normalised values as the
        -- field rules store them. Inactive records are kept (active = 0), never deleted.
        CREATE TABLE people (
            id                  TEXT NOT NULL PRIMARY KEY,  -- 10 digits: national ID (1…) or iqama (2…)
            kind                TEXT NOT NULL CHECK (kind IN ('citizen', 'resident')),  -- which register
            name_ar             TEXT,                -- name in Arabic script, NFC
            name_en             TEXT,                -- name in Latin script, NFC
            birth_date          TEXT,                -- Gregorian YYYY-MM-DD (Hijri input converted)
            gender              TEXT CHECK (gender IN ('M', 'F')),  -- M or F
            mobile              TEXT,                -- Saudi mobile in E.164 (+9665XXXXXXXX)
            email               TEXT,                -- e-mail, domain lower-cased
            username            TEXT,                -- Absher username as given
            username_key        TEXT,                -- username lower-cased: unique among people
            preferred_language  TEXT CHECK (preferred_language IN ('ar', 'en')),  -- ar or en
            nationality         TEXT,                -- ISO 3166-1 alpha-3 (residents)
            sponsor_id          TEXT,                -- the resident's sponsor (sponsors.id); NULL for citizens
            document_expiry     TEXT,                -- YYYY-MM-DD, ID (citizens) or iqama (residents) expiry
            active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),  -- 0 once deactivated
            record_hash         INTEGER NOT NULL,    -- 64-bit hash of the canonical field values (same hash: unchanged)
            first_run_id        INTEGER REFERENCES runs (id),  -- the run that inserted the record
            last_changed_run_id INTEGER REFERENCES runs (id)   -- the last run that changed it
        ) WITHOUT ROWID;
        -- Lookups by mobile or e-mail, and checks for contacts shared between people.
        CREATE INDEX people_mobile ON people (mobile) WHERE mobile IS NOT NULL;
        CREATE INDEX people_email ON people (email) WHERE email IS NOT NULL;
        -- A username belongs to one person, whatever its letter case.
        CREATE UNIQUE INDEX people_username_key ON people (username_key) WHERE username_key IS NOT NULL;
        -- The residents of a sponsor (a sponsor named by an active resident is not deactivated).
        CREATE INDEX people_sponsor_id ON people (sponsor_id) WHERE sponsor_id IS NOT NULL;

        -- The canonical record of every sponsor: individuals (leading 1 or 2) and establishments (leading 7).
        CREATE TABLE sponsors (
            id                  TEXT NOT NULL PRIMARY KEY,  -- national ID, iqama or unified number, 10 digits
            sponsor_type        TEXT NOT NULL CHECK (sponsor_type IN ('individual', 'establishment')),
                                                 -- given, or implied by the ID's leading digit
            name                TEXT,                -- name, any script, NFC
            mobile              TEXT,                -- Saudi mobile in E.164
            email               TEXT,                -- e-mail, domain lower-cased
            active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),  -- 0 once deactivated
            record_hash         INTEGER NOT NULL,    -- 64-bit hash of the canonical field values
            first_run_id        INTEGER REFERENCES runs (id),  -- the run that inserted the record
            last_changed_run_id INTEGER REFERENCES runs (id)   -- the last run that changed it
        ) WITHOUT ROWID;

        -- The history: every change a run made to a record, one row per changed field (or one per
        -- row-level change). Unchanged records leave no row.
        CREATE TABLE changes (
            id          INTEGER PRIMARY KEY,     -- order of the changes
            run_id      INTEGER NOT NULL REFERENCES runs (id),  -- the run that made the change
            record_id   TEXT NOT NULL,           -- people.id or sponsors.id
            record_kind TEXT NOT NULL CHECK (record_kind IN ('citizen', 'resident', 'sponsor')),
            change      TEXT NOT NULL CHECK (change IN ('new', 'updated', 'missing', 'deactivated', 'reactivated',
                            'sponsor-transfer', 'document-renewed', 'recovery-contact-changed')),
            -- A record's insertion is its first_run_id, not a 'new' row here (lookup shows both as history).
            field       TEXT,                    -- the changed column; NULL for a row-level change (new, missing…)
            old_value   TEXT,                    -- the value before, as stored; NULL when absent
            new_value   TEXT                     -- the value after, as stored; NULL when absent
        );
        -- A record's history in run order (lookup), and a run's changes (reports).
        CREATE INDEX changes_record_id ON changes (record_id, run_id);
        CREATE INDEX changes_run_id ON changes (run_id);
        """
    /// Migration 2: `people` becomes an ordinary rowid table with a unique index `people_id` on its ID,
    /// instead of a `WITHOUT ROWID` table keyed by it. A load then appends its new rows to the table in
    /// staging order and builds `people_id` by sorting, instead of inserting every row into the table's
    /// B-tree in ID order (1M rows, sqlite3 shell: 0.58 s for the rows and 0.44 s for `people_id` instead
    /// of 2.2 s); a lookup by ID costs an index search and a rowid search instead of one search. Columns,
    /// types, checks and defaults are those of `version1`, and so are the indexes on `mobile` and
    /// `username_key`. Those on `email` and `sponsor_id` are gone: nothing the tool does searches by them
    /// (`lookup` takes an ID, a username or a mobile; the shared-contact rules count this run's people; the
    /// sponsors that active residents name are read in one scan), and each cost 0.4 s of every first load
    /// of 1M rows (BENCHMARKS.md). An operator's query by e-mail or sponsor reads the table (0.1 s for 960k
    /// people, from the page cache).
    ///
    /// `id` has no `PRIMARY KEY` clause: on a rowid table that would make an automatic index, which
    /// cannot be dropped while a load rebuilds the table's indexes (`RecordStore.flushStaged`). The rows
    /// are copied in ID order, then the old table is dropped (with its indexes) and the new one renamed;
    /// no other table has a foreign key to `people`.
    static let version2 = """
        -- The canonical record of every citizen and resident ever imported: normalised values as the
        -- field rules store them. Inactive records are kept (active = 0), never deleted.
        CREATE TABLE people_new (
            id                  TEXT NOT NULL,       -- 10 digits: national ID (1…) or iqama (2…)
            kind                TEXT NOT NULL CHECK (kind IN ('citizen', 'resident')),  -- which register
            name_ar             TEXT,                -- name in Arabic script, NFC
            name_en             TEXT,                -- name in Latin script, NFC
            birth_date          TEXT,                -- Gregorian YYYY-MM-DD (Hijri input converted)
            gender              TEXT CHECK (gender IN ('M', 'F')),  -- M or F
            mobile              TEXT,                -- Saudi mobile in E.164 (+9665XXXXXXXX)
            email               TEXT,                -- e-mail, domain lower-cased
            username            TEXT,                -- Absher username as given
            username_key        TEXT,                -- username lower-cased: unique among people
            preferred_language  TEXT CHECK (preferred_language IN ('ar', 'en')),  -- ar or en
            nationality         TEXT,                -- ISO 3166-1 alpha-3 (residents)
            sponsor_id          TEXT,                -- the resident's sponsor (sponsors.id); NULL for citizens
            document_expiry     TEXT,                -- YYYY-MM-DD, ID (citizens) or iqama (residents) expiry
            active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),  -- 0 once deactivated
            record_hash         INTEGER NOT NULL,    -- 64-bit hash of the canonical field values (same hash: unchanged)
            first_run_id        INTEGER REFERENCES runs (id),  -- the run that inserted the record
            last_changed_run_id INTEGER REFERENCES runs (id)   -- the last run that changed it
        );
        INSERT INTO people_new (id, kind, name_ar, name_en, birth_date, gender, mobile, email, username,
            username_key, preferred_language, nationality, sponsor_id, document_expiry, active, record_hash,
            first_run_id, last_changed_run_id)
        SELECT id, kind, name_ar, name_en, birth_date, gender, mobile, email, username,
            username_key, preferred_language, nationality, sponsor_id, document_expiry, active, record_hash,
            first_run_id, last_changed_run_id
        FROM people ORDER BY id;
        DROP TABLE people;
        ALTER TABLE people_new RENAME TO people;
        -- A person's ID is unique: lookups by ID, and the check that a load inserts no ID twice.
        CREATE UNIQUE INDEX people_id ON people (id);
        -- Lookups by mobile (`absher-import lookup`).
        CREATE INDEX people_mobile ON people (mobile) WHERE mobile IS NOT NULL;
        -- A username belongs to one person, whatever its letter case.
        CREATE UNIQUE INDEX people_username_key ON people (username_key) WHERE username_key IS NOT NULL;
        """

    /// Migration 3: the pairs of people a reviewer recorded as different people (contract §4b), never
    /// reported as possible duplicates again.
    static let version3 = """
        -- One row per pair dismissed with `absher-import matches dismiss ID ID`.
        CREATE TABLE match_dismissals (
            first_id     TEXT NOT NULL,  -- the smaller of the two 10-digit IDs
            second_id    TEXT NOT NULL,  -- the larger
            dismissed_by TEXT NOT NULL,  -- $USER (or $LOGNAME) of who dismissed it
            dismissed_at TEXT NOT NULL,  -- ISO 8601 UTC, when
            PRIMARY KEY (first_id, second_id)
        ) WITHOUT ROWID;

        -- The open pairs: one row per pair a committed run reported in matches.csv, kept until dismissed.
        CREATE TABLE match_pairs (
            first_id    TEXT NOT NULL,     -- the run's record (listed first in matches.csv)
            first_kind  TEXT NOT NULL CHECK (first_kind IN ('citizen', 'resident')),
            second_id   TEXT NOT NULL,     -- the other person record
            second_kind TEXT NOT NULL CHECK (second_kind IN ('citizen', 'resident')),
            score       REAL NOT NULL,     -- 0 to 1, the probability that they are one person
            reasons     TEXT NOT NULL,     -- what agreed: birth_date,name_ar,name_en,mobile,…
            run_id      INTEGER NOT NULL REFERENCES runs (id),  -- the last run that reported it
            PRIMARY KEY (first_id, second_id)
        ) WITHOUT ROWID;
        """
}
