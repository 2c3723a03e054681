// swift-tools-version:6.0
import PackageDescription

/// Release builds only (debug builds and the tests keep Swift's defaults):
/// - cross-module optimization, so generic code of one module (`ProducerThread.run`, the CSV
///   reader) is specialized for the types of the module that calls it instead of running through
///   value witnesses;
/// - no run-time exclusivity checks: the compiler still proves what it can statically, the
///   debug build checks the rest in every test, and on the hot path the checks cost 5% of the
///   applying thread's instructions (callgrind, 20k-order world).
let release: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

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
        .target(name: "PODTrackCore", dependencies: ["CSHA256"], swiftSettings: release),
        .target(name: "PODTrackLedger", dependencies: ["PODTrackCore", "CSQLite"], swiftSettings: release),
        .target(name: "PODTrack", dependencies: ["PODTrackCore", "PODTrackLedger"], swiftSettings: release),
        .executableTarget(name: "podtrack", dependencies: ["PODTrack", "CMallocTuning"], swiftSettings: release),
        .testTarget(name: "PODTrackCoreTests", dependencies: ["PODTrackCore"]),
        .testTarget(name: "PODTrackLedgerTests", dependencies: ["PODTrackLedger"]),
        .testTarget(name: "PODTrackTests", dependencies: ["PODTrack"]),
    ]
)
