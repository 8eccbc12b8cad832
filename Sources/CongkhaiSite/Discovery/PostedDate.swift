import CongkhaiDomain

extension DocumentRecord {
    /// The day it was posted on the site: `published`, else its own date, else
    /// (a procedure) the date of the decision that announced it.
    var postedDate: DocumentDate? { metadata.published ?? metadata.date ?? procedure?.announcedBy?.date }

    /// The newest day this record's page says anything about: its date, its posting, its effect.
    var contentDate: DocumentDate? { [metadata.date, metadata.published, metadata.effective, postedDate].compactMap { $0 }.max() }

    /// Newest posted first; then as the lists order documents, so that two builds agree.
    static func newestPostedFirst(_ a: DocumentRecord, _ b: DocumentRecord) -> Bool {
        let pa = a.postedDate, pb = b.postedDate
        if pa != pb {
            guard let pa else { return false }
            guard let pb else { return true }
            return pa > pb
        }
        return RecordListings.newestFirst(a, b)
    }
}
