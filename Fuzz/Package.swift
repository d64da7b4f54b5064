// swift-tools-version:6.1
// libFuzzer targets for the parsers, kept apart from the main package so `make test` never builds them.
// Build with `swift build --sanitize fuzzer --sanitize address` (Fuzz/run.sh; `make fuzz`).
import PackageDescription

let package = Package(
    name: "ReserveFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ReserveLedger", path: "..")],
    targets: [
        // One binary for every target: FUZZ_TARGET names the parser (ParserFuzzing.FuzzTarget).
        .executableTarget(
            name: "ReserveFuzz",
            dependencies: [.product(name: "ParserFuzzing", package: "ReserveLedger")]
        ),
    ]
)
