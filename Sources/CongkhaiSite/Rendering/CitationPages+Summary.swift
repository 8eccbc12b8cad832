import CongkhaiDomain

extension CitationPages {
    /// What the citing texts say `id` is about ("quy định về việc cung cấp thông tin ..."): the
    /// summary most of them give, a tie going to the one whose file's path sorts first. A record
    /// is made from its file's bytes (its digest is in the record's), so a change of a summary
    /// changes the records' digest this page's step is kept by.
    static func summary(of id: CitationGraph.CitedIdentifier, citing: [DocumentRecord]) -> String? {
        let given = citing.compactMap { record -> (summary: String, source: String)? in
            let cite = record.cites.first { cite in
                cite.citation.number.key == id.key && cite.citation.summary != nil
                    && (id.year == nil || cite.year == nil || cite.year == id.year)
            }
            return cite?.citation.summary.map { ($0, record.source) }
        }
        return Citation.commonSummary(given)
    }
}
