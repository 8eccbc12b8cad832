import CongkhaiDomain
import CongkhaiMessages
import Crypto
import Foundation
import Yams

/// `congkhai archive`: one pass over the built site that writes the browsable snapshot zip and
/// the WACZ side by side, reading every file once (a file too large to hold is streamed twice).
public struct Archiver {
    public struct Options {
        public var site: URL
        public var output: URL
        public var date: SnapshotDate
        public var year: Int?
        public var signingKey: URL?
        public var content: URL
        public var theme: URL
        public var baseURL: String?
        /// Where the snapshot files will be published, for the archive page's download links.
        public var downloadURL: String?
        public var updateRegistry: Bool
        /// Files above this size are streamed in chunks (read once to hash, once to copy) instead of held whole.
        public var holdLimit: Int64 = 32 << 20

        public init(site: URL, output: URL, date: SnapshotDate, year: Int? = nil, signingKey: URL? = nil,
                    content: URL, theme: URL, baseURL: String? = nil, downloadURL: String? = nil, updateRegistry: Bool = true) {
            (self.site, self.output, self.date, self.year, self.signingKey) = (site, output, date, year, signingKey)
            (self.content, self.theme, self.baseURL) = (content, theme, baseURL)
            (self.downloadURL, self.updateRegistry) = (downloadURL, updateRegistry)
        }
    }

    public struct Result {
        public let name: String
        public let snapshot: URL
        public let wacz: URL
        public let digestFile: URL
        public let manifestDigest: String
        public let fileCount: Int
        public let snapshotSize: Int64
        public let waczSize: Int64
        public let baseURLSource: ArchiveText
        public let factsSource: String
        public let registry: URL?
    }

    let options: Options
    public init(_ options: Options) { self.options = options }

