import CongkhaiDomain

extension CitationPages {
    /// Each citing record's citations of `id`, with the record's file: looked through once
    /// per page (an identifier's key is made anew each time it is asked for).
    static func mentions(of id: CitationGraph.CitedIdentifier, in citing: [DocumentRecord])
        -> [(cite: DocumentRecord.Cite, source: String)] {
        citing.flatMap { record in record.cites.filter { $0.citation.number.key == id.key }.map { ($0, record.source) } }
    }

    /// What the citing texts say `id` is about ("quy định về việc cung cấp thông tin ..."): the
    /// summary most of them give, a tie going to the one whose file's path sorts first. A record
    /// is made from its file's bytes (its digest is in the record's), so a change of a summary
    /// changes the records' digest this page's step is kept by.
    static func summary(of id: CitationGraph.CitedIdentifier, mentions: [(cite: DocumentRecord.Cite, source: String)]) -> String? {
        var given: [(summary: String, source: String)] = []
        for (cite, source) in mentions where given.last?.source != source {
            // a record cites an identifier of one year once; one of another year is another document
            guard let summary = cite.citation.summary, id.year == nil || cite.year == nil || cite.year == id.year else { continue }
            given.append((summary, source))
        }
        return Citation.commonSummary(given)
    }
}
