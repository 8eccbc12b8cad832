import CongkhaiDomain
import Foundation

/// `tim-kiem/`: the search form, the place the results appear, and, for a
/// browser without JavaScript, a sentence that says so with the ways in by
/// year, type and number. The page's own script (`assets/search.js`) does the
/// searching from the files of `SearchFiles`.
struct SearchPage {
    let frame: PageFrame
    /// The word shards' keys, which the page names so that its script loads a query's word shards without
    /// waiting for the manifest (`SearchFiles`).
    let shardKeys: [String]
    /// How many documents the index holds: with the rows per file, which row file holds the newest documents.
    let documentCount: Int
    static let template = "search"

    func render() -> RenderedPage {
        let t = frame.theme
        let path = Routes.search
        let root = Routes.root(of: path)
        var context = frame.context(pagePath: path, title: t.string("search_title"), breadcrumbs: [(t.string("search_title"), nil)])
        context["heading"] = t.string("search_title")
        context["indexFolder"] = String(SearchFiles.folder.dropFirst(path.count))
        context["shards"] = shardKeys.joined(separator: " ")
        context["documents"] = String(documentCount)
        context["rowsPerFile"] = String(SearchFiles.rowsPerShard)
        context["scriptHref"] = root + Routes.assets + "search.js"
        var ways: [[String: Any]] = [
            ["href": Routes.href(root, Routes.years), "label": t.string("by_year")],
            ["href": Routes.href(root, Routes.types), "label": t.string("by_type")],
            ["href": Routes.href(root, Routes.numbers), "label": t.string("by_number")],
        ]
        if frame.hasProcedures { ways.append(["href": Routes.href(root, Routes.procedures), "label": t.string("procedures")]) }
        context["ways"] = ways
        return RenderedPage(path: Routes.file(of: path), content: t.render(context, template: Self.template))
    }
}
