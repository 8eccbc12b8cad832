import CongkhaiDomain
import Foundation

/// A document's own page, in the official layout: header, heading, body,
/// footer, appendices, and the metadata panel beside them.
struct DocumentPage {
    let frame: PageFrame
    /// External identifiers' pages, for the links of "what it cites".
    var citationPages = CitationPageIndex()
    /// What pages as deep as one another share, made for the first of them (see `Shared`).
    let shared = Shared()

    func render(_ record: DocumentRecord) -> String { frame.theme.render(context(of: record), template: "document") }

    /// The page as the bytes of its file: about its body's size and some 12 KB of layout and panels around it.
    func renderBytes(_ record: DocumentRecord) -> [UInt8] {
        let capacity = record.text.appendices.reduce(record.text.bodyHTML.utf8.count + 12_288) { $0 + $1.html.utf8.count }
        return frame.theme.renderBytes(.object(values(of: record)), template: "document", capacity: capacity)
    }

    /// What the template is given, as swift-mustache takes it.
    func context(of record: DocumentRecord) -> [String: Any] { values(of: record).mapValues(\.any) }

    typealias Object = [String: TemplateValue]

    /// What the template is given, built as template values: a `[String: Any]` context was made, then converted
    /// value by value (casts, a second dictionary for each object), which cost as much as rendering the page.
    func values(of record: DocumentRecord) -> Object {
        let root = Routes.root(of: record.url)
        let t = frame.theme
        let m = record.metadata
        let typeName = m.type?.name ?? t.string("document")
        let number = Formatting.number(m.number)
        let pageTitle = [typeName + (number.map { " " + $0 } ?? ""), m.title].compactMap { $0 }.joined(separator: ": ")
        let breadcrumbs: [(String, String?)] = [(frame.yearName(m.year), Routes.year(m.year)), (number ?? typeName, nil)]
        let constants = shared.constants(frame, root: root)
        var context = frame.values(pagePath: record.url, title: pageTitle, breadcrumbs: breadcrumbs, shared: (root, constants.frame))
        context["jsonTwin"] = .text(Routes.twinName)
        let linkedData = LinkedData(site: frame.site).script(record, breadcrumbs: breadcrumbs, home: constants.home, root: root)
        context["linkedData"] = .text(linkedData)
        // A document's page was last updated when the document was posted (PageFrame.setLastUpdated).
        if let own = m.published ?? m.date {
            context["lastUpdated"] = .text(own.official)
            context["lastUpdatedISO"] = .text(own.iso)
        } else {
            context["lastUpdated"] = nil
        }
        let date = m.date.map { (official: $0.official, iso: $0.iso) }
        var d: Object = [:]
        d.reserveCapacity(48)
        d["typeName"] = .text(typeName)
        d["bodyHTML"] = .text(record.text.bodyHTML)
        d["issuer"] = .text(m.issuer ?? frame.site.name)
        d["isParty"] = .flag(m.number?.style == .party)
        if let type = m.type, type.code != "CV" { d["typeHeading"] = .text(type.heading) } else { d["isLetter"] = .flag(true) }
        if let title = m.title { d["title"] = .text(title) }
        if let p = m.parentIssuer ?? (m.issuer == nil ? frame.site.parent : nil) { d["parentIssuer"] = .text(p) }
        if let n = m.number { d["numberLine"] = .text(n.display) }
        if let place = m.place ?? frame.site.place { d["place"] = .text(place) }
        if let date { d["dateOfficial"] = .text(date.official); d["dateISO"] = .text(date.iso) }
        if !m.recipients.isEmpty {
            d["recipients"] = .list(RecipientList.punctuated(m.recipients).map(TemplateValue.text))
            d["hasRecipients"] = .flag(true)
        }
        if !m.recipients.isEmpty || m.signer != nil || !m.signerTitle.isEmpty { d["hasFooter"] = .flag(true) }
        if !m.signerTitle.isEmpty { d["signerTitle"] = .list(m.signerTitle.map(TemplateValue.text)) }
        // A rank or degree ("Đại tá", "TS.") is printed before the name but is not part of it.
        if let s = m.signer { d["signer"] = .text([m.signerRank, s].compactMap { $0 }.joined(separator: " ")) }
        let appendices = record.text.appendices.map { a -> TemplateValue in
            var out: Object = ["id": .text(a.id), "title": .text(a.title), "html": .text(a.html)]
            if let s = a.subtitle { out["subtitle"] = .text(s) }
            return .object(out)
        }
        if !appendices.isEmpty { d["appendices"] = .list(appendices) }
        let sections = record.text.headings.filter { $0.level == 2 }
        if sections.count >= 3 {
            d["toc"] = .list(sections.map { .object(["id": .text($0.id), "text": .text($0.text)]) })
            d["hasToc"] = .flag(true)
        }
        var meta: [TemplateValue] = [], more: [TemplateValue] = []
        for row in metadataRows(record, number: number, date: date) {
            if constants.compactLabels.contains(row.label) { meta.append(row.value) } else { more.append(row.value) }
        }
        d["meta"] = .list(meta)
        d["moreMeta"] = .list(more)
        d["hasMoreMeta"] = .flag(!more.isEmpty)
        let isDraft = CitizenFormatting.isDraft(record)
        d["isDraft"] = .flag(isDraft)
        // A page made from a signed document says so, with the signed original (a PDF beside it) to download.
        if m.signer != nil, !isDraft {
            d["signedNote"] = .flag(true)
            if let signed = record.attachments.first(where: { $0.kind.uppercased() == "PDF" }) {
                d["signedHref"] = .text(root + signed.sitePath)
            }
        }
        context["description"] = .text(CitizenFormatting.description(of: m, typeName: typeName, issuer: m.issuer ?? frame.site.name,
                                                                     strings: t.strings))
        if !record.attachments.isEmpty {
            d["hasAttachments"] = .flag(true)
            d["attachments"] = .list(record.attachments.map { file in
                .object(["href": .text(root + file.sitePath), "name": .text(file.name), "kind": .text(file.kind),
                         "size": .text(Formatting.size(file.size))])
            })
        }
        addLinks(of: record, root: root, to: &d)
        // The template reads these inside {{#doc}}: a missing key would be looked up
        // in the page around it (whose "title" is the page title), so none is missing.
        for key in Self.documentKeys where d[key] == nil { d[key] = .flag(false) }
        context["doc"] = .object(d)
        return context
    }

