import CongkhaiDomain

/// `danh-muc-cong-khai/`: the catalogue of information to be disclosed, one
/// table per group of Art. 17, and its CSV twin.
struct DisclosurePage {
    let frame: PageFrame
    let catalogue: DisclosureCatalogue

    init(frame: PageFrame, records: [DocumentRecord]) {
        self.frame = frame
        catalogue = DisclosureCatalogue(records: records, rules: frame.site.disclosure, strings: frame.theme.strings)
    }

    func render() -> RenderedPage {
        let t = frame.theme
        let path = Routes.disclosureCatalogue
        let root = Routes.root(of: path)
        let title = t.string("disclosure_catalogue")
        var context = frame.context(pagePath: path, title: title, breadcrumbs: [(title, nil)])
        context["heading"] = title
        context["csvHref"] = root + Routes.disclosureCatalogueCSV
        context["count"] = catalogue.groups.reduce(0) { $0 + $1.items.count }
        var counter = 0
        context["groups"] = catalogue.groups.map { group, items -> [String: Any] in
            ["groupHeading": t.string(group.stringKey), "groupId": "nhom-" + group.rawValue, "count": items.count,
             "rows": items.map { item -> [String: Any] in
                 counter += 1
                 return ["n": counter, "name": item.name, "type": item.record.metadata.type?.name ?? "", "number": item.number,
                         "created": item.created?.short ?? "", "createdISO": item.created?.iso ?? false, "form": item.form,
                         "posted": item.posted?.short ?? t.string("disclosure_not_posted"), "postedISO": item.posted?.iso ?? false,
                         "duration": item.duration, "href": Routes.href(root, item.record.url),
                         "status": item.record.statusText ?? "", "inactive": item.record.isNoLongerInForce]
             }]
        }
        return RenderedPage(path: Routes.file(of: path), content: t.render(context, template: "disclosure"))
    }

    func csv() -> String { catalogue.csv(strings: frame.theme.strings, routes: Routes(baseURL: frame.site.baseURL)) }
}
