import CongkhaiDomain

/// The site's feeds: one for the whole site, one per document type, one for
/// procedures. Made only when the site has a `base_url`, since a feed's
/// addresses must be absolute.
struct FeedSet {
    let feed: AtomFeed
    let strings: UIStrings
    let records: [DocumentRecord]
    /// Documents by type, types in address order (each feed sorts its own); procedures apart.
    let types: [(type: DocumentType?, documents: [DocumentRecord])]
    let procedures: [DocumentRecord]

    init(records: [DocumentRecord], config: SiteConfig, strings: UIStrings) {
        feed = AtomFeed(routes: Routes(baseURL: config.baseURL), siteName: config.name, language: config.language)
        self.strings = strings
        self.records = records
        let byType = Dictionary(grouping: records.filter { $0.procedure == nil }, by: { $0.metadata.type })
        types = byType.keys.sorted { Routes.typeSegment($0) < Routes.typeSegment($1) }.map { ($0, byType[$0]!) }
        procedures = records.filter { $0.procedure != nil }
    }

    /// Every feed file, path and text.
    func files() -> [(path: String, text: String)] {
        let site = feed.siteName
        var files = [(Routes.siteFeed, feed.render(path: Routes.siteFeed, title: "\(site): \(strings["feed_site_title"])",
                                                   listPath: Routes.recent, records: records))]
        for (type, documents) in types {
            let name = type?.name ?? strings["unknown_type"]
            files.append((Routes.typeFeed(type), feed.render(path: Routes.typeFeed(type), title: "\(site): \(name)",
                                                             listPath: Routes.type(type), records: documents)))
        }
        if !procedures.isEmpty {
            files.append((Routes.proceduresFeed, feed.render(path: Routes.proceduresFeed, title: "\(site): \(strings["procedures"])",
                                                             listPath: Routes.procedures, records: procedures)))
        }
        return files
    }

    /// The feeds a page announces in its head: the site's on every page, and
    /// the feed of the list the page belongs to (a type, the procedures). The
    /// links are relative like every other link of the site (feed readers
    /// resolve them against the page, and they keep working from disk); the
    /// feeds' own contents are absolute. None when there is no base_url, since there are no feeds.
    static func links(pagePath: String, baseURL: String?, strings: UIStrings, hasProcedures: Bool) -> [[String: String]] {
        guard baseURL != nil else { return [] }
        let root = Routes.root(of: pagePath)
        var links = [["href": root + Routes.siteFeed, "title": strings["feed_site_title"]]]
        if pagePath.hasPrefix(Routes.types), pagePath.count > Routes.types.count {
            let segment = pagePath.dropFirst(Routes.types.count).prefix { $0 != "/" }
            links.append(["href": root + Routes.types + segment + "/feed.atom", "title": strings["feed_type_title"]])
        } else if hasProcedures, pagePath.hasPrefix(Routes.procedures) {
            links.append(["href": root + Routes.proceduresFeed, "title": strings["feed_procedures_title"]])
        }
        return links
    }
}
