import CongkhaiDomain

/// What lists need to know of a document, so that the corpus (for the build
/// summary) and the records (for pages) are grouped by one piece of code.
protocol Listable {
    var metadata: DocumentMetadata { get }
    var source: String { get }
    var procedure: Procedure? { get }
}

extension Document: Listable {}
extension DocumentRecord: Listable {}

/// The groupings readers browse by: years (newest first), types (Vietnamese
/// order) and, within a year, numbers by type. Procedures are listed apart.
struct Listings<Item: Listable> {
    /// The documents the indexes list (procedures have a list of their own).
    let documents: [Item]
    let procedures: [Item]
    /// Years, newest first; documents with no known year last (year nil).
    let years: [(year: Int?, documents: [Item])]
    /// Types in Vietnamese alphabetical order; documents of unknown type last (type nil).
    let types: [(type: DocumentType?, documents: [Item])]

    init(_ items: [Item]) {
        let documents = items.filter { $0.procedure == nil }
        self.documents = documents
        procedures = items.filter { $0.procedure != nil }
        let byYear = Dictionary(grouping: documents, by: { $0.metadata.year })
        years = byYear.keys.sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }.map { ($0, byYear[$0]!.sorted(by: Self.newestFirst)) }
        let byType = Dictionary(grouping: documents, by: { $0.metadata.type })
        let known = byType.keys.compactMap { $0 }.sorted { VietnameseText.collationLess($0.name, $1.name) }
        var types: [(type: DocumentType?, documents: [Item])] = known.map { ($0, byType[$0]!.sorted(by: Self.newestFirst)) }
        if let unknown = byType[nil] { types.append((nil, unknown.sorted(by: Self.newestFirst))) }
        self.types = types
    }

    /// How many documents (not procedures) each type and each year has, in the order of `types` and `years`:
    /// counted, not grouped, for the build's summary, which copied every document four times to group them
    /// (at 100,000 documents, the last peak of a build's memory).
    static func counts(_ items: [Item]) -> (types: [(type: DocumentType?, count: Int)], years: [(year: Int?, count: Int)]) {
        var byType: [DocumentType?: Int] = [:], byYear: [Int?: Int] = [:]
        for item in items where item.procedure == nil {
            byType[item.metadata.type, default: 0] += 1
            byYear[item.metadata.year, default: 0] += 1
        }
        let known = byType.keys.compactMap { $0 }.sorted { VietnameseText.collationLess($0.name, $1.name) }
        var types: [(type: DocumentType?, count: Int)] = known.map { (type: $0, count: byType[$0]!) }
        if let unknown = byType[DocumentType?.none] { types.append((type: nil, count: unknown)) }
        let years = byYear.keys.sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }.map { (year: $0, count: byYear[$0]!) }
        return (types, years)
    }

    /// Newest first; documents dated only to the year come after those with a full date.
    static func newestFirst(_ a: Item, _ b: Item) -> Bool {
        let da = a.metadata.date, db = b.metadata.date
        if da != db {
            guard let da else { return false }
            guard let db else { return true }
            return da > db
        }
        let na = a.metadata.number?.numericValue ?? -1, nb = b.metadata.number?.numericValue ?? -1
        if na != nb { return na > nb }
        return a.source < b.source
    }

    /// By number as a number (2 before 10; 05 equals 5), then by symbol.
    static func byNumber(_ a: Item, _ b: Item) -> Bool {
        let na = a.metadata.number?.numericValue ?? Int.max, nb = b.metadata.number?.numericValue ?? Int.max
        if na != nb { return na < nb }
        let sa = a.metadata.number?.symbol ?? "", sb = b.metadata.number?.symbol ?? ""
        if sa != sb { return sa < sb }
        return a.source < b.source
    }

    /// Dated documents first, then (when grouped) the undated ones, each marked.
    static func datedFirst(_ items: [Item], groupUndated: Bool) -> [(record: Item, undated: Bool)] {
        guard groupUndated else { return items.map { ($0, false) } }
        return items.filter { $0.metadata.date != nil }.map { ($0, false) } + items.filter { $0.metadata.date == nil }.map { ($0, true) }
    }

    /// The anchor of the group of documents without a number yet.
    static var unnumberedGroup: String { "chua-co-so" }

    /// One year's numbers: a group per type (Vietnamese order, unknown type
    /// last) sorted as numbers, then the unnumbered documents, newest first.
    static func numberGroups(_ items: [Item]) -> [(type: DocumentType?, id: String, documents: [Item])] {
        let byType = Dictionary(grouping: items.filter { $0.metadata.number?.number != nil }, by: { $0.metadata.type })
        let typeOrder = byType.keys.sorted { a, b in
            guard let a else { return false }
            guard let b else { return true }
            return VietnameseText.collationLess(a.name, b.name)
        }
        var groups: [(DocumentType?, String, [Item])] = typeOrder.map { ($0, Routes.typeSegment($0), byType[$0]!.sorted(by: byNumber)) }
        let unnumbered = items.filter { $0.metadata.number?.number == nil }
        if !unnumbered.isEmpty { groups.append((nil, unnumberedGroup, unnumbered.sorted(by: newestFirst))) }
        return groups
    }
}
