import CongkhaiMessages
import Foundation

/// A file of a folder, named by its path inside the folder with `/` separators.
public struct SiteFile: Sendable {
    public let path: String
    public let url: URL
    public let size: Int64
}

public enum SiteFiles {
    /// Every regular file under `root`, sorted by path (byte order of UTF-8), never in the file
    /// system's order. Hidden files are left out (the build marker, editor files) except under
    /// `.well-known/`, where a site publishes its archive key.
    public static func list(_ root: URL, keepHidden: Bool = false) throws -> [SiteFile] {
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.path
        guard let walker = fm.enumerator(atPath: rootPath) else {
            throw ArchiveFailure(.folderUnreadable, ["folder": rootPath])
        }
        var files: [SiteFile] = []
        while let relative = walker.nextObject() as? String {
            let parts = relative.split(separator: "/")
            let hidden = parts.contains { $0.hasPrefix(".") } && !relative.hasPrefix(".well-known/")
            if hidden && !keepHidden {
                if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory, relative != ".well-known" {
                    walker.skipDescendants()
                }
                continue
            }
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let size = (walker.fileAttributes?[.size] as? NSNumber)?.int64Value ?? 0
            files.append(SiteFile(path: relative, url: URL(fileURLWithPath: rootPath + "/" + relative), size: size))
        }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}

/// What the archive needs to know about the pages of a built site, from its open catalogues.
public struct SiteCatalogue: Sendable {
    public struct Page: Sendable {
        public let path: String
        public let title: String
        public let year: Int?
        public let attachments: [String]
    }
    public let documents: [Page]
    public let procedures: [Page]

    public static func read(site: URL) throws -> SiteCatalogue {
        SiteCatalogue(documents: try pages(site.appendingPathComponent("api/documents.json"), titleKey: "title"),
                      procedures: try pages(site.appendingPathComponent("api/procedures.json"), titleKey: "name"))
    }

    private struct Entry: Decodable {
        var url: String?
        var title: String?
        var name: String?
        var year: Int?
        var attachments: [Attachment]?
        struct Attachment: Decodable { var url: String? }
    }

    /// The catalogues are `{"count": N, "documents": [...]}` (or `procedures`); a bare list is read too.
    private struct Wrapped: Decodable {
        var documents: [Entry]?
        var procedures: [Entry]?
    }

    private static func decodeList(_ data: Data) throws -> [Entry] {
        if let list = try? JSONDecoder().decode([Entry].self, from: data) { return list }
        let wrapped = try JSONDecoder().decode(Wrapped.self, from: data)
        guard let list = wrapped.documents ?? wrapped.procedures else {
            throw ArchiveFailure(.catalogueHasNoList)
        }
        return list
    }

    static func count(_ url: URL) throws -> Int {
        guard let data = FileManager.default.contents(atPath: url.path) else { return 0 }
        do { return try decodeList(data).count } catch {
            throw ArchiveFailure(.notACatalogue, ["file": url.path])
        }
    }

    static func pages(_ url: URL, titleKey: String) throws -> [Page] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let entries: [Entry]
        do { entries = try decodeList(data) } catch {
            throw ArchiveFailure(.notACatalogue, ["file": url.path])
        }
        return entries.compactMap { entry in
            guard let raw = entry.url else { return nil }
            let path = raw.hasSuffix("/") || raw.isEmpty ? raw + "index.html" : raw
            let title = (titleKey == "title" ? entry.title : entry.name) ?? entry.title ?? entry.name ?? path
            return Page(path: path, title: title, year: entry.year, attachments: (entry.attachments ?? []).compactMap(\.url))
        }
    }
}

/// The address under which the site is published, for the WACZ records.
public enum SiteAddress {
    /// `--base-url` when given; otherwise the home page's own address (its `og:url`, written when
    /// `site.yml` has `base_url`); otherwise a placeholder address that says it is one.
    public static func resolve(explicit: String?, site: URL) -> (url: String, source: ArchiveText) {
        if let explicit, !explicit.isEmpty { return (withSlash(explicit), .addressFromOption) }
        if let home = try? String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8),
           let link = home.range(of: "<meta property=\"og:url\" content=\"") {
            let rest = home[link.upperBound...]
            if let end = rest.firstIndex(of: "\"") {
                var canonical = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
                if canonical.hasSuffix("index.html") { canonical.removeLast("index.html".count) }
                if canonical.hasPrefix("http") { return (withSlash(canonical), .addressFromHome) }
            }
        }
        return (placeholder, .addressPlaceholder)
    }

    public static let placeholder = "https://cong-khai.invalid/"

    static func withSlash(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }
}
