import CongkhaiDomain
import Foundation

/// A document's own page, in the official layout: header, heading, body,
/// footer, appendices, and the metadata panel beside them.
struct DocumentPage {
    let frame: PageFrame
    /// External identifiers' pages, for the links of "what it cites".
    var citationPages = CitationPageIndex()

    func render(_ record: DocumentRecord) -> String { frame.theme.render(context(of: record), template: "document") }

    /// The page as the bytes of its file.
    func renderBytes(_ record: DocumentRecord) -> [UInt8] { frame.theme.renderBytes(context(of: record), template: "document") }

    /// What the template is given.
    func context(of record: DocumentRecord) -> [String: Any] {
        let root = Routes.root(of: record.url)
        let t = frame.theme
        let m = record.metadata
        let typeName = m.type?.name ?? t.string("document")
        let number = Formatting.number(m.number)
        let pageTitle = [typeName + (number.map { " " + $0 } ?? ""), m.title].compactMap { $0 }.joined(separator: ": ")
        let breadcrumbs: [(String, String?)] = [(frame.yearName(m.year), Routes.year(m.year)), (number ?? typeName, nil)]
        var context = frame.context(pagePath: record.url, title: pageTitle, breadcrumbs: breadcrumbs)
        frame.addOpenData(of: record, breadcrumbs: breadcrumbs, to: &context)
        frame.setLastUpdated(of: record, in: &context)
        var d: [String: Any] = [
            "typeName": typeName,
            "bodyHTML": record.text.bodyHTML,
            "issuer": m.issuer ?? frame.site.name,
            "isParty": m.number?.style == .party,
        ]
        if let type = m.type, type.code != "CV" { d["typeHeading"] = type.heading } else { d["isLetter"] = true }
        if let title = m.title { d["title"] = title }
        if let p = m.parentIssuer ?? (m.issuer == nil ? frame.site.parent : nil) { d["parentIssuer"] = p }
        if let n = m.number { d["numberLine"] = n.display }
        if let place = m.place ?? frame.site.place { d["place"] = place }
        if let date = m.date { d["dateOfficial"] = date.official; d["dateISO"] = date.iso }
        if !m.recipients.isEmpty { d["recipients"] = RecipientList.punctuated(m.recipients); d["hasRecipients"] = true }
        if !m.recipients.isEmpty || m.signer != nil || !m.signerTitle.isEmpty { d["hasFooter"] = true }
        if !m.signerTitle.isEmpty { d["signerTitle"] = m.signerTitle }
        // A rank or degree ("Đại tá", "TS.") is printed before the name but is not part of it.
        if let s = m.signer { d["signer"] = [m.signerRank, s].compactMap { $0 }.joined(separator: " ") }
        let appendices = record.text.appendices.map { a -> [String: Any] in
            var out: [String: Any] = ["id": a.id, "title": a.title, "html": a.html]
            if let s = a.subtitle { out["subtitle"] = s }
            return out
        }
        if !appendices.isEmpty { d["appendices"] = appendices }
        let sections = record.text.headings.filter { $0.level == 2 }
        if sections.count >= 3 { d["toc"] = sections.map { ["id": $0.id, "text": $0.text] }; d["hasToc"] = true }
        let rows = metadataRows(record)
        let compact = Set(Self.compactRows.map { t.string($0) })
        d["meta"] = rows.filter { compact.contains($0["label"] as? String ?? "") }
        let more = rows.filter { !compact.contains($0["label"] as? String ?? "") }
        d["moreMeta"] = more
        d["hasMoreMeta"] = !more.isEmpty
        let isDraft = CitizenFormatting.isDraft(record)
        d["isDraft"] = isDraft
        // A page made from a signed document says so, with the signed original (a PDF beside it) to download.
        if m.signer != nil, !isDraft {
            d["signedNote"] = true
            if let signed = record.attachments.first(where: { $0.kind.uppercased() == "PDF" }) { d["signedHref"] = root + signed.sitePath }
        }
        context["description"] = CitizenFormatting.description(of: m, typeName: typeName, issuer: m.issuer ?? frame.site.name,
                                                               strings: t.strings)
        if !record.attachments.isEmpty {
            d["hasAttachments"] = true
            d["attachments"] = record.attachments.map { file -> [String: Any] in
                ["href": root + file.sitePath, "name": file.name, "kind": file.kind, "size": Formatting.size(file.size)]
            }
        }
        addLinks(of: record, root: root, to: &d)
        // The template reads these inside {{#doc}}: a missing key would be looked up
        // in the page around it (whose "title" is the page title), so none is missing.
        for key in Self.documentKeys where d[key] == nil { d[key] = false }
        context["doc"] = d
        return context
    }

