import CongkhaiDomain

/// An Atom feed (RFC 4287) of the newest posted documents of a list. Written
/// by hand: the format is small and flat, and the bytes must not depend on
/// the time of the build (the feed's `updated` is its newest entry's date).
struct AtomFeed {
    /// Feed readers poll often: the newest documents are enough.
    static let entryLimit = 50
    /// The `updated` of a feed with no dated entry: a fixed moment, never the clock.
    static let emptyFeedUpdated = "1970-01-01T00:00:00Z"

    let routes: Routes
    let siteName: String
    let language: String

    /// A feed at `path` of `records` (any order), for the list at `listPath`.
    /// Records without any date are left out: a feed orders by date.
    func render(path: String, title: String, listPath: String, records: [DocumentRecord]) -> String {
        let base = routes.baseURL ?? ""
        let entries = DocumentRecord.sortedNewestPostedFirst(records.filter { $0.postedDate != nil }).prefix(Self.entryLimit)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(language))\">\n"
        xml += "<id>\(XMLText.escape(base + path))</id>\n"
        xml += "<title>\(XMLText.escape(title))</title>\n"
        xml += "<updated>\(entries.first?.postedDate?.timestamp ?? Self.emptyFeedUpdated)</updated>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base + path))\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(base + listPath))\"/>\n"
        xml += "<author><name>\(XMLText.escape(siteName))</name></author>\n"
        xml += "<generator>congkhai</generator>\n"
        for record in entries { xml += entry(record, base: base) }
        return xml + "</feed>\n"
    }

    func entry(_ record: DocumentRecord, base: String) -> String {
        let m = record.metadata
        let url = XMLText.escape(base + record.url)
        let date = record.postedDate!.timestamp
        var xml = "<entry>\n<id>\(url)</id>\n<title>\(XMLText.escape(Self.title(of: record)))</title>\n"
        xml += "<updated>\(date)</updated>\n<published>\(date)</published>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
        xml += "<author><name>\(XMLText.escape(m.issuer ?? siteName))</name></author>\n"
        if let type = m.type {
            xml += "<category term=\"\(XMLText.escape(Routes.typeSegment(type)))\" scheme=\"\(XMLText.escape(base + Routes.types))\" "
                + "label=\"\(XMLText.escape(type.name))\"/>\n"
        }
        if let field = record.procedure?.field ?? m.field {
            xml += "<category term=\"\(XMLText.escape(Routes.fieldSegment(field)))\" label=\"\(XMLText.escape(field))\"/>\n"
        }
        if let summary = Self.summary(of: record) { xml += "<summary type=\"text\">\(XMLText.escape(summary))</summary>\n" }
        return xml + "</entry>\n"
    }

    /// "Kế hoạch 545/KH-STTTT-VP: Thực hiện ..."; a procedure by its name and code.
    static func title(of record: DocumentRecord) -> String {
        if let p = record.procedure {
            let name = p.name ?? record.metadata.title ?? record.label
            return p.code.map { "\(name) (\($0))" } ?? name
        }
        let label = record.numberWritten == nil ? "" : record.label
        switch (label.isEmpty, record.metadata.title) {
        case (false, let title?): return label + ": " + title
        case (true, let title?): return (record.metadata.type.map { $0.name + ": " } ?? "") + title
        default: return label.isEmpty ? record.url : label
        }
    }

    /// The summary (trích yếu), or a procedure's name and field.
    static func summary(of record: DocumentRecord) -> String? {
        if let p = record.procedure { return [p.name, p.field].compactMap { $0 }.joined(separator: " · ") }
        return record.metadata.title
    }
}
