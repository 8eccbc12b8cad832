import CongkhaiDomain
import Foundation

/// What the previous build learnt, kept beside the output folder so that the
/// next build reads only the files that changed and renders only the pages
/// whose inputs changed (".Site.cache/" beside "Site/").
///
/// Trusted only when everything that is not recorded per file is the same:
/// the congkhai version, the theme, site.yml and the build options (`key`),
/// and the site in the output folder is the one this cache describes (its
/// marker's digest). Anything else, and the build is a full one.
struct BuildCache: Codable {
    /// Changed whenever the meaning of a field changes: an older cache is ignored.
    static let format = 4
    var format = BuildCache.format
    /// The version, theme, configuration and options this cache was made with.
    var key = ""
    /// Every content and theme file's path, size and modification time: equal means nothing to do.
    var fingerprint = ""
    /// When the build that wrote this cache started (seconds since 1970): a file
    /// changed after that instant is digested again even if its time looks the same.
    var started = 0.0
    /// What reading each content file produced, by content path.
    var sources: [String: SourceEntry] = [:]
    /// The input digest of each document page, by output path.
    var pageInputs: [String: String] = [:]
    /// Steps whose output depends only on the records, by step name.
    var steps: [String: StepEntry] = [:]
    /// Size and time of each attachment and static file copied, by content path: "size:nanoseconds".
    var copied: [String: String] = [:]
    /// Every file of the site as written.
    var files: [CachedFile] = []
    /// The last build's report, given again when nothing changed.
    var summary = Summary()
    /// Each source entry as stored, by path: an entry that did not change is written back as it was read.
    var storedSources: [String: Data] = [:]
    /// Each document's search words, when this build found them (see `SearchTermsStore`);
    /// nil when the search step kept the previous index whole, and with it the stored words.
    var searchTerms: [String: String]?

    /// `sources` is stored apart, one line per file, decoded on all cores and written
    /// back unchanged where it did not change: it is most of the cache's size.
    private enum CodingKeys: String, CodingKey {
        case format, key, fingerprint, started, pageInputs, steps, copied, files, summary
    }

    struct SourceEntry: Codable {
        var size: Int
        var modified: Int64
        var digest: String
        /// The document as read, before linking, its Markdown dropped (it is read again when needed).
        var document: Document?
        /// Why the file was left out, when it was.
        var failure: Diagnostic?
        /// What the text was rendered from (the file and the addresses it links to), and what that said.
        var renderKey = ""
        var renderDiagnostics: [Diagnostic] = []
        /// The files the text links to, besides those named in front matter: part of the record.
        var renderAttachments: [AttachmentFile] = []
        /// The document was on the site the last build made.
        var published = false
        /// Its page's address on that site: a rebuild learns the published addresses from here
        /// instead of decoding the published catalogues.
        var url: String?

        /// Whether this entry's stored form is `before`'s: the same bytes read the
        /// same way (reading is deterministic), rendered from the same inputs.
        func isStored(as before: SourceEntry) -> Bool {
            digest == before.digest && size == before.size && modified == before.modified && renderKey == before.renderKey
                && published == before.published && url == before.url && (failure == nil) == (before.failure == nil)
                && (document == nil) == (before.document == nil)
        }
    }

    struct StepEntry: Codable {
        var input: String
        var files: [String]
        var diagnostics: [Diagnostic]
    }

    struct CachedFile: Codable {
        var path: String
        var size: Int
        var sha256: String
        var written: WrittenFile { WrittenFile(path: path, size: size, sha256: sha256) }
    }

    struct Summary: Codable {
        var documentCount = 0
        var byType: [[String]] = []
        var byYear: [[String]] = []
        var diagnostics: [Diagnostic] = []
        var pages: [String] = []
        var notices: [String] = []
    }
}

