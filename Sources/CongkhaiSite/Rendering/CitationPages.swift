import CongkhaiDomain
import Foundation

/// `van-ban-duoc-vien-dan/`: every cited identifier, internal and external,
/// most cited first, each with a page listing the documents that cite it
/// (so a reader can see every document that applies Nghị định 30/2020/NĐ-CP).
struct CitationPages {
    let frame: PageFrame
    let corpus: Corpus
    let graph: CitationGraph

    static let folder = "van-ban-duoc-vien-dan/"

    /// An identifier of this site is listed with its citing documents on the
    /// document's own page; only external ones need a page here.
    static func path(of id: CitationGraph.CitedIdentifier) -> String { folder + id.slug + "/" }

    func href(of id: CitationGraph.CitedIdentifier, root: String) -> String {
        if let target = id.target { return Formatting.href(root, corpus.documents[target].url) + "#" + DocumentPage.citedByAnchor }
        return Formatting.href(root, Self.path(of: id))
    }

    func all() -> [() -> RenderedPage] {
        index() + graph.identifiers.filter { $0.target == nil }.map { id in { page(id) } }
    }

    func index() -> [() -> RenderedPage] {
        let t = frame.theme
        let size = frame.site.pageSize * 2
        let ids = graph.identifiers
        let pageCount = max(1, (ids.count + size - 1) / size)
        let lists = IndexPages(frame: frame, corpus: corpus)
        return (1...pageCount).map { page in { 
            let pagePath = page == 1 ? Self.folder : Self.folder + "trang-\(page)/"
            let root = Formatting.root(of: pagePath)
            var context = frame.context(pagePath: pagePath, title: t.string("cited_documents") + (pageCount > 1 ? " (\(t.string("page")) \(page)/\(pageCount))" : ""),
                                        breadcrumbs: [(t.string("cited_documents"), nil)])
            context["heading"] = t.string("cited_documents")
            context["intro"] = t.string("cited_documents_intro")
            context["count"] = ids.count
            context["identifiers"] = ids.dropFirst((page - 1) * size).prefix(size).map { id -> [String: Any] in
                var row: [String: Any] = ["href": href(of: id, root: root), "written": id.written, "count": id.citing.count]
                if let year = id.year { row["year"] = year }
                row["where"] = id.target == nil ? t.string("external_document") : t.string("internal_document")
                return row
            }
            if pageCount > 1 { context["pagination"] = lists.pagination(path: Self.folder, current: page, count: pageCount, root: root) }
            return RenderedPage(path: pagePath + "index.html", content: t.render(context, template: "citations"))
        } }
    }

    func page(_ id: CitationGraph.CitedIdentifier) -> RenderedPage {
        let t = frame.theme
        let path = Self.path(of: id)
        let root = Formatting.root(of: path)
        let name = id.written + (id.year.map { " (\($0))" } ?? "")
        var context = frame.context(pagePath: path, title: name, breadcrumbs: [(t.string("cited_documents"), Self.folder), (name, nil)])
        context["heading"] = name
        if let target = id.target {
            let doc = corpus.documents[target]
            context["target"] = ["href": Formatting.href(root, doc.url), "title": doc.metadata.title ?? name]
        }
        context["count"] = id.citing.count
        context["citingGroup"] = ["rows": id.citing.map { frame.row(corpus.documents[$0], root: root) }]
        return RenderedPage(path: path + "index.html", content: t.render(context, template: "citation"))
    }
}
