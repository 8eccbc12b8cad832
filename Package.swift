// swift-tools-version:6.0
import PackageDescription

// The pipeline reads top to bottom: the domain model (pure Swift, no I/O),
// Markdown rendering through the system cmark-gfm, then the site build that
// loads sources, links the corpus, renders through the theme and writes files.
let package = Package(
    name: "congkhai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "congkhai", targets: ["congkhai"]),
        .library(name: "CongkhaiSite", targets: ["CongkhaiSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CFileSwap"),
        .target(
            name: "CongkhaiDomain",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "CongkhaiMarkdown",
            dependencies: ["CCmarkGFM", "CongkhaiDomain"]
        ),
        .target(
            name: "CongkhaiSite",
            dependencies: [
                "CongkhaiDomain",
                "CongkhaiMarkdown",
                "CFileSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/document-types.yml")]
        ),
        .target(
            name: "CongkhaiImport",
            dependencies: ["CongkhaiDomain", "CongkhaiSite", .product(name: "Yams", package: "Yams")]
        ),
        // The preview server: the site built into memory, served over HTTP, rebuilt on change.
        .target(
            name: "CongkhaiServe",
            dependencies: ["CongkhaiSite", "CongkhaiDomain", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "congkhai",
            dependencies: [
                "CongkhaiSite",
                "CongkhaiImport",
                "CongkhaiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CongkhaiDomainTests", dependencies: ["CongkhaiDomain"]),
        .testTarget(name: "CongkhaiMarkdownTests", dependencies: ["CongkhaiMarkdown"]),
        .testTarget(
            name: "CongkhaiImportTests",
            dependencies: ["CongkhaiImport", "CongkhaiSite", "CongkhaiDomain"],
            resources: [.copy("Fixtures")]
        ),
        // The command too: one test runs `congkhai serve` as a process.
        .testTarget(name: "CongkhaiServeTests", dependencies: ["CongkhaiServe", "CongkhaiSite", "congkhai"]),
        .testTarget(
            name: "CongkhaiSiteTests",
            // The command itself too: some tests run it as a separate process.
            dependencies: ["CongkhaiSite", "CongkhaiMarkdown", "CongkhaiDomain", "congkhai"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
