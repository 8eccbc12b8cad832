import CongkhaiDomain
import Foundation

/// What every page shares: the site, the UI strings, the way back to the
/// root, the breadcrumb trail.
struct PageFrame {
    let site: SiteConfig
    let theme: Theme
    /// The procedure list is in the menu only when there are procedures.
    var hasProcedures = false
    /// The newest date among the documents (posted, else issued): the footer's "last updated" line.
    var lastUpdated: DocumentDate?
    /// Plain pages in menu order: (title, path).
    var plainPages: [(String, String)] = []

    func context(pagePath: String, title: String, breadcrumbs: [(String, String?)]) -> [String: Any] {
        let root = Routes.root(of: pagePath)
        var siteContext: [String: Any] = ["name": site.name]
        if let v = site.parent { siteContext["parent"] = v }
        if let v = site.address { siteContext["address"] = v }
        if let v = site.phone { siteContext["phone"] = v }
        if let v = site.email { siteContext["email"] = v }
        if let v = site.legalBasis { siteContext["legalBasis"] = v }
        var nav: [[String: Any]] = [
            ["href": Routes.href(root, Routes.recent), "label": theme.string("recent")],
            ["href": Routes.href(root, Routes.years), "label": theme.string("by_year")],
            ["href": Routes.href(root, Routes.types), "label": theme.string("by_type")],
            ["href": Routes.href(root, Routes.numbers), "label": theme.string("by_number")],
        ]
        if hasProcedures { nav.append(["href": Routes.href(root, Routes.procedures), "label": theme.string("procedures")]) }
        nav.append(["href": Routes.href(root, Routes.citations), "label": theme.string("cited_documents")])
        nav += plainPages.map { ["href": Routes.href(root, $0.1), "label": $0.0] }
        var context: [String: Any] = [
            "lang": site.language,
            "t": theme.strings.values,
            "site": siteContext,
            "root": root,
            "homeHref": Routes.href(root, Routes.home),
            "searchHref": Routes.href(root, Routes.search),
            "title": title,
            "nav": nav,
            // a page that has its own description replaces this one
            "description": title == site.name ? theme.string("home_intro") : title + " | " + site.name,
            "disclosureHref": Routes.href(root, Routes.disclosureCatalogue),
        ]
        if let lastUpdated { context["lastUpdated"] = lastUpdated.official; context["lastUpdatedISO"] = lastUpdated.iso }
        if let canonical = Routes(baseURL: site.baseURL).absolute(pagePath) { context["canonical"] = canonical }
        let feeds = FeedSet.links(pagePath: pagePath, baseURL: site.baseURL, strings: theme.strings, hasProcedures: hasProcedures)
        if !feeds.isEmpty { context["feeds"] = feeds }
        if !breadcrumbs.isEmpty {
            var trail: [[String: Any]] = [["label": theme.string("home"), "href": Routes.href(root, Routes.home)]]
            for (label, path) in breadcrumbs {
                var crumb: [String: Any] = ["label": label]
                if let path { crumb["href"] = Routes.href(root, path) } else { crumb["current"] = true }
                trail.append(crumb)
            }
            context["breadcrumbTrail"] = ["items": trail]
        }
        return context
    }

    /// One row of a document list.
    func row(_ doc: DocumentRecord, root: String) -> [String: Any] {
        // every key present: a missing key makes Mustache search the whole context
        [
            "href": Routes.href(root, doc.url), "title": doc.metadata.title ?? theme.string("untitled"),
            "number": Formatting.number(doc.metadata.number) ?? "", "date": doc.metadata.date?.short ?? "",
            "dateISO": doc.metadata.date?.iso ?? false, "type": doc.metadata.type?.name ?? "",
            "draft": CitizenFormatting.isDraft(doc),
            "status": doc.statusText ?? "", "inactive": doc.isNoLongerInForce, "anchor": false,
        ]
    }

    /// A document's page was last updated when the document was posted: not when the newest
    /// document of the site was, which would change every page (and rebuild it) at each posting.
    func setLastUpdated(of record: DocumentRecord, in context: inout [String: Any]) {
        if let own = record.metadata.published ?? record.metadata.date {
            context["lastUpdated"] = own.official
            context["lastUpdatedISO"] = own.iso
        } else {
            context["lastUpdated"] = nil
        }
    }

    func typeName(_ type: DocumentType?) -> String { type?.name ?? theme.string("unknown_type") }
    func yearName(_ year: Int?) -> String { year.map(String.init) ?? theme.string("unknown_year") }
}