    static let documentKeys = ["typeHeading", "isLetter", "title", "parentIssuer", "numberLine", "place", "dateOfficial", "dateISO",
                               "recipients", "hasRecipients", "hasFooter", "signerTitle", "signer", "appendices", "toc", "hasToc",
                               "attachments", "hasAttachments", "cites", "hasCites", "citedBy", "hasCitedBy", "relations", "hasRelations",
                               "banners", "moreMeta", "hasMoreMeta", "isDraft", "signedNote", "signedHref"]

    /// The rows a phone shows before the document: what people came for.
    static let compactRows = ["meta_type", "meta_number", "meta_date", "meta_status"]

    /// The panel a portal shows for every document (Nghị định 42/2022): form,
    /// number, issuer, dates, signer, field, status. `number` and `date` are those the page shows elsewhere.
    func metadataRows(_ record: DocumentRecord, number: String?,
                      date: (official: String, iso: String)?) -> [(label: String, value: TemplateValue)] {
        let m = record.metadata
        let t = frame.theme
        var rows: [(label: String, value: TemplateValue)] = []
        rows.reserveCapacity(9)
        func add(_ key: String, _ text: String?, datetime: String? = nil) {
            guard let text, !text.trimmingSpaces.isEmpty else { return }
            let label = t.string(key)
            let time = datetime.map(TemplateValue.text) ?? .flag(false)
            rows.append((label, .object(["label": .text(label), "text": .text(text), "datetime": time])))
        }
        add("meta_type", m.type?.name)
        add("meta_number", number)
        add("meta_issuer", m.issuer ?? frame.site.name)
        add("meta_date", date?.official, datetime: date?.iso)
        add("meta_published", m.published.map(\.official), datetime: m.published.map(\.iso))
        add("meta_effective", m.effective.map(\.official), datetime: m.effective.map(\.iso))
        add("meta_signer", m.signer.map { s in (m.signerTitle.last.map { $0.capitalizedFirst + " " } ?? "") + s })
        add("meta_field", m.field)
        add("meta_status", m.status)
        return rows
    }

