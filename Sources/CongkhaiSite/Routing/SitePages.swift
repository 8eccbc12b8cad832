import CongkhaiDomain

extension Routes {
    /// Every page of the site (paths ending in "/"), in path order: what the
    /// sitemap and the archive list. It is made from the same groupings and
    /// the same paginator as the pages themselves, and a test holds the two equal.
    static func allPages(records: [DocumentRecord], graph: CitationGraph, config: SiteConfig, plainPages: [PlainPage] = []) -> [String] {
        let listing = RecordListings(records)
        var pages = [home, years, types, numbers, search] + records.map(\.url)
        pages += DisclosurePage.paginator(config).paths(records.count, at: disclosureCatalogue)
        pages += RecentPage.paginator(config).paths(records.count, at: recent)
        let documents = Paginator.documents(config)
        for (year, docs) in listing.years {
            pages += documents.paths(docs.count, at: Routes.year(year))
            pages += Paginator.numbers(config).paths(RecordListings.numberGroups(docs).reduce(0) { $0 + $1.documents.count },
                                                     at: numbers(ofYear: year))
        }
        for (type, docs) in listing.types { pages += documents.paths(docs.count, at: Routes.type(type)) }
        pages += Paginator.citations(config).paths(graph.identifiers.count, at: citations)
        pages += graph.identifiers.filter { $0.target == nil }.map(citation)
        if !listing.procedures.isEmpty {
            pages.append(procedures)
            pages += ProcedureLists.byField(listing.procedures).fields.map(procedureField)
        }
        pages += Routes.plainPages(plainPages)
        return pages.sorted()
    }
}
