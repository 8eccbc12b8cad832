import CongkhaiDomain

/// `404.html` at the root: the web server serves it at any address that does
/// not exist, at any depth, so its links cannot be relative. They are absolute
/// from `base_url`, or start at "/" without one (right only when the site is
/// served at the root of its domain).
struct NotFoundPage {
    let frame: PageFrame

    /// The address every link of the page starts with.
    var root: String { frame.site.baseURL ?? "/" }

    func render() -> RenderedPage {
        let t = frame.theme
        var context = frame.context(pagePath: Routes.home, title: t.string("not_found_title"), breadcrumbs: [])
        // frame.context made links relative to the root ("" + path): they are made absolute by prefixing.
        context["root"] = root
        context["homeHref"] = root + Routes.file(of: Routes.home)
        context["nav"] = (context["nav"] as? [[String: Any]] ?? []).map { item -> [String: Any] in
            var item = item
            if let href = item["href"] as? String { item["href"] = root + href }
            return item
        }
        for key in ["disclosureHref"] { if let href = context[key] as? String { context[key] = root + href } }
        context["feeds"] = (context["feeds"] as? [[String: String]])?.map { $0.merging(["href": root + ($0["href"] ?? "")]) { $1 } }
        context["canonical"] = nil
        context["heading"] = t.string("not_found_title")
        context["links"] = [
            ["label": t.string("not_found_home"), "href": root + Routes.file(of: Routes.home)],
            ["label": t.string("recent"), "href": root + Routes.file(of: Routes.recent)],
            ["label": t.string("by_year"), "href": root + Routes.file(of: Routes.years)],
            ["label": t.string("by_type"), "href": root + Routes.file(of: Routes.types)],
            ["label": t.string("by_number"), "href": root + Routes.file(of: Routes.numbers)],
            ["label": t.string("disclosure_catalogue"), "href": root + Routes.file(of: Routes.disclosureCatalogue)],
        ]
        return RenderedPage(path: Routes.notFound, content: t.render(context, template: "not-found"))
    }
}
