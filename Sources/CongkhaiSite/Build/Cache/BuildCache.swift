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
    static let format = 1
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
        /// The document was on the site the last build made.
        var published = false
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

    static func load(from folder: URL) -> BuildCache? {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder.appendingPathComponent(dirtyName).path),
              let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.format == format else { return nil }
        return cache
    }

    /// Written to a new file and renamed over the old one: never half written.
    func save(to folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(self)
        let temporary = folder.appendingPathComponent(Self.fileName + ".new")
        try data.write(to: temporary)
        guard rename(temporary.path, folder.appendingPathComponent(Self.fileName).path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path])
        }
    }

    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output))
    }

    static func markDirty(_ folder: URL) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder.appendingPathComponent(dirtyName).path, contents: Data())
    }

    static func clearDirty(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(dirtyName))
    }
}

extension SiteBuilder {
    /// Where the build cache of a site is kept.
    public static func cacheFolder(for output: URL) -> URL { BuildCache.folder(for: output) }
}
