// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "absher-import",
    platforms: [.macOS(.v13)],
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
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "PostgresClient",
            dependencies: ["CLibPQ"]
        ),
        .target(
            name: "AbsherImport",
            dependencies: ["CSQLite"]
        ),
        .executableTarget(name: "absher-import", dependencies: ["AbsherImport"]),
        .executableTarget(name: "absher-datagen", dependencies: ["AbsherImport"]),
        .testTarget(name: "AbsherImportTests", dependencies: ["AbsherImport"]),
        .testTarget(name: "AbsherImportCLITests", dependencies: ["AbsherImport"]),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "CLibPQ"]),
    ]
)
