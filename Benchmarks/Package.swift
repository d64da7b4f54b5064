// swift-tools-version:6.1
// Release-build benchmarks, kept apart from the main package so `make test` never builds them.
import PackageDescription

let package = Package(
    name: "ReserveBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ReserveLedger", path: "..")],
    targets: [
        .executableTarget(
            name: "ReserveBench",
            dependencies: [
                .product(name: "Bitcoin", package: "ReserveLedger"),
                .product(name: "Ledger", package: "ReserveLedger"),
                .product(name: "Treasury", package: "ReserveLedger"),
            ]
        ),
    ]
)