    /// What the document cites, what cites it, and its declared relations both ways.
    func addLinks(of record: DocumentRecord, root: String, to d: inout Object) {
        let t = frame.theme
        // Every key is present (false when empty), since a missing key makes Mustache search
        // the whole context; suffixes are made here rather than with nested sections, each of
        // which costs swift-mustache a dynamic cast, on tens of items per page.
        func item(_ ref: DocumentRecord.Reference) -> Object {
            ["href": .text(Routes.href(root, ref.url)), "label": .text(ref.label),
             "date": ref.metadata.date.map { .text($0.short) } ?? .flag(false),
             "titleSuffix": .text(ref.metadata.title.map { Formatting.joined(": ", $0) } ?? "")]
        }
        var cites: [TemplateValue] = []
        cites.reserveCapacity(record.cites.count + record.standards.count)
        for cite in record.cites {
            let href = cite.target.map { Routes.href(root, $0.url) } ?? citationPages.path(of: cite).map { Routes.href(root, $0) }
            cites.append(.object(["text": .text(cite.citation.text),
                                  "dateSuffix": .text(cite.citation.date.map { Formatting.joined(" (", $0.short, ")") } ?? ""),
                                  "href": href.map(TemplateValue.text) ?? .flag(false)]))
        }
        for standard in record.standards {
            cites.append(.object(["text": .text(standard.written), "dateSuffix": .text(""), "href": .flag(false)]))
        }
        if !cites.isEmpty { d["cites"] = .list(cites); d["hasCites"] = .flag(true) }
        let citedBy = record.citedBy.map { TemplateValue.object(item($0)) }
        if !citedBy.isEmpty { d["citedBy"] = .list(citedBy); d["hasCitedBy"] = .flag(true) }
        var relations: [TemplateValue] = []
        var banners: [TemplateValue] = []
        for r in record.relations {
            guard r.isInverse, let source = r.target else {
                var out: Object = ["relation": .text(t.string("relation_\(r.kind.rawValue)")), "text": .text(r.written),
                                   "href": .flag(false)]
                if let target = r.target { out["href"] = .text(Routes.href(root, target.url)); out["text"] = .text(target.label) }
                relations.append(.object(out))
                continue
            }
            var out = item(source)
            out["relation"] = .text(t.string("relation_\(r.kind.rawValue)_by"))
            out["text"] = .text(source.label)
            relations.append(.object(out))
            if r.kind != .basedOn && r.kind != .implements {
                out["banner"] = .text(t.string("banner_\(r.kind.rawValue)"))
                banners.append(.object(out))
            }
        }
        if !relations.isEmpty { d["relations"] = .list(relations); d["hasRelations"] = .flag(true) }
        if !banners.isEmpty { d["banners"] = .list(banners) }
    }

    /// What every document page as deep as another shows the same (the site, its menu, the UI strings: a tenth of the
    /// work of a page, made again on each), kept from the first page of each depth. Pages render on all cores, hence the lock.
    final class Shared: @unchecked Sendable {
        struct Constants {
            /// `PageFrame.sharedValues(root:)`.
            let frame: [String: TemplateValue]
            /// The labels of `compactRows`, which the rows are told apart by.
            let compactLabels: Set<String>
            /// The breadcrumb trail's first step, in the JSON-LD too.
            let home: String
        }

        private let lock = NSLock()
        private var byRoot: [String: Constants] = [:]

        func constants(_ frame: PageFrame, root: String) -> Constants {
            lock.lock()
            defer { lock.unlock() }
            if let known = byRoot[root] { return known }
            let made = Constants(frame: frame.sharedValues(root: root),
                                 compactLabels: Set(DocumentPage.compactRows.map { frame.theme.string($0) }),
                                 home: frame.theme.string("home"))
            byRoot[root] = made
            return made
        }
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