    public func run() throws -> Result {
        let fm = FileManager.default
        let sitePath = options.site.standardizedFileURL.path + "/"
        if (options.output.standardizedFileURL.path + "/").hasPrefix(sitePath) {
            throw ArchiveFailure(.outputInsideSite, ["output": options.output.path, "site": options.site.path])
        }
        let facts = try BuildFacts.read(site: options.site, content: options.content, theme: options.theme)
        let catalogue = try SiteCatalogue.read(site: options.site)
        if let year = options.year, !catalogue.documents.contains(where: { $0.year == year }) {
            throw ArchiveFailure(.noDocumentOfYear, ["year": String(year)])
        }
        let scope = SnapshotScope(year: options.year, catalogue: catalogue)
        let (baseURL, baseSource) = SiteAddress.resolve(explicit: options.baseURL, site: options.site)
        let name = Self.snapshotName(content: options.content, day: options.date.day, year: options.year)
        try fm.createDirectory(at: options.output, withIntermediateDirectories: true)
        let work = options.output.appendingPathComponent(".\(name).work")
        try? fm.removeItem(at: work)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let key = try options.signingKey.map(ArchiveKeys.loadPrivate)

        let all = try SiteFiles.list(options.site)
        var kept = all.filter { scope.includes($0.path) }
        var keptPaths = Set(kept.map(\.path))
        if options.year != nil {
            keptPaths.insert(SnapshotScope.absentPagePath)
            kept.append(SiteFile(path: SnapshotScope.absentPagePath, url: work, size: 0))
            kept.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        }

        let zipURL = options.output.appendingPathComponent(name + ".zip")
        let waczURL = options.output.appendingPathComponent(name + ".wacz")
        let partialZip = work.appendingPathComponent("snapshot.zip")
        let zip = try DeterministicZip(creating: partialZip, modified: options.date.instant)
        let wacz = try WACZPackage(workFolder: work, date: options.date, baseURL: baseURL, software: "congkhai " + facts.version)
        var entries: [SnapshotManifest.File] = []
        entries.reserveCapacity(kept.count)
        for file in kept {
            let entryPath = SnapshotLayout.entryPath(root: name, file.path)
            let compress = Self.worthCompressing(file.path)
            if file.path == SnapshotScope.absentPagePath || file.size <= options.holdLimit {
                var data = file.path == SnapshotScope.absentPagePath ? scope.absentPage(day: options.date.day)
                    : try Self.read(file)
                if scope.rewrites(file.path) { data = scope.rewriteLinks(data, pagePath: file.path, kept: keptPaths) }
                let digest = SHA256.hash(data: data).hex
                try zip.add(entryPath, data: data, compress: compress)
                try wacz.warc.writeResponse(uri: wacz.uri(of: file.path), mediaType: MediaType.of(file.path), payload: .bytes(data),
                                            payloadDigest: digest)
                entries.append(.init(path: file.path, size: Int64(data.count), sha256: digest))
            } else {
                let digest = try FileDigest.sha256(of: file.url)
                try zip.add(entryPath, file: file.url, size: file.size, compress: compress)
                try wacz.warc.writeResponse(uri: wacz.uri(of: file.path), mediaType: MediaType.of(file.path),
                                            payload: .file(file.url, size: file.size, sha256: digest), payloadDigest: digest)
                entries.append(.init(path: file.path, size: file.size, sha256: digest))
            }
        }
        for page in catalogue.documents + catalogue.procedures where keptPaths.contains(page.path) {
            wacz.addPage(path: page.path, title: page.title)
        }
        if keptPaths.contains("index.html") { wacz.addPage(path: "index.html", title: Self.siteName(content: options.content) ?? name) }

        let manifest = SnapshotManifest(
            snapshot: .init(name: name, date: options.date.day, time: options.date.iso, scope: scope.label, baseURL: baseURL),
            build: facts, files: entries)
        let manifestData = try manifest.encoded()
        let manifestDigest = SnapshotManifest.digest(of: manifestData)
        try zip.add(SnapshotLayout.entryPath(root: name, SnapshotLayout.manifest), data: manifestData, compress: true)
        if let key {
            let signed = try SignedData.make(hash: "sha256:" + manifestDigest, created: options.date.iso, version: facts.version, key: key)
            try zip.add(SnapshotLayout.entryPath(root: name, SnapshotLayout.signature), data: try WACZPackage.json(signed), compress: false)
        }
        let partialWACZ = work.appendingPathComponent("snapshot.wacz")
        try wacz.finish(into: partialWACZ, title: Self.siteName(content: options.content) ?? name, version: facts.version, signingKey: key)

        // both files appear complete or not at all: a half-written snapshot never sits under the final name
        try? fm.removeItem(at: zipURL)
        try? fm.removeItem(at: waczURL)
        try fm.moveItem(at: partialZip, to: zipURL)
        try fm.moveItem(at: partialWACZ, to: waczURL)
        let digestFile = options.output.appendingPathComponent(name + ".sha256")
        let zipDigest = try FileDigest.sha256(of: zipURL)
        let waczDigest = try FileDigest.sha256(of: waczURL)
        // sha256sum's format: `sha256sum -c` checks the zip and the WACZ as they are, and the manifest once unpacked
        let lines = "\(manifestDigest)  \(name)/\(SnapshotLayout.manifest)\n\(zipDigest)  \(name).zip\n\(waczDigest)  \(name).wacz\n"
        try Data(lines.utf8).write(to: digestFile)

        let zipSize = Self.size(of: zipURL), waczSize = Self.size(of: waczURL)
        var registryURL: URL?
        if options.updateRegistry {
            let url = options.content.appendingPathComponent(ArchiveRegistry.fileName)
            var registry = try Self.readRegistry(url)
            registry.record(.init(date: options.date.day, scope: scope.label, file: name + ".zip", size: zipSize, sha256: manifestDigest,
                                  wacz: name + ".wacz", waczSize: waczSize, signed: key != nil, download: options.downloadURL))
            try Data(try registry.yaml().utf8).write(to: url)
            registryURL = url
        }
        return Result(name: name, snapshot: zipURL, wacz: waczURL, digestFile: digestFile, manifestDigest: manifestDigest,
                      fileCount: entries.count, snapshotSize: zipSize, waczSize: waczSize, baseURLSource: baseSource,
                      factsSource: facts.source, registry: registryURL)
    }

    static func read(_ file: SiteFile) throws -> Data {
        do { return try Data(contentsOf: file.url) } catch {
            throw ArchiveFailure(.fileUnreadable, ["file": file.url.path, "problem": FileProblem.describe(error)])
        }
    }

    static func readRegistry(_ url: URL) throws -> ArchiveRegistry {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ArchiveRegistry() }
        do { return try ArchiveRegistry.parse(text) } catch {
            throw ArchiveFailure(.registryUnreadable, ["file": url.path, "problem": "\(error)"])
        }
    }

    /// Already-compressed formats gain nothing from deflate but time.
    static func worthCompressing(_ path: String) -> Bool {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return !["png", "jpg", "jpeg", "gif", "webp", "pdf", "zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "gz", "7z", "rar"]
            .contains(ext)
    }

    /// `so-thong-tin-va-truyen-thong-2024-06-30` (the department's name from site.yml, else `cong-khai`), `-2023` for a year.
    static func snapshotName(content: URL, day: String, year: Int?) -> String {
        let slug = siteName(content: content).map { VietnameseText.slug($0, maxLength: 50) }
            .flatMap { $0.isEmpty ? nil : $0 } ?? "cong-khai"
        return "\(slug)-\(day)" + (year.map { "-nam-\($0)" } ?? "")
    }

    static func siteName(content: URL) -> String? {
        guard let text = try? String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8),
              let settings = (try? Yams.load(yaml: text)) as? [String: Any], let name = settings["name"] as? String,
              !name.isEmpty else { return nil }
        return name
    }

    static func size(of url: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}
