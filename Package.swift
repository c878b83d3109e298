// swift-tools-version: 6.0
import PackageDescription

/// The pipeline as targets, so that the compiler refuses an import against the flow of data
/// (README, "Architecture"): every arrow below points from a later stage to an earlier one.
/// Release builds optimise across targets. The hot code that one stage calls in another's loops is also
/// `@inlinable` (`ChunkedArray`, `CSVRecord.field`, `RecordKind.fields`, `CanonicalRecord`'s subscript, the digit
/// and hash loops): without that, `validate` ran 54% more instructions than the single-module build before the
/// split (callgrind, 20k rows), and this flag alone did not recover it; with it, 0.9% more (BENCHMARKS.md).
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "absher-import",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "absher-import", targets: ["absher-import"]),
        .library(name: "AbsherImport", targets: ["AbsherImport"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        /// glibc's `malloc_trim`, which the Glibc module does not export.
        .systemLibrary(name: "CMalloc"),
        /// `__builtin_prefetch`, which Swift does not expose: a hint, for the matcher's reads at random.
        .systemLibrary(name: "CPrefetch"),
        /// Helpers every stage may use: threads, files, sorting, CSV writing. Knows no stage.
        .target(name: "AbsherSupport", dependencies: ["CMalloc", "CPrefetch"], swiftSettings: crossModule),
        /// SHA-256's block function with the x86 SHA extensions (C intrinsics), used when the CPU has them.
        /// DWARF 4: valgrind (Scripts/compare-instructions) cannot read the DWARF 5 that clang writes by default.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        /// Bytes to records: encodings, the CSV state machine, SHA-256.
        .target(name: "AbsherReading", dependencies: ["CSHA256"], swiftSettings: crossModule),
        /// The canonical records, their kinds, fields and change kinds.
        .target(name: "AbsherSchema", swiftSettings: crossModule),
        /// Field rules and the one catalogue of rule codes and messages.
        .target(
            name: "AbsherRules", dependencies: ["AbsherReading", "AbsherSchema", "AbsherSupport"],
            swiftSettings: crossModule),
        /// One file read and checked row by row into compact facts.
        .target(
            name: "AbsherScan", dependencies: ["AbsherReading", "AbsherRules", "AbsherSchema", "AbsherSupport"],
            swiftSettings: crossModule),
        /// The store boundary: what the pipeline needs of the canonical store, engine-neutral.
        .target(name: "AbsherStore", dependencies: ["AbsherRules", "AbsherSchema"], swiftSettings: crossModule),
        /// The SQLite engine of the store.
        .target(
            name: "AbsherSQLite",
            dependencies: ["CSQLite", "AbsherStore", "AbsherRules", "AbsherSchema", "AbsherSupport"],
            swiftSettings: crossModule),
        /// Rules across rows, files and the store (asked through `AbsherStore` only), and the merge.
        .target(
            name: "AbsherReconcile",
            dependencies: ["AbsherScan", "AbsherStore", "AbsherRules", "AbsherSchema", "AbsherSupport", "CPrefetch"],
            swiftSettings: crossModule),
        /// The report folder: HTML, CSV and JSON from a `RunOutcome`.
        .target(
            name: "AbsherReports",
            dependencies: [
                "AbsherReading", "AbsherRules", "AbsherSchema", "AbsherScan", "AbsherStore", "AbsherSupport",
            ], swiftSettings: crossModule),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        /// A thin wrapper of libpq: connections, statements, COPY, advisory locks, SQLSTATE errors.
        .target(
            name: "PostgresClient",
            dependencies: ["CLibPQ"], swiftSettings: crossModule),
        /// The PostgreSQL engine of the store, through `PostgresClient`.
        .target(
            name: "AbsherPostgres",
            dependencies: ["AbsherStore", "AbsherSchema", "AbsherRules", "AbsherSupport", "PostgresClient"],
            swiftSettings: crossModule),
        /// The pipeline, the only target that knows every stage.
        .target(
            name: "AbsherImport",
            dependencies: [
                "AbsherReading", "AbsherRules", "AbsherSchema", "AbsherScan", "AbsherStore", "AbsherSQLite",
                "AbsherPostgres", "PostgresClient", "AbsherReconcile", "AbsherReports", "AbsherSupport",
            ], swiftSettings: crossModule),
        .executableTarget(
            name: "absher-import",
            dependencies: [
                "AbsherImport", "AbsherReading", "AbsherReports", "AbsherRules", "AbsherSchema", "AbsherScan",
                "AbsherStore", "AbsherSupport",
            ], swiftSettings: crossModule),
        .executableTarget(
            name: "absher-datagen", dependencies: ["AbsherRules", "AbsherSchema"], swiftSettings: crossModule),
        .testTarget(
            name: "AbsherImportTests",
            dependencies: [
                "AbsherImport", "AbsherReading", "AbsherReconcile", "AbsherReports", "AbsherRules", "AbsherSchema",
                "AbsherScan", "AbsherSQLite", "AbsherStore", "AbsherSupport", "CSQLite", "AbsherPostgres",
                "PostgresClient",
            ]
        ),
        .testTarget(
            name: "AbsherImportCLITests",
            dependencies: [
                "AbsherImport", "AbsherReading", "AbsherReconcile", "AbsherReports", "AbsherRules", "AbsherSchema",
                "AbsherScan", "AbsherSQLite", "AbsherStore", "AbsherSupport", "AbsherPostgres", "PostgresClient",
            ]
        ),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "CLibPQ"]),
    ]
)
