// swift-tools-version: 6.0
import PackageDescription

// The module graph is the architecture (DESIGN.md §2):
//   supportbot (commands, wiring) → ChatStore, CursesTerminal, ChatApp, Assistant, IntentModel
//   CursesTerminal → CNcursesw, ChatApp            (conforms to ChatApp.Terminal)
//   ChatApp → Assistant                            (pure TUI core and its runtime loop)
//   ChatStore → Assistant, IntentModel, GRDB       (conforms to Assistant's store protocols)
//   PostgresStore → Assistant, IntentModel, PostgresNIO   (the same protocols on PostgreSQL)
//   Assistant → IntentModel → COpenBLAS, CKernels
// ChatApp never imports IntentModel: what it shows of a prediction comes as Assistant values.
// SupportBotTestSupport holds the test doubles (terminal, clock, chat backend, in-memory store)
// and the fuzz-corpus replay; only test targets depend on it.

/// Every Swift target of ours (not the dependencies): each file imports the modules whose members
/// it uses, and a warning fails the build, here as in CI.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "SupportBot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "supportbot", targets: ["supportbot"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // Single-utterance inference kernels in C: AVX2 + FMA where the CPU has it, else portable.
        .target(name: "CKernels"),
        .target(
            name: "IntentModel",
            dependencies: ["COpenBLAS", "CKernels"],
            swiftSettings: swiftSettings + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "Assistant",
            dependencies: [
                "IntentModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChatStore",
            dependencies: [
                "Assistant", "IntentModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PostgresStore",
            dependencies: [
                "Assistant", "IntentModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ChatApp", dependencies: ["Assistant"], swiftSettings: swiftSettings),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "ChatApp"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "supportbot",
            dependencies: [
                "IntentModel", "Assistant", "ChatStore", "PostgresStore", "ChatApp", "CursesTerminal",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // The evaluation report: its HTML page from a Mustache template, its CSV files.
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SupportBotTestSupport",
            dependencies: ["Assistant", "ChatApp", "IntentModel"],
            path: "Tests/SupportBotTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntentModelTests", dependencies: ["IntentModel", "CKernels", "SupportBotTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AssistantTests",
            dependencies: [
                "Assistant", "IntentModel", "SupportBotTestSupport", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChatStoreTests",
            dependencies: [
                "ChatStore", "PostgresStore", "Assistant", "IntentModel", "SupportBotTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChatAppTests",
            dependencies: ["ChatApp", "Assistant", "IntentModel", "SupportBotTestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CursesTerminalTests", dependencies: ["CursesTerminal", "ChatApp", "SupportBotTestSupport"],
            swiftSettings: swiftSettings
        ),
        // GRDB and PostgresStore let the end-to-end tests inspect the store the binary wrote (and lock it).
        .testTarget(
            name: "SupportbotTests",
            dependencies: [
                "PostgresStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
