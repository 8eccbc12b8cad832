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
        .library(name: "CongkhaiPublish", targets: ["CongkhaiPublish"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
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
            dependencies: ["CCmarkGFM"]
        ),
        .target(
            name: "CongkhaiSite",
            dependencies: [
                "CongkhaiDomain",
                "CongkhaiMarkdown",
                "CFileSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/document-types.yml")]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Publishing to the web server: release folders, the atomic switch, the unpublish guard.
        .target(name: "CongkhaiPublish", dependencies: ["CZlib"]),
        .executableTarget(
            name: "congkhai",
            dependencies: [
                "CongkhaiSite",
                "CongkhaiPublish",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CongkhaiDomainTests", dependencies: ["CongkhaiDomain"]),
        .testTarget(
            name: "CongkhaiSiteTests",
            dependencies: ["CongkhaiSite", "CongkhaiMarkdown", "CongkhaiDomain"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CongkhaiPublishTests", dependencies: ["CongkhaiPublish"]),
    ],
    swiftLanguageModes: [.v5]
)
