// swift-tools-version:6.0
import Foundation
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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        // The command line's words and the diagnostics' texts, in Vietnamese and English (data files, chosen at print time).
        .target(
            name: "CongkhaiMessages",
            dependencies: ["CongkhaiDomain", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/messages")]
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
                "CongkhaiMessages",
                "CFileSwap",
                "CMimalloc",
                "CSystemZstd",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/document-types.yml")]
        ),
        .target(
            name: "CongkhaiImport",
            dependencies: ["CongkhaiDomain", "CongkhaiSite", "CongkhaiMessages", .product(name: "Yams", package: "Yams")]
        ),
        // The preview server: the site built into memory, served over HTTP, rebuilt on change.
        .target(
            name: "CongkhaiServe",
            dependencies: ["CongkhaiSite", "CongkhaiDomain", "CongkhaiMessages", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // Snapshots of a built site: a browsable zip with a signed manifest, and a WACZ for web-archive tools.
        .target(
            name: "CongkhaiArchive",
            dependencies: [
                "CongkhaiDomain",
                "CongkhaiMessages",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Gives the memory a build step let go back to the system (`malloc_trim`): part of the C library.
        // mimalloc takes the place of glibc's malloc in the whole process, Swift's runtime included: a build allocates
        // and frees millions of small strings and arrays on both cores, and glibc's malloc took a tenth of its CPU
        // time (measured in the README, "Speed"). Linked before libc, so its malloc is the one every library finds.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .systemLibrary(name: "CSystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Holds each document's Markdown compressed from reading until rendering (`PackedMarkdown`).
        .systemLibrary(name: "CSystemZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // Publishing to the web server: release folders, the atomic switch, the unpublish guard.
        .target(name: "CongkhaiPublish", dependencies: ["CSystemZlib", "CongkhaiMessages"]),
        .executableTarget(
            name: "congkhai",
            dependencies: [
                "CongkhaiSite",
                "CongkhaiMarkdown",
                "CongkhaiImport",
                "CongkhaiServe",
                "CongkhaiArchive",
                "CongkhaiPublish",
                "CongkhaiMessages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The example site `congkhai new` writes.
            resources: [.copy("Resources/scaffold")]
        ),
        .testTarget(name: "CongkhaiMessagesTests", dependencies: ["CongkhaiMessages", "CongkhaiDomain", "CongkhaiSite", "congkhai"]),
        .testTarget(name: "CongkhaiDomainTests", dependencies: ["CongkhaiDomain", "CongkhaiMessages"]),
        .testTarget(name: "CongkhaiMarkdownTests", dependencies: ["CongkhaiMarkdown"]),
        .testTarget(
            name: "CongkhaiImportTests",
            dependencies: ["CongkhaiImport", "CongkhaiSite", "CongkhaiDomain", "CongkhaiMessages"],
            resources: [.copy("Fixtures")]
        ),
        // The command too: one test runs `congkhai serve` as a process.
        .testTarget(name: "CongkhaiServeTests", dependencies: ["CongkhaiServe", "CongkhaiSite", "congkhai"]),
        .testTarget(
            name: "CongkhaiArchiveTests",
            // The command itself too: the determinism test runs it as two separate processes.
            dependencies: ["CongkhaiArchive", "CongkhaiSite", "CongkhaiDomain", "congkhai",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "CongkhaiSiteTests",
            // The command itself too: some tests run it as a separate process.
            dependencies: ["CongkhaiSite", "CongkhaiMarkdown", "CongkhaiDomain", "CongkhaiMessages", "congkhai"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CongkhaiPublishTests", dependencies: ["CongkhaiPublish"]),
    ],
    swiftLanguageModes: [.v5]
)

// libFuzzer targets (fuzz/run.sh): only with CONGKHAI_FUZZ set, since they have
// no main function and link only with -sanitize=fuzzer.
if ProcessInfo.processInfo.environment["CONGKHAI_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "DomainFuzzer", dependencies: ["CongkhaiDomain"], path: "fuzz/DomainFuzzer"),
        .executableTarget(name: "MarkdownFuzzer", dependencies: ["CongkhaiMarkdown"], path: "fuzz/MarkdownFuzzer"),
    ]
    package.products += [
        .executable(name: "DomainFuzzer", targets: ["DomainFuzzer"]),
        .executable(name: "MarkdownFuzzer", targets: ["MarkdownFuzzer"]),
    ]
}
