import CongkhaiDomain
import Foundation

/// A page to write: its path relative to the site root and its content.
struct RenderedPage {
    let path: String
    let content: String
}

/// The ways in: the home page, years, types and the number index. Long lists
/// are split into pages; documents without a date or number get their own group.
struct IndexPages {
    let frame: PageFrame
    let corpus: Corpus

    /// Every index page, as work to do: the build renders them on all cores.
    func all() -> [() -> RenderedPage] {
        var pages: [() -> RenderedPage] = [home]
        let years = corpus.years
        let types = corpus.types
        let t = frame.theme
        pages.append { links(path: "nam/", title: t.string("by_year"), intro: t.string("by_year_intro"),
                             items: years.map { (frame.yearName($0.year), "nam/\(frame.yearSegment($0.year))/", $0.documents.count) }) }
        for (year, docs) in years {
            pages += paginatedList(path: "nam/\(frame.yearSegment(year))/", title: "\(t.string("documents_of_year")) \(frame.yearName(year))",
                                   breadcrumbs: [(t.string("by_year"), "nam/")], documents: docs, groupUndated: true)
        }
        pages.append { links(path: "loai/", title: t.string("by_type"), intro: t.string("by_type_intro"),
                             items: types.map { (frame.typeName($0.type), "loai/\(frame.typeSegment($0.type))/", $0.documents.count) }) }
        for (type, docs) in types {
            pages += paginatedList(path: "loai/\(frame.typeSegment(type))/", title: frame.typeName(type),
                                   breadcrumbs: [(t.string("by_type"), "loai/")], documents: docs, groupUndated: false)
        }
        pages.append { links(path: "so-ky-hieu/", title: t.string("by_number"), intro: t.string("by_number_intro"),
                             items: years.map { (frame.yearName($0.year), "so-ky-hieu/\(frame.yearSegment($0.year))/", $0.documents.count) }) }
        for (year, docs) in years { pages.append { numberIndex(year: year, documents: docs) } }
        return pages
    }

    func home() -> RenderedPage {
        var context = frame.context(pagePath: "", title: frame.site.name, breadcrumbs: [])
        let root = ""
        let listed = corpus.listed
        let latest = listed.sorted(by: Corpus.newestFirst).prefix(10)
        context["isHome"] = true
        context["latestGroup"] = ["rows": latest.map { frame.row($0, root: root) }]
        context["types"] = corpus.types.map { ["label": frame.typeName($0.type), "href": Formatting.href(root, "loai/\(frame.typeSegment($0.type))/"), "count": $0.documents.count] }
        context["years"] = corpus.years.map { ["label": frame.yearName($0.year), "href": Formatting.href(root, "nam/\(frame.yearSegment($0.year))/"), "count": $0.documents.count] }
        context["numberHref"] = Formatting.href(root, "so-ky-hieu/")
        context["allYearsHref"] = Formatting.href(root, "nam/")
        context["total"] = listed.count
        let procedures = corpus.procedures
        if !procedures.isEmpty {
            context["procedures"] = ["href": Formatting.href(root, ProcedurePages.folder), "count": procedures.filter { $0.procedure?.isAbolished == false }.count]
        }
        context["catalogueHref"] = root + "api/documents.json"
        context["citationsHref"] = Formatting.href(root, CitationPages.folder)
        return RenderedPage(path: "index.html", content: frame.theme.render(context, template: "home"))
    }

    func links(path: String, title: String, intro: String, items: [(String, String, Int)]) -> RenderedPage {
        var context = frame.context(pagePath: path, title: title, breadcrumbs: [(title, nil)])
        let root = Formatting.root(of: path)
        context["heading"] = title
        context["intro"] = intro
        context["links"] = items.map { ["label": $0.0, "href": Formatting.href(root, $0.1), "count": $0.2] }
        return RenderedPage(path: path + "index.html", content: frame.theme.render(context, template: "links"))
    }

