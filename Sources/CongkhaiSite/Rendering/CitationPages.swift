import CongkhaiDomain
import Foundation

/// `van-ban-duoc-vien-dan/`: every cited identifier, internal and external,
/// most cited first, each with a page listing the documents that cite it
/// (so a reader can see every document that applies Nghị định 30/2020/NĐ-CP).
struct CitationPages {
    let frame: PageFrame
    let graph: CitationGraph
    private let byID: [DocumentID: DocumentRecord]

    init(frame: PageFrame, records: [DocumentRecord], graph: CitationGraph) {
        self.frame = frame
        self.graph = graph
        byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
    }

    /// An identifier of this site is listed with its citing documents on the
    /// document's own page; only external ones need a page here.
    func href(of id: CitationGraph.CitedIdentifier, root: String) -> String {
        if let target = id.target.flatMap({ byID[$0] }) { return Routes.href(root, target.url) + "#" + Routes.citedByAnchor }
        return Routes.href(root, Routes.citation(id))
    }

    func all() -> [() -> RenderedPage] {
        index() + graph.identifiers.filter { $0.target == nil }.map { id in { page(id) } }
    }

    func index() -> [() -> RenderedPage] {
        let t = frame.theme
        let ids = graph.identifiers
        let paginator = Paginator.citations(frame.site)
        return paginator.pages(ids, at: Routes.citations).map { page in {
            let root = Routes.root(of: page.path)
            let title = t.string("cited_documents") + (page.count > 1 ? " (\(t.string("page")) \(page.number)/\(page.count))" : "")
            var context = frame.context(pagePath: page.path, title: title, breadcrumbs: [(t.string("cited_documents"), nil)])
            context["heading"] = t.string("cited_documents")
            context["intro"] = t.string("cited_documents_intro")
            context["count"] = ids.count
            context["identifiers"] = page.items.map { id -> [String: Any] in
                var row: [String: Any] = ["href": href(of: id, root: root), "written": id.written, "count": id.citing.count]
                if let year = id.year { row["year"] = year }
                row["where"] = id.target == nil ? t.string("external_document") : t.string("internal_document")
                return row
            }
            if page.count > 1 {
                context["pagination"] = Paginator.links(path: Routes.citations, current: page.number, count: page.count, root: root)
                    .merging(paginator.range(of: page, total: ids.count)) { $1 }
            }
            return RenderedPage(path: Routes.file(of: page.path), content: t.render(context, template: "citations"))
        } }
    }

    func page(_ id: CitationGraph.CitedIdentifier) -> RenderedPage {
        let t = frame.theme
        let path = Routes.citation(id)
        let root = Routes.root(of: path)
        let name = id.written + (id.year.map { " (\($0))" } ?? "")
        var context = frame.context(pagePath: path, title: name,
                                    breadcrumbs: [(t.string("cited_documents"), Routes.citations), (name, nil)])
        context["heading"] = name
        context["count"] = id.citing.count
        // How the citing text named it: type word, issuer, its own words ("Nghị định số 42/2022/NĐ-CP ... của Chính phủ").
        let citing = id.citing.compactMap { byID[$0] }
        let mentions = Self.mentions(of: id, in: citing)
        let citations = mentions.map(\.cite.citation)
        if let named = citations.first(where: { $0.typeWord != nil }) ?? citations.first {
            var about: [String: Any] = ["cited": named.text]
            if let word = named.typeWord { about["typeWord"] = word }
            if let issuer = citations.lazy.compactMap(\.issuer).first { about["issuer"] = issuer }
            if let summary = Self.summary(of: id, mentions: mentions) { about["summary"] = summary }
            context["about"] = about
            context["description"] = named.text
        }
        if let search = frame.site.legalDatabaseSearchURL,
           id.key.contains("/") && (citations.first?.number.style == .legal || citations.contains { LegalSearch.isLegalWord($0.typeWord) }),
           let encoded = id.written.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
               "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")) {
            context["legalSearchHref"] = search.replacingOccurrences(of: "{number}", with: encoded)
        }
        context["citingGroup"] = ["rows": citing.map { frame.row($0, root: root) }]
        return RenderedPage(path: Routes.file(of: path), content: t.render(context, template: "citation"))
    }
}
