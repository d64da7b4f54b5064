// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ReserveLedger",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Bitcoin", targets: ["Bitcoin"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Treasury", targets: ["Treasury"]),
        .library(name: "ReserveCommands", targets: ["ReserveCommands"]),
        // The parsers' fuzz entries: Fuzz/ (libFuzzer) and the regression replay in TreasuryTests call the same code.
        .library(name: "ParserFuzzing", targets: ["ParserFuzzing"]),
        .executable(name: "reserve", targets: ["reserve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        .target(
            name: "Bitcoin",
            dependencies: ["CSecp256k1", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // A shim for SQLite's variadic sqlite3_config (allocation statistics off).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "Ledger",
            dependencies: ["CSQLiteTuning", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "Treasury",
            dependencies: ["Bitcoin", "Ledger", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "ReserveCommands",
            dependencies: ["Bitcoin", "Ledger", "Treasury", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "reserve", dependencies: ["ReserveCommands"]),
        .target(name: "ParserFuzzing", dependencies: ["Bitcoin", "Treasury"]),
        .testTarget(name: "BitcoinTests", dependencies: ["Bitcoin", "CSecp256k1", "TestSupport"], resources: [.copy("Vectors")]),
        .executableTarget(name: "ledger-stress", dependencies: ["Ledger"], path: "Tests/LedgerStress"),
        // Helpers the test targets share: temporary directories that remove themselves.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "ledger-stress", "TestSupport"]),
        .testTarget(name: "TreasuryTests", dependencies: ["Treasury", "CSecp256k1", "ParserFuzzing", "TestSupport"]),
        .testTarget(name: "ReserveCommandsTests", dependencies: ["ReserveCommands", "reserve", "TestSupport"]),
    ]
)
