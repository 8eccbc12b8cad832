import CongkhaiDomain

extension DocumentRecord {
    /// The day it was posted on the site: `published`, else its own date, else
    /// (a procedure) the date of the decision that announced it.
    var postedDate: DocumentDate? { metadata.published ?? metadata.date ?? procedure?.announcedBy?.date }

    /// The newest day this record's page says anything about: its date, its posting, its effect.
    var contentDate: DocumentDate? { [metadata.date, metadata.published, metadata.effective, postedDate].compactMap { $0 }.max() }

    /// `records` newest posted first. The posting days are worked out once and
    /// indices sorted, rather than comparing whole records (large structs) tens of thousands of times.
    static func sortedNewestPostedFirst(_ records: [DocumentRecord]) -> [DocumentRecord] {
        let posted = records.map(\.postedDate)
        let order = records.indices.sorted { a, b in
            if posted[a] != posted[b] {
                guard let pa = posted[a] else { return false }
                guard let pb = posted[b] else { return true }
                return pa > pb
            }
            return RecordListings.newestFirst(records[a], records[b])
        }
        return order.map { records[$0] }
    }
}
