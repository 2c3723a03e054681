// swift-tools-version:6.0
import PackageDescription

/// podtrack: file drops in, one truthful order status out, per storefront.
/// Dependencies point one way: podtrack (CLI) -> PODTrack -> PODTrackLedger -> PODTrackCore.
let package = Package(
    name: "podtrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "podtrack", targets: ["podtrack"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "CSHA256"),
        .target(name: "CMallocTuning"),
        .target(name: "PODTrackCore", dependencies: ["CSHA256"]),
        .target(name: "PODTrackLedger", dependencies: ["PODTrackCore", "CSQLite"]),
        .target(name: "PODTrack", dependencies: ["PODTrackCore", "PODTrackLedger"]),
        .executableTarget(name: "podtrack", dependencies: ["PODTrack", "CMallocTuning"]),
        .testTarget(name: "PODTrackCoreTests", dependencies: ["PODTrackCore"]),
        .testTarget(name: "PODTrackLedgerTests", dependencies: ["PODTrackLedger"]),
        .testTarget(name: "PODTrackTests", dependencies: ["PODTrack"]),
    ]
)
