import CongkhaiDomain

/// `sitemap.xml` (sitemaps.org protocol 0.9): every page of the route table
/// with the newest content date it shows as `lastmod`. Beyond `limit` URLs
/// (50,000 by the protocol) it becomes a sitemap index over `sitemap-1.xml`, ...
struct Sitemap {
    static let protocolLimit = 50_000
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    let baseURL: String
    var limit = Sitemap.protocolLimit

    struct Entry {
        let path: String
        let lastmod: DocumentDate?
    }

    /// The files to write: one sitemap, or an index and its parts.
    func files(_ entries: [Entry]) -> [(path: String, text: String)] {
        guard entries.count > limit else { return [(Routes.sitemap, urlset(entries[...]))] }
        let parts = stride(from: 0, to: entries.count, by: limit).map { entries[$0..<min($0 + limit, entries.count)] }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"\(Self.namespace)\">\n"
        var files: [(String, String)] = []
        for (i, part) in parts.enumerated() {
            let path = Routes.sitemapPart(i + 1)
            index += "<sitemap><loc>\(XMLText.escape(baseURL + path))</loc>"
            if let newest = part.compactMap(\.lastmod).max() { index += "<lastmod>\(newest.firstDay)</lastmod>" }
            index += "</sitemap>\n"
            files.append((path, urlset(part)))
        }
        return [(Routes.sitemap, index + "</sitemapindex>\n")] + files
    }

    func urlset(_ entries: ArraySlice<Entry>) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"\(Self.namespace)\">\n"
        for entry in entries {
            xml += "<url><loc>\(XMLText.escape(baseURL + entry.path))</loc>"
            if let date = entry.lastmod { xml += "<lastmod>\(date.firstDay)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Each page with the newest date among what it shows: a document page its
    /// own dates, a year's or a type's list its documents', other pages the site's newest.
    static func entries(pages: [String], records: [DocumentRecord]) -> [Entry] {
        var byPage: [String: DocumentDate] = [:]
        var byList: [String: DocumentDate] = [:]
        var newest: DocumentDate?
        func keep(_ date: DocumentDate?, in table: inout [String: DocumentDate], at key: String) {
            guard let date else { return }
            if let old = table[key], old >= date { return }
            table[key] = date
        }
        for record in records {
            let date = record.contentDate
            keep(date, in: &byPage, at: record.url)
            if let date, newest.map({ date > $0 }) ?? true { newest = date }
            if record.procedure != nil {
                keep(date, in: &byList, at: Routes.procedures)
            } else {
                keep(date, in: &byList, at: Routes.year(record.metadata.year))
                keep(date, in: &byList, at: Routes.numbers(ofYear: record.metadata.year))
                keep(date, in: &byList, at: Routes.type(record.metadata.type))
            }
        }
        return pages.map { page in
            if let own = byPage[page] { return Entry(path: page, lastmod: own) }
            // a list's later pages ("nam/2020/trang-2/") share its date
            let list = byList.keys.filter { page.hasPrefix($0) }.max { $0.count < $1.count }
            return Entry(path: page, lastmod: list.flatMap { byList[$0] } ?? newest)
        }
    }
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
enum RobotsFile {
    static func text(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL + Routes.sitemap)\n"
    }
}
