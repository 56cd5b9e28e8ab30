// swift-tools-version: 6.0
import PackageDescription

// The module graph is the architecture (see DESIGN.md §2):
// supportbot → ChatStore → Assistant → IntentModel → COpenBLAS;
// supportbot → CursesTerminal → (CNcursesw, ChatApp → IntentModel).
let package = Package(
    name: "SupportBot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "supportbot", targets: ["supportbot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "IntentModel",
            dependencies: ["COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "Assistant",
            dependencies: [
                "IntentModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "ChatStore",
            dependencies: [
                "Assistant",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "ChatApp", dependencies: ["IntentModel"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "ChatApp"]),
        .executableTarget(
            name: "supportbot",
            dependencies: [
                "IntentModel", "Assistant", "ChatStore", "ChatApp", "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "IntentModelTests", dependencies: ["IntentModel"], exclude: ["Fixtures"]),
        .testTarget(name: "AssistantTests", dependencies: ["Assistant", "IntentModel", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ChatStoreTests", dependencies: ["ChatStore", "Assistant", "IntentModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ChatAppTests", dependencies: ["ChatApp", "IntentModel"], exclude: ["__Snapshots__"]),
        // GRDB lets the end-to-end tests inspect the store the binary wrote, and lock it.
        .testTarget(name: "SupportbotTests", dependencies: ["IntentModel", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
