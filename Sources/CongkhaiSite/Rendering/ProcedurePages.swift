import CongkhaiDomain
import CongkhaiMarkdown
import Foundation

/// A procedure's page with its 12 standard sections, the list of procedures
/// by field (`thu-tuc/`) and one page per field (`thu-tuc/linh-vuc/<slug>/`).
struct ProcedurePages {
    let frame: PageFrame
    let corpus: Corpus
    let graph: CitationGraph
    let documentPage: DocumentPage

    static let folder = "thu-tuc/"

    init(frame: PageFrame, corpus: Corpus, graph: CitationGraph) {
        self.frame = frame
        self.corpus = corpus
        self.graph = graph
        documentPage = DocumentPage(frame: frame, corpus: corpus, graph: graph)
    }

    // MARK: one procedure

    func render(_ index: Int) -> DocumentPage.Output {
        let doc = corpus.documents[index]
        let p = doc.procedure!
        let t = frame.theme
        let root = Formatting.root(of: doc.url)
        var diagnostics: [Diagnostic] = []
        var attachments = doc.attachments
        let resolver = LinkResolver(doc: doc, corpus: corpus, root: root)
        let linker = documentPage.citationLinker(from: index, root: root)
        func markdown(_ text: String) -> String {
            documentPage.markdown.render(text, options: RenderOptions(minimumHeadingLevel: 3), linkText: linker) { target in
                resolver.decide(target, lineMap: ShapedMarkdown(text: text, lineMap: []), diagnostics: &diagnostics, attachments: &attachments)
            }.html
        }
        let name = p.name ?? t.string("untitled")
        var context = frame.context(pagePath: doc.url, title: name, breadcrumbs: [(t.string("procedures"), Self.folder), (p.code ?? name, nil)])
        var d: [String: Any] = ["name": name, "isAbolished": p.isAbolished]
        let downloads = self.downloads(p, doc: doc, root: root, diagnostics: &diagnostics)
        var sections: [[String: Any]] = []
        for section in Procedure.Section.allCases {
            var s: [String: Any] = ["n": section.rawValue, "id": "muc-\(section.rawValue)", "title": section.title,
                                    "html": false, "channelRows": false, "dossierRows": false, "legalRows": false, "downloadList": false]
            switch p.sections[section] {
            case .markdown(let text)?: s["html"] = markdown(text)
            case .text(let text)?: s["html"] = HTMLText.paragraphs(text)
            case nil: break
            }
            switch section {
            case .method where !p.channels.isEmpty:
                s["channelRows"] = ["rows": p.channels.map { ["channel": $0.channel, "timeLimit": $0.timeLimit ?? "", "fee": $0.fee ?? "", "description": $0.description ?? ""] }]
            case .dossier where !p.dossier.isEmpty:
                s["dossierRows"] = ["rows": p.dossier.map { item -> [String: Any] in
                    let download = downloads.first { $0.source == item.template }
                    return ["document": item.document, "quantity": item.quantity ?? "", "template": download.map { ["href": $0.href, "label": $0.label] } ?? false]
                }]
            case .legalBasis where !p.legalBasis.isEmpty:
                s["legalRows"] = ["rows": p.legalBasis.map { basis -> [String: Any] in
                    var out: [String: Any] = ["number": basis.number ?? "", "summary": basis.summary ?? "", "date": basis.date ?? "", "issuer": basis.issuer ?? "", "href": false]
                    let date = basis.date.flatMap(DocumentDate.parseShort) ?? basis.date.flatMap(DocumentDate.parseISO)
                    if let number = basis.number.flatMap(DocumentNumber.parse),
                       let target = graph.target(of: number, year: date?.year ?? number.year, from: index) {
                        out["href"] = Formatting.href(root, corpus.documents[target].url)
                    }
                    return out
                }]
            case .forms where !downloads.isEmpty:
                s["downloadList"] = ["rows": downloads.map { ["href": $0.href, "label": $0.label] }]
            case .agency:
                let parts = [("agency_main", p.agency), ("agency_competent", p.competentAgency), ("agency_coordinating", p.coordinatingAgency),
                             ("submission_address", p.submissionAddress)].compactMap { key, value in value.map { "<p><strong>\(HTMLText.escape(t.string(key))):</strong> \(HTMLText.escape($0))</p>" } }
                if !parts.isEmpty { s["html"] = parts.joined(separator: "\n") }
            default: break
            }
            let empty = ["html", "channelRows", "dossierRows", "legalRows", "downloadList"].allSatisfy { s[$0] as? Bool == false }
            s["empty"] = empty
            sections.append(s)
        }
        d["sections"] = sections
        d["others"] = p.otherSections.enumerated().map { i, o in ["id": "khac-\(i + 1)", "title": o.title, "html": markdown(o.markdown)] }
        d["meta"] = metadataRows(p, index: index, root: root)
        if let portal = frame.site.procedurePortalURL, let code = p.code,
           let encoded = code.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) {
            d["portalHref"] = portal.replacingOccurrences(of: "{code}", with: encoded)
        }
        let history = p.history.map { h -> [String: Any] in
            ["text": [h.status, h.number.map { "\(t.string("announced_by_short")) \($0)" }, h.date?.short, h.note].compactMap { $0 }.joined(separator: " — ")]
        }
        if !history.isEmpty { d["history"] = history; d["hasHistory"] = true }
        context["proc"] = d
        return .init(html: frame.theme.render(context, template: "procedure"), diagnostics: diagnostics)
    }

    struct Download {
        let source: String
        let href: String
        let label: String
    }

    /// Form templates from `forms:` and the dossier, as links that say what they download.
    func downloads(_ p: Procedure, doc: Document, root: String, diagnostics: inout [Diagnostic]) -> [Download] {
        let folder = (doc.source as NSString).deletingLastPathComponent
        // a template named in the dossier is called by the document it is for
        var names = p.dossier.compactMap { item in item.template.map { ($0, item.document.prefix(1).lowercased() + item.document.dropFirst()) } }
        for form in p.forms where !names.contains(where: { $0.0 == form }) {
            names.append((form, ((form as NSString).lastPathComponent as NSString).deletingPathExtension))
        }
        return names.compactMap { source, label in
            guard case .inside(let path) = ContentPath.resolve(source, from: folder), let file = corpus.attachments[path] else {
                diagnostics.append(Diagnostic(.warning, file: doc.source, "the form template '\(source)' was not found",
                                              hint: "put the file beside the procedure and give its name"))
                return nil
            }
            return Download(source: source, href: root + file.sitePath,
                            label: "\(frame.theme.string("download_form")) \(label) (\(file.kind), \(Formatting.size(file.size)))")
        }
    }

    func metadataRows(_ p: Procedure, index: Int, root: String) -> [[String: Any]] {
        let t = frame.theme
        var rows: [[String: Any]] = []
        func add(_ key: String, _ text: String?, href: String? = nil) {
            guard let text else { return }
            rows.append(["label": t.string(key), "text": text, "href": href ?? false])
        }
        add("procedure_code", p.code)
        add("meta_field", p.field)
        add("procedure_level", p.level)
        add("procedure_online", p.onlineLevel)
        add("meta_status", p.statusText)
        if let a = p.announcedBy, let number = a.number {
            var href: String?
            if let n = DocumentNumber.parse(number) {
                href = graph.target(of: n, year: a.date?.year ?? n.year, from: index).map { Formatting.href(root, corpus.documents[$0].url) }
            }
            add("procedure_announced_by", [t.string("decision") + " " + number, a.date.map { "ngày " + $0.short }].compactMap { $0 }.joined(separator: " "), href: href)
        }
        return rows
    }

    // MARK: lists

    func lists() -> [() -> RenderedPage] {
        let procedures = corpus.documents.indices.filter { corpus.documents[$0].isProcedure }
        guard !procedures.isEmpty else { return [] }
        let byField = Dictionary(grouping: procedures.filter { !isAbolished($0) }, by: { corpus.documents[$0].procedure?.field })
        let fields = byField.keys.sorted { a, b in
            guard let a else { return false }
            guard let b else { return true }
            return VietnameseText.collationLess(a, b)
        }
        let abolished = procedures.filter(isAbolished)
        var pages: [() -> RenderedPage] = [{ list(path: Self.folder, fields: fields, byField: byField, abolished: abolished) }]
        for field in fields {
            pages.append { list(path: Self.fieldPath(field), fields: [field], byField: byField, abolished: [], fieldPage: field) }
        }
        return pages
    }

    func isAbolished(_ i: Int) -> Bool { corpus.documents[i].procedure?.isAbolished == true }

    static func fieldPath(_ field: String?) -> String {
        folder + "linh-vuc/" + (field.map { VietnameseText.slug($0) } ?? "chua-ro") + "/"
    }

    func list(path: String, fields: [String?], byField: [String?: [Int]], abolished: [Int], fieldPage: String?? = nil) -> RenderedPage {
        let t = frame.theme
        let root = Formatting.root(of: path)
        let title = fieldPage.map { "\(t.string("procedures_of_field")) \($0 ?? t.string("unknown_field"))" } ?? t.string("procedure_list")
        var crumbs: [(String, String?)] = [(t.string("procedures"), fieldPage == nil ? nil : Self.folder)]
        if fieldPage != nil { crumbs.append((title, nil)) }
        var context = frame.context(pagePath: path, title: title, breadcrumbs: crumbs)
        context["heading"] = title
        func rows(_ indices: [Int]) -> [[String: Any]] {
            indices.sorted { (corpus.documents[$0].procedure?.code ?? "") < (corpus.documents[$1].procedure?.code ?? "") }.map { i in
                let p = corpus.documents[i].procedure!
                return ["href": Formatting.href(root, corpus.documents[i].url), "code": p.code ?? "", "name": p.name ?? t.string("untitled"),
                        "timeLimit": Self.short(p.sections[.timeLimit]) ?? p.channels.first?.timeLimit ?? "",
                        "level": p.level ?? "", "fee": Self.short(p.sections[.fees]) ?? p.channels.first?.fee ?? "", "online": p.onlineLevel ?? ""]
            }
        }
        var groups: [[String: Any]] = fields.map { field in
            ["groupHeading": field ?? t.string("unknown_field"), "groupId": "linh-vuc-" + (field.map { VietnameseText.slug($0) } ?? "chua-ro"),
             "fieldHref": Formatting.href(root, Self.fieldPath(field)), "count": byField[field]?.count ?? 0, "rows": rows(byField[field] ?? [])]
        }
        if !abolished.isEmpty {
            groups.append(["groupHeading": t.string("procedures_abolished"), "groupId": "da-bai-bo", "fieldHref": false,
                           "count": abolished.count, "rows": rows(abolished)])
        }
        context["groups"] = groups
        context["isOverview"] = fieldPage == nil
        context["total"] = fields.reduce(0) { $0 + (byField[$1]?.count ?? 0) }
        return RenderedPage(path: path + "index.html", content: t.render(context, template: "procedures"))
    }

    static func short(_ text: Procedure.SectionText?) -> String? {
        guard let text else { return nil }
        let raw: String
        switch text { case .text(let s), .markdown(let s): raw = s }
        let line = raw.split(separator: "\n").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-*+ ")) } ?? ""
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}
