import CongkhaiDomain

/// The links at the top of a year's or a type's list that narrow it down: a
/// year links to its documents of each type (the groups of its number index,
/// with counts) and to its number index; a type links to where each year
/// starts in its own list (the first row of each year carries an anchor).
struct NarrowingLinks {
    /// The `narrow` context of the list template, for a page whose way back to the root is the argument.
    let context: (String) -> [String: Any]
    /// Anchors on rows, by document address: "nam-2024" on the first document of 2024.
    var anchors: [String: String] = [:]

    /// For the year page of `documents` (one year's).
    static func year(_ year: Int?, documents: [DocumentRecord], frame: PageFrame) -> NarrowingLinks {
        let t = frame.theme
        let path = Routes.numbers(ofYear: year)
        let pageSize = Paginator.numbers(frame.site).pageSize
        var start = 0
        let groups = RecordListings.numberGroups(documents).map { group -> (String, String, Int, Int) in
            defer { start += group.documents.count }
            let label = group.type.map(frame.typeName)
                ?? (group.id == RecordListings.unnumberedGroup ? t.string("unnumbered") : frame.typeName(nil))
            return (label, group.id, group.documents.count, start / pageSize + 1)
        }
        return NarrowingLinks { root in
            ["heading": t.string("year_by_type"),
             "links": groups.map { label, id, count, page in
                 ["label": label, "count": count, "href": Routes.href(root, Routes.page(page, of: path)) + "#" + id] as [String: Any]
             },
             "more": [["label": t.string("year_number_index"), "href": Routes.href(root, path)]]]
        }
    }

    /// For the list of one type, `documents` in the list's order.
    static func type(_ type: DocumentType?, documents: [DocumentRecord], frame: PageFrame) -> NarrowingLinks {
        let pageSize = Paginator.documents(frame.site).pageSize
        var years: [(year: Int?, count: Int, page: Int, anchor: String)] = []
        var anchors: [String: String] = [:]
        for (i, doc) in documents.enumerated() {
            if let k = years.firstIndex(where: { $0.year == doc.metadata.year }) {
                years[k].count += 1
            } else {
                let anchor = "nam-" + Routes.yearSegment(doc.metadata.year)
                years.append((doc.metadata.year, 1, i / pageSize + 1, anchor))
                anchors[doc.url] = anchor
            }
        }
        let path = Routes.type(type)
        return NarrowingLinks(context: { root in
            ["heading": frame.theme.string("type_by_year"),
             "links": years.map { ["label": frame.yearName($0.year), "count": $0.count,
                                   "href": Routes.href(root, Routes.page($0.page, of: path)) + "#" + $0.anchor] as [String: Any] },
             "more": [] as [[String: Any]]]
        }, anchors: anchors)
    }
}
