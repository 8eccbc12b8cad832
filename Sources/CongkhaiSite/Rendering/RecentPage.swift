import CongkhaiDomain

/// `moi-cap-nhat/`: every document and procedure by the day it was posted,
/// newest first, split into pages. Records with no date at all come last.
struct RecentPage {
    let frame: PageFrame
    let records: [DocumentRecord]

    init(frame: PageFrame, records: [DocumentRecord]) {
        self.frame = frame
        self.records = DocumentRecord.sortedNewestPostedFirst(records)
    }

    static func paginator(_ config: SiteConfig) -> Paginator { Paginator.documents(config) }

    func all() -> [() -> RenderedPage] {
        let t = frame.theme
        let title = t.string("recent")
        let paginator = Self.paginator(frame.site)
        return paginator.pages(records, at: Routes.recent).map { page in {
            let root = Routes.root(of: page.path)
            let pageTitle = page.count > 1 ? "\(title) (\(t.string("page")) \(page.number)/\(page.count))" : title
            var context = frame.context(pagePath: page.path, title: pageTitle, breadcrumbs: [(title, nil)])
            context["heading"] = title
            context["count"] = records.count
            context["rows"] = page.items.map { record -> [String: Any] in
                var row = frame.row(record, root: root)
                row["posted"] = record.postedDate?.short ?? ""
                row["postedISO"] = record.postedDate?.iso ?? false
                if let p = record.procedure {
                    row["number"] = p.code ?? ""
                    row["title"] = p.name ?? row["title"] ?? ""
                }
                return row
            }
            if frame.site.baseURL != nil { context["feedHref"] = root + Routes.siteFeed }
            if page.count > 1 {
                context["pagination"] = Paginator.links(path: Routes.recent, current: page.number, count: page.count, root: root)
                    .merging(paginator.range(of: page, total: records.count)) { $1 }
            }
            return RenderedPage(path: Routes.file(of: page.path), content: t.render(context, template: "recent"))
        } }
    }
}
