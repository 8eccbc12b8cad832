import CongkhaiDomain

/// `danh-muc-cong-khai/`: the catalogue of information to be disclosed, one
/// table per group of Art. 17, and its CSV twin. A long catalogue runs over
/// several pages as the number index does (a menu of groups on every page; a
/// group that goes on to the next page repeats its heading there); the CSV holds it whole.
struct DisclosurePage {
    let frame: PageFrame
    let catalogue: DisclosureCatalogue

    init(frame: PageFrame, records: [DocumentRecord]) {
        self.frame = frame
        catalogue = DisclosureCatalogue(records: records, rules: frame.site.disclosure, strings: frame.theme.strings)
    }

    /// As many rows a page as the number index: the table is dense.
    static func paginator(_ config: SiteConfig) -> Paginator { Paginator.numbers(config) }

    func all() -> [() -> RenderedPage] {
        let t = frame.theme
        let path = Routes.disclosureCatalogue
        let title = t.string("disclosure_catalogue")
        let rows = catalogue.groups.flatMap { group, items in items.map { (group, $0) } }.enumerated().map { ($0 + 1, $1.0, $1.1) }
        let paginator = Self.paginator(frame.site)
        var firstPage: [DisclosureGroup: Int] = [:]
        for (i, row) in rows.enumerated() where firstPage[row.1] == nil { firstPage[row.1] = i / paginator.pageSize + 1 }

        return paginator.pages(rows, at: path).map { page in {
            let root = Routes.root(of: page.path)
            let pageTitle = page.count > 1 ? "\(title) (\(t.string("page")) \(page.number)/\(page.count))" : title
            var context = frame.context(pagePath: page.path, title: pageTitle, breadcrumbs: [(title, nil)])
            context["heading"] = title
            context["csvHref"] = root + Routes.disclosureCatalogueCSV
            context["count"] = rows.count
            context["menu"] = catalogue.groups.map { group, items -> [String: Any] in
                let target = firstPage[group] ?? 1
                return ["groupHeading": t.string(group.stringKey), "groupCount": items.count,
                        "href": (target == page.number ? "" : Routes.href(root, Routes.page(target, of: path))) + "#nhom-" + group.rawValue]
            }
            var groups: [[String: Any]] = []
            for (n, group, item) in page.items {
                if groups.last?["group"] as? String != group.rawValue {
                    groups.append(["group": group.rawValue, "groupHeading": t.string(group.stringKey), "groupId": "nhom-" + group.rawValue,
                                   "rows": [[String: Any]]()])
                }
                var last = groups.removeLast()
                last["rows"] = (last["rows"] as? [[String: Any]] ?? []) + [row(item, n: n, root: root)]
                groups.append(last)
            }
            context["groups"] = groups
            if page.count > 1 {
                context["pagination"] = Paginator.links(path: path, current: page.number, count: page.count, root: root)
                    .merging(paginator.range(of: page, total: rows.count)) { $1 }
            }
            return RenderedPage(path: Routes.file(of: page.path), content: t.render(context, template: "disclosure"))
        } }
    }

    func row(_ item: DisclosureCatalogue.Item, n: Int, root: String) -> [String: Any] {
        ["n": n, "name": item.name, "type": item.record.metadata.type?.name ?? "", "number": item.number,
         "created": item.created?.short ?? "", "createdISO": item.created?.iso ?? false, "form": item.form,
         "posted": item.posted?.short ?? frame.theme.string("disclosure_not_posted"), "postedISO": item.posted?.iso ?? false,
         "duration": item.duration, "href": Routes.href(root, item.record.url),
         "status": item.record.statusText ?? "", "inactive": item.record.isNoLongerInForce]
    }

    func csv() -> String { catalogue.csv(strings: frame.theme.strings, routes: Routes(baseURL: frame.site.baseURL)) }
}
