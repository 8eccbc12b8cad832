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
        values(pagePath: pagePath, title: title, breadcrumbs: breadcrumbs).mapValues(\.any)
    }

    /// The same as template values, for a page that builds its context typed (DocumentPage). `shared`: the page's
    /// root and what `sharedValues(root:)` gives for it, when the caller keeps them from one page to the next.
    func values(pagePath: String, title: String, breadcrumbs: [(String, String?)],
                shared: (root: String, values: [String: TemplateValue])? = nil) -> [String: TemplateValue] {
        let root = shared?.root ?? Routes.root(of: pagePath)
        var context = shared?.values ?? sharedValues(root: root)
        context["title"] = .text(title)
        // a page that has its own description replaces this one
        context["description"] = .text(title == site.name ? theme.string("home_intro") : title + " | " + site.name)
        if let canonical = Routes(baseURL: site.baseURL).absolute(pagePath) { context["canonical"] = .text(canonical) }
        let feeds = FeedSet.links(pagePath: pagePath, baseURL: site.baseURL, strings: theme.strings, hasProcedures: hasProcedures)
        if !feeds.isEmpty { context["feeds"] = .list(feeds.map { .object($0.mapValues(TemplateValue.text)) }) }
        if !breadcrumbs.isEmpty {
            var trail: [TemplateValue] = [.object(["label": .text(theme.string("home")), "href": .text(Routes.href(root, Routes.home))])]
            for (label, path) in breadcrumbs {
                var crumb: [String: TemplateValue] = ["label": .text(label)]
                if let path { crumb["href"] = .text(Routes.href(root, path)) } else { crumb["current"] = .flag(true) }
                trail.append(.object(crumb))
            }
            context["breadcrumbTrail"] = .object(["items": .list(trail)])
        }
        return context
    }

    /// What every page as deep as `root` ("../../") shows the same: the site, its menu, the UI strings.
    func sharedValues(root: String) -> [String: TemplateValue] {
        var siteContext: [String: TemplateValue] = ["name": .text(site.name)]
        if let v = site.parent { siteContext["parent"] = .text(v) }
        if let v = site.address { siteContext["address"] = .text(v) }
        if let v = site.phone { siteContext["phone"] = .text(v) }
        if let v = site.email { siteContext["email"] = .text(v) }
        if let v = site.legalBasis { siteContext["legalBasis"] = .text(v) }
        func link(_ path: String, _ label: String) -> TemplateValue {
            .object(["href": .text(Routes.href(root, path)), "label": .text(label)])
        }
        var nav: [TemplateValue] = [
            link(Routes.recent, theme.string("recent")),
            link(Routes.years, theme.string("by_year")),
            link(Routes.types, theme.string("by_type")),
            link(Routes.numbers, theme.string("by_number")),
        ]
        if hasProcedures { nav.append(link(Routes.procedures, theme.string("procedures"))) }
        nav.append(link(Routes.citations, theme.string("cited_documents")))
        nav += plainPages.map { link($0.1, $0.0) }
        var context: [String: TemplateValue] = [
            "lang": .text(site.language),
            "t": .strings(theme.strings.values),
            "site": .object(siteContext),
            "root": .text(root),
            "homeHref": .text(Routes.href(root, Routes.home)),
            "searchHref": .text(Routes.href(root, Routes.search)),
            "nav": .list(nav),
            "disclosureHref": .text(Routes.href(root, Routes.disclosureCatalogue)),
        ]
        if let lastUpdated {
            context["lastUpdated"] = .text(lastUpdated.official)
            context["lastUpdatedISO"] = .text(lastUpdated.iso)
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