    static let documentKeys = ["typeHeading", "isLetter", "title", "parentIssuer", "numberLine", "place", "dateOfficial", "dateISO",
                               "recipients", "hasRecipients", "hasFooter", "signerTitle", "signer", "appendices", "toc", "hasToc",
                               "attachments", "hasAttachments", "cites", "hasCites", "citedBy", "hasCitedBy", "relations", "hasRelations",
                               "banners", "moreMeta", "hasMoreMeta", "isDraft", "signedNote", "signedHref"]

    /// The rows a phone shows before the document: what people came for.
    static let compactRows = ["meta_type", "meta_number", "meta_date", "meta_status"]

    /// The panel a portal shows for every document (Nghị định 42/2022): form,
    /// number, issuer, dates, signer, field, status.
    func metadataRows(_ record: DocumentRecord) -> [[String: Any]] {
        let m = record.metadata
        let t = frame.theme
        var rows: [[String: Any]] = []
        func add(_ key: String, _ text: String?, datetime: String? = nil) {
            guard let text, !text.trimmingSpaces.isEmpty else { return }
            rows.append(["label": t.string(key), "text": text, "datetime": datetime ?? false])
        }
        add("meta_type", m.type?.name)
        add("meta_number", Formatting.number(m.number))
        add("meta_issuer", m.issuer ?? frame.site.name)
        add("meta_date", m.date?.official, datetime: m.date?.iso)
        add("meta_published", m.published?.official, datetime: m.published?.iso)
        add("meta_effective", m.effective?.official, datetime: m.effective?.iso)
        add("meta_signer", m.signer.map { s in (m.signerTitle.last.map { $0.capitalizedFirst + " " } ?? "") + s })
        add("meta_field", m.field)
        add("meta_status", m.status)
        return rows
    }

    /// What the document cites, what cites it, and its declared relations both ways.
    func addLinks(of record: DocumentRecord, root: String, to d: inout [String: Any]) {
        let t = frame.theme
        // Every key is present (false when empty), since a missing key makes Mustache search
        // the whole context; suffixes are made here rather than with nested sections, each of
        // which costs swift-mustache a dynamic cast, on tens of items per page.
        func item(_ ref: DocumentRecord.Reference) -> [String: Any] {
            ["href": Routes.href(root, ref.url), "label": ref.label,
             "date": ref.metadata.date?.short ?? false, "titleSuffix": ref.metadata.title.map { ": " + $0 } ?? ""]
        }
        let cites = record.cites.map { cite -> [String: Any] in
            ["text": cite.citation.text, "dateSuffix": cite.citation.date.map { " (\($0.short))" } ?? "",
             "href": cite.target.map { Routes.href(root, $0.url) } ?? citationPages.path(of: cite).map { Routes.href(root, $0) } ?? false]
        } + record.standards.map { ["text": $0.written, "dateSuffix": "", "href": false] }
        if !cites.isEmpty { d["cites"] = cites; d["hasCites"] = true }
        let citedBy = record.citedBy.map(item)
        if !citedBy.isEmpty { d["citedBy"] = citedBy; d["hasCitedBy"] = true }
        var relations: [[String: Any]] = []
        var banners: [[String: Any]] = []
        for r in record.relations {
            guard r.isInverse, let source = r.target else {
                var out: [String: Any] = ["relation": t.string("relation_\(r.kind.rawValue)"), "text": r.written, "href": false]
                if let target = r.target { out["href"] = Routes.href(root, target.url); out["text"] = target.label }
                relations.append(out)
                continue
            }
            var out = item(source)
            out["relation"] = t.string("relation_\(r.kind.rawValue)_by")
            out["text"] = source.label
            relations.append(out)
            if r.kind != .basedOn && r.kind != .implements {
                out["banner"] = t.string("banner_\(r.kind.rawValue)")
                banners.append(out)
            }
        }
        if !relations.isEmpty { d["relations"] = relations; d["hasRelations"] = true }
        if !banners.isEmpty { d["banners"] = banners }
    }
}

extension String {
    /// "PHÓ GIÁM ĐỐC" → "Phó giám đốc".
    var capitalizedFirst: String {
        let lower = lowercased()
        guard let f = lower.first else { return lower }
        return f.uppercased() + lower.dropFirst()
    }
}