extension BuildCache {
    /// ".Site.cache" beside "Site": on the same disk, outside the published folder.
    static func folder(for output: URL) -> URL {
        let resolved = output.standardizedFileURL.resolvingSymlinksInPath()
        return resolved.deletingLastPathComponent().appendingPathComponent(".\(resolved.lastPathComponent).cache")
    }

    static let fileName = "cache.json"
    /// Present while an incremental build changes the site in place: the next build does not trust the site.
    static let dirtyName = "site-being-changed"

    static let sourcesName = "sources.jsonl"

    /// The cache's small part only (key, fingerprint, report): enough to tell that nothing changed.
    static func loadHead(from folder: URL) -> BuildCache? {
        guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(dirtyName).path),
              let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.format == format else { return nil }
        return cache
    }

    /// The entries of every source file; false when they cannot be read (the build is then a full one).
    mutating func loadSources(from folder: URL) -> Bool {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(Self.sourcesName)) else { return false }
        // Lines found with memchr over the bytes: Data's own `split` took as long as decoding them.
        let lines: [(path: String, json: Data)?] = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return [] }
            var lines: [(path: String, json: Data)?] = []
            var start = 0
            while start < raw.count {
                let rest = raw.count - start
                let end = memchr(base + start, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) } ?? raw.count
                if end > start {
                    let line = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                    if let tab = line.firstIndex(of: 0x09) {
                        lines.append((String(decoding: line[..<tab], as: UTF8.self), Data(line[(tab + 1)...])))
                    } else {
                        lines.append(nil)
                    }
                }
                start = end + 1
            }
            return lines
        }
        let decoded = parallelMap(lines) { line -> (String, Data, SourceEntry)? in
            guard let (path, json) = line else { return nil }
            return (try? JSONDecoder().decode(SourceEntry.self, from: json)).map { (path, json, $0) }
        }
        guard decoded.allSatisfy({ $0 != nil }) else { return false }
        for case let (path, json, entry)? in decoded {
            sources[path] = entry
            storedSources[path] = json
        }
        return true
    }

    /// Written to new files and renamed over the old ones: never half written.
    /// `previous` gives the stored form of entries that did not change. Gives the stored form of every entry.
    @discardableResult
    func save(to folder: URL, previous: BuildCache?) throws -> [String: Data] {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = sources.keys.sorted()
        // Slashes as they are: every number holds one, and an escaped one sends the decoder down its slow path.
        let entryEncoder = JSONEncoder()
        entryEncoder.outputFormatting = [.withoutEscapingSlashes]
        let lines = parallelMap(paths) { path -> Data in
            let entry = sources[path]!
            if let before = previous?.sources[path], let stored = previous?.storedSources[path], entry.isStored(as: before) {
                return stored
            }
            return (try? entryEncoder.encode(entry)) ?? Data()
        }
        var out = Data()
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 64 })
        for (path, line) in zip(paths, lines) {
            out.append(Data(path.utf8))
            out.append(0x09)
            out.append(line)
            out.append(0x0A)
        }
        try replace(Self.sourcesName, in: folder, with: out)
        if let searchTerms { try replace(SearchTermsStore.fileName, in: folder, with: SearchTermsStore.data(searchTerms)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try replace(Self.fileName, in: folder, with: try encoder.encode(self))
        return Dictionary(uniqueKeysWithValues: zip(paths, lines))
    }

    private func replace(_ name: String, in folder: URL, with data: Data) throws {
        let temporary = folder.appendingPathComponent(name + ".new")
        try data.write(to: temporary)
        guard rename(temporary.path, folder.appendingPathComponent(name).path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path])
        }
    }

    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output))
    }

    static func markDirty(_ folder: URL) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(dirtyName).path, contents: Data())
    }

    static func clearDirty(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(dirtyName))
    }
}

extension SiteBuilder {
    /// Where the build cache of a site is kept.
    public static func cacheFolder(for output: URL) -> URL { BuildCache.folder(for: output) }
}
