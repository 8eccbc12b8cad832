import CongkhaiDomain
import Foundation

typealias RecordListings = Listings<DocumentRecord>

/// A page to write: its path relative to the site root and its content.
struct RenderedPage {
    let path: String
    let content: String
}

/// The ways in: the home page, years, types and the number index. Long lists
/// are split into pages; documents without a date or number get their own group.
struct IndexPages {
    let frame: PageFrame
    let listing: RecordListings

    init(frame: PageFrame, records: [DocumentRecord]) {
        self.frame = frame
        listing = RecordListings(records)
    }

    /// Every index page, as work to do: the build renders them on all cores.
    func all() -> [() -> RenderedPage] {
        var pages: [() -> RenderedPage] = [home]
        let t = frame.theme
        pages.append { links(path: Routes.years, title: t.string("by_year"), intro: t.string("by_year_intro"),
                             items: listing.years.map { (frame.yearName($0.year), Routes.year($0.year), $0.documents.count) }) }
        for (year, docs) in listing.years {
            pages += paginatedList(path: Routes.year(year), title: "\(t.string("documents_of_year")) \(frame.yearName(year))",
                                   breadcrumbs: [(t.string("by_year"), Routes.years)], documents: docs, groupUndated: true,
                                   narrow: NarrowingLinks.year(year, documents: docs, frame: frame))
        }
        pages.append { links(path: Routes.types, title: t.string("by_type"), intro: t.string("by_type_intro"),
                             items: listing.types.map { (frame.typeName($0.type), Routes.type($0.type), $0.documents.count) }) }
        for (type, docs) in listing.types {
            pages += paginatedList(path: Routes.type(type), title: frame.typeName(type),
                                   breadcrumbs: [(t.string("by_type"), Routes.types)], documents: docs, groupUndated: false,
                                   narrow: NarrowingLinks.type(type, documents: docs, frame: frame))
        }
        pages.append { links(path: Routes.numbers, title: t.string("by_number"), intro: t.string("by_number_intro"),
                             items: listing.years.map { (frame.yearName($0.year), Routes.numbers(ofYear: $0.year), $0.documents.count) }) }
        for (year, docs) in listing.years { pages += numberIndex(year: year, documents: docs) }
        return pages
    }

    func home() -> RenderedPage {
        var context = frame.context(pagePath: Routes.home, title: frame.site.name, breadcrumbs: [])
        let root = ""
        // a draft posted before it was numbered is not news of an issued document
        let latest = listing.documents.filter { !CitizenFormatting.isDraft($0) }.sorted(by: RecordListings.newestFirst).prefix(10)
        context["isHome"] = true
        context["latestGroup"] = ["rows": latest.map { frame.row($0, root: root) }]
        context["types"] = listing.types.map {
            ["label": frame.typeName($0.type), "href": Routes.href(root, Routes.type($0.type)), "count": $0.documents.count]
        }
        context["years"] = listing.years.map {
            ["label": frame.yearName($0.year), "href": Routes.href(root, Routes.year($0.year)), "count": $0.documents.count]
        }
        context["numberHref"] = Routes.href(root, Routes.numbers)
        context["allYearsHref"] = Routes.href(root, Routes.years)
        context["total"] = listing.documents.count
        if !listing.procedures.isEmpty {
            context["procedures"] = ["href": Routes.href(root, Routes.procedures),
                                     "count": listing.procedures.filter { $0.procedure?.isAbolished == false }.count]
        }
        context["catalogueHref"] = root + Routes.documentsCatalogue
        context["citationsHref"] = Routes.href(root, Routes.citations)
        return RenderedPage(path: Routes.file(of: Routes.home), content: frame.theme.render(context, template: "home"))
    }

    func links(path: String, title: String, intro: String, items: [(String, String, Int)]) -> RenderedPage {
        var context = frame.context(pagePath: path, title: title, breadcrumbs: [(title, nil)])
        let root = Routes.root(of: path)
        context["heading"] = title
        context["intro"] = intro
        context["links"] = items.map { ["label": $0.0, "href": Routes.href(root, $0.1), "count": $0.2] }
        return RenderedPage(path: Routes.file(of: path), content: frame.theme.render(context, template: "links"))
    }

