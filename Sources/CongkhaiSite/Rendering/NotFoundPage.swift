import CongkhaiDomain

/// `404.html` at the root: the web server serves it at any address that does
/// not exist, at any depth. Its links are those of a page at the root, made to
/// work from any depth by a `<base>` element: `base_url`, or "/" without one
/// (right only when the site is served at the root of its domain). Links stay
/// relative in the file, so that the site's link checks read them as from the root.
struct NotFoundPage {
    let frame: PageFrame

    /// The address every link of the page is resolved against.
    var root: String { frame.site.baseURL ?? "/" }

    func render() -> RenderedPage {
        let t = frame.theme
        var context = frame.context(pagePath: Routes.home, title: t.string("not_found_title"), breadcrumbs: [])
        context["baseHref"] = root
        context["canonical"] = nil
        context["heading"] = t.string("not_found_title")
        context["links"] = [
            ["label": t.string("not_found_home"), "href": Routes.file(of: Routes.home)],
            ["label": t.string("recent"), "href": Routes.file(of: Routes.recent)],
            ["label": t.string("by_year"), "href": Routes.file(of: Routes.years)],
            ["label": t.string("by_type"), "href": Routes.file(of: Routes.types)],
            ["label": t.string("by_number"), "href": Routes.file(of: Routes.numbers)],
            ["label": t.string("disclosure_catalogue"), "href": Routes.file(of: Routes.disclosureCatalogue)],
        ]
        return RenderedPage(path: Routes.notFound, content: t.render(context, template: "not-found"))
    }
}
