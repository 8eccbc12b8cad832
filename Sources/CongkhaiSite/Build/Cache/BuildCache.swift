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
    static let format = 6
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
    @PackedStringTable var pageInputs: [String: String] = [:]
    /// Steps whose output depends only on the records, by step name.
    var steps: [String: StepEntry] = [:]
    /// Size and time of each attachment and static file copied, by content path: "size:nanoseconds".
    var copied: [String: String] = [:]
    /// Every file of the site as written.
    @PackedFileList var files: [CachedFile] = []
    /// The last build's report, given again when nothing changed.
    var summary = Summary()
    /// Each source entry as stored, by path: an entry that did not change is written back as it was read.
    var storedSources: [String: Data] = [:]
    /// Each document's search words, when this build found them (see `SearchTermsStore`);
    /// nil when the search step kept the previous index whole, and with it the stored words.
    var searchTerms: [String: String]?
    /// The sources file as read or written, for the next save (see `save`).
    var sourcesFile = SourcesFile()

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
        var document: Document? {
            get { held?.value }
            set { held = newValue.map(Boxed.init) }
        }
        /// The document, boxed: a dictionary holds its entries' fields in one block, and a document's own are about a
        /// kilobyte, so every entry held one more copy of them (150 MB at 100,000 documents).
        private var held: Boxed<Document>?
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

        private enum CodingKeys: String, CodingKey {
            case size, modified, digest, held = "document", failure, renderKey, renderDiagnostics, renderAttachments, published, url
        }

        init(size: Int, modified: Int64, digest: String) {
            (self.size, self.modified, self.digest) = (size, modified, digest)
        }

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

    static let fileName = "cache.bin"
    /// Present while an incremental build changes the site in place: the next build does not trust the site.
    static let dirtyName = "site-being-changed"

    static let sourcesName = "sources.bin"

    /// The cache's small part only (key, fingerprint, report): enough to tell that nothing changed.
    static func loadHead(from folder: URL) -> BuildCache? {
        guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(dirtyName).path),
              let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let cache = try? CompactCoder.decode(BuildCache.self, from: data),
              cache.format == format else { return nil }
        return cache
    }

    /// The entries of every source file; false when they cannot be read (the build is then a full one).
    /// The file is a run of records, each a path and an entry (`CompactCoder`), each preceded by its
    /// length in four bytes: the records are found without reading them, and decoded on all cores.
    /// A rebuild appends the entries that changed (an empty entry: the file is gone), so a later
    /// record of a path replaces an earlier one (see `save`).
    mutating func loadSources(from folder: URL) -> Bool {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(Self.sourcesName)) else { return false }
        let records: [String: Range<Int>]? = data.withUnsafeBytes { Self.latestRecords(in: $0) }
        guard let records else { return false }
        let paths = Array(records.keys)
        let decoded: [SourceEntry?] = data.withUnsafeBytes { raw in
            parallelMap(paths) { path in
                try? CompactCoder.decode(SourceEntry.self, from: UnsafeRawBufferPointer(rebasing: raw[records[path]!]))
            }
        }
        sources.reserveCapacity(paths.count)
        storedSources.reserveCapacity(paths.count)
        var live = 0
        for (path, entry) in zip(paths, decoded) {
            guard let entry else { return false }
            let range = records[path]!
            sources[path] = entry
            // A slice shares the file's bytes: an entry that does not change is written back from them.
            storedSources[path] = data[range]
            live += Self.recordSize(path: path, entry: range.count)
        }
        sourcesFile = .init(size: data.count, live: live)
        return true
    }

    /// Where the latest record of each path is in the sources file; nil when the file is cut short.
    private static func latestRecords(in raw: UnsafeRawBufferPointer, only wanted: Set<String>? = nil) -> [String: Range<Int>]? {
        var latest: [String: Range<Int>] = [:]
        var position = 0
        func run() -> Range<Int>? {
            guard position + 4 <= raw.count else { return nil }
            let length = Int(raw.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian)
            guard position + 4 + length <= raw.count else { return nil }
            defer { position += 4 + length }
            return position + 4..<position + 4 + length
        }
        while position < raw.count {
            guard let path = run(), let entry = run() else { return nil }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[path]), as: UTF8.self)
            if let wanted, !wanted.contains(name) { continue }
            latest[name] = entry.isEmpty ? nil : entry
        }
        return latest
    }

    /// The entries of `paths` only, as the sources file holds them last (a path it does not hold has none):
    /// the shortcut for edited texts decodes these and no other. Nil when the file cannot be read.
    static func loadSources(_ paths: Set<String>, from folder: URL) -> [String: SourceEntry]? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(sourcesName), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> [String: SourceEntry]? in
            guard let records = latestRecords(in: raw, only: paths) else { return nil }
            var entries: [String: SourceEntry] = [:]
            for (path, range) in records {
                guard let entry = try? CompactCoder.decode(SourceEntry.self, from: UnsafeRawBufferPointer(rebasing: raw[range])) else {
                    return nil
                }
                entries[path] = entry
            }
            return entries
        }
    }

    /// Appends entries to the sources file and writes the head, as a rebuild's `save` does, for the
    /// shortcut for edited texts, which decoded neither the other entries nor their stored form.
    func saveChanged(_ entries: [String: SourceEntry], to folder: URL) throws {
        let encoded = try entries.keys.sorted().map { ($0, Data(try CompactCoder.encode(entries[$0]!))) }
        try Self.append(encoded, to: folder.appendingPathComponent(Self.sourcesName))
        try replace(Self.fileName, in: folder, with: Data(try CompactCoder.encode(self)))
    }

    /// What the sources file holds: its size, and the bytes of the records still in use.
    struct SourcesFile {
        var size = 0
        var live = 0
    }

    static func recordSize(path: String, entry: Int) -> Int { 8 + path.utf8.count + entry }

    /// What `save` wrote: the stored form of every entry, and the sources file's size.
    struct Saved {
        var stored: [String: Data]
        var file: SourcesFile
    }

    /// `previous` gives the stored form of entries that did not change. A rebuild appends the
    /// entries that changed to the sources file (saving is then the size of the change, not of
    /// the corpus); when the records replaced outweigh those in use, or without a previous cache,
    /// the file is written whole. Either way it is written while the cache folder's flag says the
    /// site is being changed (`markDirty`), cleared only once everything is saved: a build
    /// interrupted halfway through an append leaves a cache that is not trusted.
    /// The other files are written to new files and renamed over the old ones: never half written.
    /// `keepingStored`: whether the stored form of every entry is returned, for a cache kept in memory.
    @discardableResult
    func save(to folder: URL, previous: BuildCache?, keepingStored: Bool = true) throws -> Saved {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = sources.keys.sorted()
        let sourcesURL = folder.appendingPathComponent(Self.sourcesName)
        let saved: Saved
        if let previous, previous.sourcesFile.size > 0, FileStamps.stamp(of: sourcesURL.path)?.size == previous.sourcesFile.size {
            saved = try saveChanges(paths, to: folder, previous: previous)
        } else {
            saved = try saveWhole(paths, to: folder, previous: previous, keepingStored: keepingStored)
        }
        if let searchTerms {
            try replace(SearchTermsStore.fileName, in: folder) { handle in
                try SearchTermsStore.write(searchTerms) { try handle.write(contentsOf: $0) }
            }
        }
        try replace(Self.fileName, in: folder, with: Data(try CompactCoder.encode(self)))
        // The files of the cache's JSON format (4 and before), which no build reads any more.
        for old in ["cache.json", "sources.jsonl"] { try? fm.removeItem(at: folder.appendingPathComponent(old)) }
        return saved
    }

    /// Each entry's stored form, `previous`'s when it did not change, else encoded on all cores (`changed`).
    private func stored(_ paths: [String], previous: BuildCache?) throws -> [(entry: Data, changed: Bool)] {
        try parallelMap(paths) { path in
            Result { () -> (entry: Data, changed: Bool) in
                if let before = previous?.sources[path], let stored = previous?.storedSources[path], sources[path]!.isStored(as: before) {
                    return (stored, false)
                }
                return (Data(try CompactCoder.encode(sources[path]!)), true)
            }
        }.map { try $0.get() }
    }

    /// Entries a full save encodes and writes at once. Encoding them all first held every entry's bytes beside
    /// the build's state: 80 MB at 10,000 documents, 800 MB at 100,000, the peak of a full build.
    static let saveBatch = 2048

    /// The sources file written whole, a batch of entries at a time.
    private func saveWhole(_ paths: [String], to folder: URL, previous: BuildCache?, keepingStored: Bool) throws -> Saved {
        var kept: [String: Data] = [:]
        var live = 0
        try replace(Self.sourcesName, in: folder) { handle in
            for start in stride(from: 0, to: paths.count, by: Self.saveBatch) {
                let batch = Array(paths[start..<min(paths.count, start + Self.saveBatch)])
                let entries = Array(zip(batch, try stored(batch, previous: previous).map(\.entry)))
                try Self.write(entries, to: handle)
                live += entries.reduce(0) { $0 + Self.recordSize(path: $1.0, entry: $1.1.count) }
                if keepingStored { for (path, entry) in entries { kept[path] = entry } }
            }
        }
        return Saved(stored: kept, file: SourcesFile(size: live, live: live))
    }

    /// The entries that changed appended to the sources file, or the file written whole when the records they
    /// replace would outweigh those in use.
    private func saveChanges(_ paths: [String], to folder: URL, previous: BuildCache) throws -> Saved {
        let entries = try stored(paths, previous: previous)
        let lines = Dictionary(uniqueKeysWithValues: zip(paths, entries.map(\.entry)))
        let changedPaths = zip(paths, entries).filter { $1.changed }.map(\.0)
        let removed = Set(previous.sources.keys).subtracting(sources.keys).sorted()
        let live = paths.reduce(0) { $0 + Self.recordSize(path: $1, entry: lines[$1]!.count) }
        let appended = changedPaths.map { ($0, lines[$0]!) } + removed.map { ($0, Data()) }
        let size = previous.sourcesFile.size + appended.reduce(0) { $0 + Self.recordSize(path: $1.0, entry: $1.1.count) }
        if size <= 2 * live + (1 << 20) {
            try Self.append(appended, to: folder.appendingPathComponent(Self.sourcesName))
            return Saved(stored: lines, file: SourcesFile(size: size, live: live))
        }
        try replace(Self.sourcesName, in: folder) { try Self.write(paths.map { ($0, lines[$0]!) }, to: $0) }
        return Saved(stored: lines, file: SourcesFile(size: live, live: live))
    }

    /// Records of the sources file: each path and entry preceded by its length.
    /// Writes records (each path and entry preceded by its length) a megabyte at a time: the whole file made
    /// in memory first, and copied into a `Data`, was twice every entry's bytes, the peak of a full build that
    /// writes the cache (244 MB at 10,000 documents).
    private static func write(_ entries: [(String, Data)], to handle: FileHandle) throws {
        var chunk = [UInt8]()
        chunk.reserveCapacity(1 << 20)
        for (path, entry) in entries {
            withUnsafeBytes(of: UInt32(path.utf8.count).littleEndian) { chunk.append(contentsOf: $0) }
            chunk.append(contentsOf: path.utf8)
            withUnsafeBytes(of: UInt32(entry.count).littleEndian) { chunk.append(contentsOf: $0) }
            chunk.append(contentsOf: entry)
            try chunk.flush { try handle.write(contentsOf: $0) }
        }
        try chunk.flush(over: 1) { try handle.write(contentsOf: $0) }
    }

    private static func append(_ entries: [(String, Data)], to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try write(entries, to: handle)
    }

    private func replace(_ name: String, in folder: URL, with data: Data) throws {
        try replace(name, in: folder) { try $0.write(contentsOf: data) }
    }

    /// Writes a cache file beside the old one, then renames it over it.
    private func replace(_ name: String, in folder: URL, writing: (FileHandle) throws -> Void) throws {
        try Self.replaceFile(name, in: folder, writing: writing)
    }

    /// Writes a cache file beside the old one, then renames it over it: never half written.
    static func replaceFile(_ name: String, in folder: URL, writing: (FileHandle) throws -> Void) throws {
        let temporary = folder.appendingPathComponent(name + ".new")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try writing(handle)
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
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