    /// A list split into pages of `pageSize`: `nam/2020/`, `nam/2020/trang-2/`, ...
    func paginatedList(path: String, title: String, breadcrumbs: [(String, String?)], documents: [Document], groupUndated: Bool) -> [() -> RenderedPage] {
        let size = frame.site.pageSize
        let dated = groupUndated ? documents.filter { $0.metadata.date != nil } : documents
        let undated = groupUndated ? documents.filter { $0.metadata.date == nil } : []
        // Undated documents come last, as their own group, on the last page(s).
        let ordered = dated.map { ($0, false) } + undated.map { ($0, true) }
        let pageCount = max(1, (ordered.count + size - 1) / size)
        var pages: [() -> RenderedPage] = []
        for page in 1...pageCount { pages.append {
            let pagePath = page == 1 ? path : path + "trang-\(page)/"
            let root = Formatting.root(of: pagePath)
            let slice = ordered.dropFirst((page - 1) * size).prefix(size)
            let pageTitle = pageCount > 1 ? "\(title) (\(frame.theme.string("page")) \(page)/\(pageCount))" : title
            var context = frame.context(pagePath: pagePath, title: pageTitle, breadcrumbs: breadcrumbs + [(title, nil)])
            context["heading"] = title
            context["count"] = documents.count
            var groups: [[String: Any]] = []
            let main = slice.filter { !$0.1 }.map { frame.row($0.0, root: root) }
            let rest = slice.filter { $0.1 }.map { frame.row($0.0, root: root) }
            if !main.isEmpty { groups.append(["rows": main]) }
            if !rest.isEmpty { groups.append(["groupHeading": frame.theme.string("undated"), "groupId": "khong-ro-ngay", "rows": rest]) }
            context["groups"] = groups
            if pageCount > 1 { context["pagination"] = pagination(path: path, current: page, count: pageCount, root: root) }
            return RenderedPage(path: pagePath + "index.html", content: frame.theme.render(context, template: "list"))
        } }
        return pages
    }

    func pagination(path: String, current: Int, count: Int, root: String) -> [String: Any] {
        func href(_ n: Int) -> String { Formatting.href(root, n == 1 ? path : path + "trang-\(n)/") }
        // first, last and a window around the current page
        let shown = (1...count).filter { $0 == 1 || $0 == count || abs($0 - current) <= 2 }
        var items: [[String: Any]] = []
        var previous = 0
        for n in shown {
            if n - previous > 1 { items.append(["gap": true]) }
            var item: [String: Any] = ["n": n, "href": href(n)]
            if n == current { item["current"] = true }
            items.append(item)
            previous = n
        }
        var p: [String: Any] = ["items": items]
        if current > 1 { p["prev"] = href(current - 1) }
        if current < count { p["next"] = href(current + 1) }
        return p
    }

    /// One year of numbers, grouped by type and sorted as numbers; unnumbered documents apart.
    func numberIndex(year: Int?, documents: [Document]) -> RenderedPage {
        let path = "so-ky-hieu/\(frame.yearSegment(year))/"
        let root = Formatting.root(of: path)
        let title = "\(frame.theme.string("numbers_of_year")) \(frame.yearName(year))"
        var context = frame.context(pagePath: path, title: title, breadcrumbs: [(frame.theme.string("by_number"), "so-ky-hieu/"), (frame.yearName(year), nil)])
        context["heading"] = title
        let numbered = documents.filter { $0.metadata.number?.number != nil }
        let unnumbered = documents.filter { $0.metadata.number?.number == nil }
        var groups: [[String: Any]] = []
        let byType = Dictionary(grouping: numbered, by: { $0.metadata.type })
        let typeOrder = byType.keys.sorted { a, b in
            guard let a else { return false }
            guard let b else { return true }
            return VietnameseText.collationLess(a.name, b.name)
        }
        for type in typeOrder {
            let rows = byType[type]!.sorted(by: Corpus.byNumber).map { frame.row($0, root: root) }
            groups.append(["groupHeading": frame.typeName(type), "groupId": frame.typeSegment(type), "groupCount": rows.count, "rows": rows])
        }
        if !unnumbered.isEmpty {
            groups.append(["groupHeading": frame.theme.string("unnumbered"), "groupId": "chua-co-so", "groupCount": unnumbered.count,
                           "rows": unnumbered.sorted(by: Corpus.newestFirst).map { frame.row($0, root: root) }])
        }
        context["groups"] = groups
        if !groups.isEmpty { context["hasGroups"] = true }
        context["count"] = documents.count
        return RenderedPage(path: path + "index.html", content: frame.theme.render(context, template: "number-index"))
    }
}
