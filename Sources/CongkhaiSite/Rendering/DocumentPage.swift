import CongkhaiDomain
import CongkhaiMarkdown
import Foundation

/// A document's own page, in the official layout: header, heading, body,
/// footer, appendices, and the metadata panel beside them.
struct DocumentPage {
    let frame: PageFrame
    let corpus: Corpus
    let graph: CitationGraph
    let markdown = MarkdownRenderer()
    let scanner = CitationScanner()
    /// The id of the "cited by" list, where the citation index links.
    static let citedByAnchor = "duoc-vien-dan"

    struct Output {
        let html: String
        let diagnostics: [Diagnostic]
    }

    func render(_ index: Int) -> Output {
        let doc = corpus.documents[index]
        let root = Formatting.root(of: doc.url)
        var diagnostics: [Diagnostic] = []
        var attachments = doc.attachments
        let resolver = LinkResolver(doc: doc, corpus: corpus, root: root)
        let linkCitations = citationLinker(from: index, root: root)

        let body = markdown.render(doc.body.text, linkText: linkCitations) { target in
            resolver.decide(target, lineMap: doc.body, diagnostics: &diagnostics, attachments: &attachments)
        }
        report(rawHTML: body.rawHTMLLines, map: doc.body, doc: doc, into: &diagnostics)
        var appendices: [[String: Any]] = []
        for (i, appendix) in doc.appendices.enumerated() {
            let rendered = markdown.render(appendix.body.text, options: RenderOptions(minimumHeadingLevel: 3, idPrefix: "pl\(i + 1)-"),
                                           linkText: linkCitations) { target in
                resolver.decide(target, lineMap: appendix.body, diagnostics: &diagnostics, attachments: &attachments)
            }
            report(rawHTML: rendered.rawHTMLLines, map: appendix.body, doc: doc, into: &diagnostics)
            var a: [String: Any] = ["id": "phu-luc-\(i + 1)", "title": appendix.title.isEmpty ? frame.theme.string("appendix") : appendix.title, "html": rendered.html]
            if let s = appendix.subtitle { a["subtitle"] = s }
            appendices.append(a)
        }

        let m = doc.metadata
        let typeName = m.type?.name ?? frame.theme.string("document")
        let pageTitle = [typeName + (m.number.flatMap(Formatting.number).map { " " + $0 } ?? ""), m.title].compactMap { $0 }.joined(separator: ": ")
        var context = frame.context(pagePath: doc.url, title: pageTitle,
                                    breadcrumbs: [(frame.yearName(doc.year), "nam/\(frame.yearSegment(doc.year))/"),
                                                  (m.number.flatMap(Formatting.number) ?? typeName, nil)])
        var d: [String: Any] = [
            "typeName": typeName,
            "bodyHTML": body.html,
            "issuer": m.issuer ?? frame.site.name,
            "isParty": m.number?.style == .party,
        ]
        if let type = m.type, type.code != "CV" { d["typeHeading"] = type.heading } else { d["isLetter"] = true }
        if let t = m.title { d["title"] = t }
        if let p = m.parentIssuer ?? (m.issuer == nil ? frame.site.parent : nil) { d["parentIssuer"] = p }
        if let n = m.number { d["numberLine"] = n.display }
        if let place = m.place ?? frame.site.place { d["place"] = place }
        if let date = m.date { d["dateOfficial"] = date.official; d["dateISO"] = date.iso }
        if !m.recipients.isEmpty { d["recipients"] = m.recipients; d["hasRecipients"] = true }
        if !m.recipients.isEmpty || m.signer != nil || !m.signerTitle.isEmpty { d["hasFooter"] = true }
        if !m.signerTitle.isEmpty { d["signerTitle"] = m.signerTitle }
        if let s = m.signer { d["signer"] = s }
        if !appendices.isEmpty { d["appendices"] = appendices }
        let sections = body.headings.filter { $0.level == 2 }
        if sections.count >= 3 { d["toc"] = sections.map { ["id": $0.id, "text": $0.text] }; d["hasToc"] = true }
        d["meta"] = metadataRows(doc)
        if !attachments.isEmpty {
            d["hasAttachments"] = true
            d["attachments"] = attachments.map { file -> [String: Any] in
                ["href": root + file.sitePath, "name": (file.sourcePath as NSString).lastPathComponent, "kind": file.kind, "size": Formatting.size(file.size)]
            }
        }
        addLinks(of: index, root: root, to: &d)
        // The template reads these inside {{#doc}}: a missing key would be looked up
        // in the page around it (whose "title" is the page title), so none is missing.
        for key in Self.documentKeys where d[key] == nil { d[key] = false }
        context["doc"] = d
        return Output(html: frame.theme.render(context, template: "document"), diagnostics: diagnostics)
    }

    static let documentKeys = ["typeHeading", "isLetter", "title", "parentIssuer", "numberLine", "place", "dateOfficial", "dateISO",
                               "recipients", "hasRecipients", "hasFooter", "signerTitle", "signer", "appendices", "toc", "hasToc",
                               "attachments", "hasAttachments", "cites", "hasCites", "citedBy", "hasCitedBy", "relations", "hasRelations", "banners"]

    /// The panel a portal shows for every document (Nghị định 42/2022): form,
    /// number, issuer, dates, signer, field, status.
    func metadataRows(_ doc: Document) -> [[String: Any]] {
        let m = doc.metadata
        let t = frame.theme
        var rows: [[String: Any]] = []
        func add(_ key: String, _ text: String?, datetime: String? = nil) {
            guard let text else { return }
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

    func report(rawHTML lines: [Int], map: ShapedMarkdown, doc: Document, into diagnostics: inout [Diagnostic]) {
        guard let first = lines.first else { return }
        let more = lines.count > 1 ? " (and \(lines.count - 1) more place\(lines.count > 2 ? "s" : ""))" : ""
        diagnostics.append(Diagnostic(.warning, file: doc.source, line: map.sourceLine(first),
                                      "raw HTML is not published\(more)",
                                      hint: "write the text in Markdown instead; tables can be written with | pipes |"))
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
