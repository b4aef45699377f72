// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ReportKit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reportgen", targets: ["reportgen"]),
        .library(name: "ReportKit", targets: ["ReportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev), found through pkg-config.
        .systemLibrary(
            name: "CcmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The whole pipeline: content loading, Markdown, data, tables, charts, theme, build/output.
        .target(
            name: "ReportKit",
            dependencies: [
                "CcmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
                "DefaultThemeFiles",
            ]
        ),
        // The default theme built into the binary: every file of themes/default/, embedded at build
        // time by the EmbedDefaultTheme plugin (scripts/embed-theme.sh; offline, deterministic). Its
        // folder is themes/ so that SwiftPM notices a file added to the theme (see the plugin).
        .target(name: "DefaultThemeFiles", path: "themes", exclude: ["default"], sources: ["DefaultThemeFiles.swift"],
                plugins: ["EmbedDefaultTheme"]),
        .plugin(name: "EmbedDefaultTheme", capability: .buildTool()),
        // The live preview: HTTP server (FlyingFox), file watcher, reload events, error overlay.
        // Kept out of ReportKit so the library stays server-free.
        .target(
            name: "ReportServer",
            dependencies: [
                "ReportKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The command-line interface: argument parsing only, the work happens in ReportKit.
        .executableTarget(
            name: "reportgen",
            dependencies: [
                "ReportKit",
                "ReportServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (`make fuzz`): plain executables that replay files given as arguments,
        // built with -sanitize=fuzzer -DFUZZING they are fuzzers.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzCSV", dependencies: ["ReportKit", "FuzzSupport"]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["ReportKit", "FuzzSupport"]),
        .executableTarget(name: "FuzzDirective", dependencies: ["ReportKit", "FuzzSupport"]),
        .executableTarget(name: "FuzzPaths", dependencies: ["ReportKit", "FuzzSupport"]),
        .executableTarget(name: "FuzzChart", dependencies: ["ReportKit", "FuzzSupport"]),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EndToEndTests", dependencies: ["ReportKit", "ReportServer", "reportgen", "FuzzCSV", "FuzzFrontMatter",
                                                        "FuzzDirective", "FuzzPaths", "FuzzChart"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
