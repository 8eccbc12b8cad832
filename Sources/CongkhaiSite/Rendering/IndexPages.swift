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
        for (year, docs) in years { pages += numberIndex(year: year, documents: docs) }
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

    /// One year of numbers, grouped by type and sorted as numbers; unnumbered
    /// documents apart. A long year runs over several pages; a group that goes
    /// on to the next page repeats its heading there.
    func numberIndex(year: Int?, documents: [Document]) -> [() -> RenderedPage] {
        let path = "so-ky-hieu/\(frame.yearSegment(year))/"
        let t = frame.theme
        let title = "\(t.string("numbers_of_year")) \(frame.yearName(year))"
        let byType = Dictionary(grouping: documents.filter { $0.metadata.number?.number != nil }, by: { $0.metadata.type })
        let typeOrder = byType.keys.sorted { a, b in
            guard let a else { return false }
            guard let b else { return true }
            return VietnameseText.collationLess(a.name, b.name)
        }
        var groups: [(heading: String, id: String, documents: [Document])] = typeOrder.map {
            (frame.typeName($0), frame.typeSegment($0), byType[$0]!.sorted(by: Corpus.byNumber))
        }
        let unnumbered = documents.filter { $0.metadata.number?.number == nil }
        if !unnumbered.isEmpty { groups.append((t.string("unnumbered"), "chua-co-so", unnumbered.sorted(by: Corpus.newestFirst))) }

        let rows = groups.flatMap { group in group.documents.map { (group.heading, group.id, $0) } }
        let size = frame.site.pageSize * 4
        let pageCount = max(1, (rows.count + size - 1) / size)
        func pagePath(_ page: Int) -> String { page == 1 ? path : path + "trang-\(page)/" }
        // where each group starts, for the menu of types at the top of every page
        var firstPage: [String: Int] = [:]
        for (i, row) in rows.enumerated() where firstPage[row.1] == nil { firstPage[row.1] = i / size + 1 }

        return (1...pageCount).map { page in {
            let here = pagePath(page)
            let root = Formatting.root(of: here)
            var context = frame.context(pagePath: here, title: title + (pageCount > 1 ? " (\(t.string("page")) \(page)/\(pageCount))" : ""),
                                        breadcrumbs: [(t.string("by_number"), "so-ky-hieu/"), (frame.yearName(year), nil)])
            context["heading"] = title
            context["count"] = documents.count
            context["menu"] = groups.map { group -> [String: Any] in
                let target = firstPage[group.id] ?? 1
                return ["groupHeading": group.heading, "groupCount": group.documents.count,
                        "href": (target == page ? "" : Formatting.href(root, pagePath(target))) + "#" + group.id]
            }
            let slice = rows.dropFirst((page - 1) * size).prefix(size)
            var pageGroups: [[String: Any]] = []
            for row in slice {
                if pageGroups.last?["groupId"] as? String != row.1 {
                    pageGroups.append(["groupHeading": row.0, "groupId": row.1, "rows": [[String: Any]]()])
                }
                var last = pageGroups.removeLast()
                last["rows"] = (last["rows"] as! [[String: Any]]) + [frame.row(row.2, root: root)]
                pageGroups.append(last)
            }
            context["groups"] = pageGroups
            if !groups.isEmpty { context["hasGroups"] = true }
            if pageCount > 1 { context["pagination"] = pagination(path: path, current: page, count: pageCount, root: root) }
            return RenderedPage(path: here + "index.html", content: t.render(context, template: "number-index"))
        } }
    }
}