    /// A list split into pages of `page_size`: `nam/2020/`, `nam/2020/trang-2/`, ...
    func paginatedList(path: String, title: String, breadcrumbs: [(String, String?)], documents: [DocumentRecord],
                       groupUndated: Bool, narrow: NarrowingLinks? = nil) -> [() -> RenderedPage] {
        // Undated documents come last, as their own group, on the last page(s).
        let ordered = RecordListings.datedFirst(documents, groupUndated: groupUndated)
        let paginator = Paginator.documents(frame.site)
        return paginator.pages(ordered, at: path).map { page in {
            let root = Routes.root(of: page.path)
            let pageTitle = page.count > 1 ? "\(title) (\(frame.theme.string("page")) \(page.number)/\(page.count))" : title
            var context = frame.context(pagePath: page.path, title: pageTitle, breadcrumbs: breadcrumbs + [(title, nil)])
            context["heading"] = title
            context["count"] = documents.count
            var groups: [[String: Any]] = []
            let main = page.items.filter { !$0.undated }.map { item in
                var row = frame.row(item.record, root: root)
                if let anchor = narrow?.anchors[item.record.url] { row["anchor"] = anchor }
                return row
            }
            let rest = page.items.filter { $0.undated }.map { frame.row($0.record, root: root) }
            if !main.isEmpty { groups.append(["rows": main]) }
            if !rest.isEmpty { groups.append(["groupHeading": frame.theme.string("undated"), "groupId": "khong-ro-ngay", "rows": rest]) }
            context["groups"] = groups
            if page.count > 1 {
                context["pagination"] = Paginator.links(path: path, current: page.number, count: page.count, root: root)
                    .merging(paginator.range(of: page, total: documents.count)) { $1 }
            }
            if let narrow { context["narrow"] = narrow.context(root) }
            return RenderedPage(path: Routes.file(of: page.path), content: frame.theme.render(context, template: "list"))
        } }
    }

    /// One year of numbers, grouped by type and sorted as numbers; unnumbered
    /// documents apart. A long year runs over several pages; a group that goes
    /// on to the next page repeats its heading there.
    func numberIndex(year: Int?, documents: [DocumentRecord]) -> [() -> RenderedPage] {
        let path = Routes.numbers(ofYear: year)
        let t = frame.theme
        let title = "\(t.string("numbers_of_year")) \(frame.yearName(year))"
        let groups = RecordListings.numberGroups(documents).map { group in
            (heading: group.type.map(frame.typeName)
                ?? (group.id == RecordListings.unnumberedGroup ? t.string("unnumbered") : frame.typeName(nil)),
             id: group.id, documents: group.documents)
        }
        let rows = groups.flatMap { group in group.documents.map { (group.heading, group.id, $0) } }
        let paginator = Paginator.numbers(frame.site)
        // where each group starts, for the menu of types at the top of every page
        var firstPage: [String: Int] = [:]
        for (i, row) in rows.enumerated() where firstPage[row.1] == nil { firstPage[row.1] = i / paginator.pageSize + 1 }

        return paginator.pages(rows, at: path).map { page in {
            let root = Routes.root(of: page.path)
            var context = frame.context(pagePath: page.path,
                                        title: title + (page.count > 1 ? " (\(t.string("page")) \(page.number)/\(page.count))" : ""),
                                        breadcrumbs: [(t.string("by_number"), Routes.numbers), (frame.yearName(year), nil)])
            context["heading"] = title
            context["count"] = documents.count
            context["menu"] = groups.map { group -> [String: Any] in
                let target = firstPage[group.id] ?? 1
                return ["groupHeading": group.heading, "groupCount": group.documents.count,
                        "href": (target == page.number ? "" : Routes.href(root, Routes.page(target, of: path))) + "#" + group.id]
            }
            var pageGroups: [[String: Any]] = []
            var rowsOfGroup: [[String: Any]] = []
            for (i, row) in page.items.enumerated() {
                rowsOfGroup.append(frame.row(row.2, root: root))
                let next = page.items.index(page.items.startIndex, offsetBy: i + 1)
                if next == page.items.endIndex || page.items[next].1 != row.1 {
                    pageGroups.append(["groupHeading": row.0, "groupId": row.1, "rows": rowsOfGroup])
                    rowsOfGroup = []
                }
            }
            context["groups"] = pageGroups
            if !groups.isEmpty { context["hasGroups"] = true }
            if page.count > 1 {
                context["pagination"] = Paginator.links(path: path, current: page.number, count: page.count, root: root)
                    .merging(paginator.range(of: page, total: rows.count)) { $1 }
            }
            return RenderedPage(path: Routes.file(of: page.path), content: t.render(context, template: "number-index"))
        } }
    }
}
