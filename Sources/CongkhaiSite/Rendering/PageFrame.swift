import CongkhaiDomain
import Foundation

/// What every page shares: the site, the UI strings, the way back to the
/// root, the breadcrumb trail.
struct PageFrame {
    let site: SiteConfig
    let theme: Theme
    /// The procedure list is in the menu only when there are procedures.
    var hasProcedures = false

    func context(pagePath: String, title: String, breadcrumbs: [(String, String?)]) -> [String: Any] {
        let root = Formatting.root(of: pagePath)
        var siteContext: [String: Any] = ["name": site.name]
        if let v = site.parent { siteContext["parent"] = v }
        if let v = site.address { siteContext["address"] = v }
        if let v = site.phone { siteContext["phone"] = v }
        if let v = site.email { siteContext["email"] = v }
        if let v = site.legalBasis { siteContext["legalBasis"] = v }
        var nav: [[String: Any]] = [
            ["href": Formatting.href(root, "nam/"), "label": theme.string("by_year")],
            ["href": Formatting.href(root, "loai/"), "label": theme.string("by_type")],
            ["href": Formatting.href(root, "so-ky-hieu/"), "label": theme.string("by_number")],
        ]
        if hasProcedures { nav.append(["href": Formatting.href(root, "thu-tuc/"), "label": theme.string("procedures")]) }
        var context: [String: Any] = [
            "lang": site.language,
            "t": theme.strings,
            "site": siteContext,
            "root": root,
            "homeHref": root + "index.html",
            "title": title,
            "nav": nav,
        ]
        if let base = site.baseURL { context["canonical"] = base + pagePath }
        if !breadcrumbs.isEmpty {
            var trail: [[String: Any]] = [["label": theme.string("home"), "href": root + "index.html"]]
            for (label, path) in breadcrumbs {
                var crumb: [String: Any] = ["label": label]
                if let path { crumb["href"] = Formatting.href(root, path) } else { crumb["current"] = true }
                trail.append(crumb)
            }
            context["breadcrumbTrail"] = ["items": trail]
        }
        return context
    }

    /// One row of a document list.
    func row(_ doc: Document, root: String) -> [String: Any] {
        // every key present: a missing key makes Mustache search the whole context
        [
            "href": Formatting.href(root, doc.url), "title": doc.metadata.title ?? theme.string("untitled"),
            "number": Formatting.number(doc.metadata.number) ?? "", "date": doc.metadata.date?.short ?? "",
            "dateISO": doc.metadata.date?.iso ?? false, "type": doc.metadata.type?.name ?? "",
        ]
    }

    func typeName(_ type: DocumentType?) -> String { type?.name ?? theme.string("unknown_type") }
    func yearName(_ year: Int?) -> String { year.map(String.init) ?? theme.string("unknown_year") }
    func yearSegment(_ year: Int?) -> String { year.map(String.init) ?? Corpus.unknownYearSegment }
    func typeSegment(_ type: DocumentType?) -> String { type?.slug ?? "khac" }
}
