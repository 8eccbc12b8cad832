import CongkhaiDomain
import Foundation

/// Who cites whom: every citation resolved to a document of the corpus (by
/// identifier and year, since numbers restart every year) or left as an
/// external reference, the typed relations declared in front matter, and
/// every cited identifier with the documents that cite it.
public struct CitationGraph: Sendable {
    public struct Cite: Sendable {
        public let citation: Citation
        /// The document of the site it names, or nil for an external reference.
        public let target: DocumentID?
    }

    public struct Relation: Sendable {
        public let kind: RelationKind
        public let written: String
        public let key: String
        public let year: Int?
        public let target: DocumentID?
    }

    /// An identifier as readers cite it, with every document that cites it.
    public struct CitedIdentifier: Sendable {
        public let key: String
        public let year: Int?
        public let written: String
        public let target: DocumentID?
        /// In the corpus's order.
        public var citing: [DocumentID]
        /// Its page's folder name, unique among the identifiers (see `assignSlugs`).
        public internal(set) var slug = ""

        var baseSlug: String {
            // on bytes: Foundation's `contains` goes through NSString and took a twentieth of a rebuild
            let withYear = year.map { key.utf8.firstRange(of: "/\($0)/".utf8) != nil ? key : key + " \($0)" } ?? key
            return VietnameseText.slug(withYear, maxLength: 80)
        }
    }

    /// Identifiers that differ only in punctuation (`7/QĐ.UBND`, `7/QĐ-UBND`)
    /// slug alike: the first in key order keeps the slug, the others get -2, -3...
    static func assignSlugs(_ ids: inout [CitedIdentifier]) {
        let groups = Dictionary(grouping: ids.indices, by: { ids[$0].baseSlug })
        for (base, members) in groups {
            let ordered = members.sorted { (ids[$0].key, ids[$0].year ?? 0) < (ids[$1].key, ids[$1].year ?? 0) }
            for (n, i) in ordered.enumerated() { ids[i].slug = n == 0 ? base : "\(base)-\(n + 1)" }
        }
    }

    /// Distinct citations per document, first mention kept.
    private var citesOf: [DocumentID: [Cite]] = [:]
    /// Citing documents per document, in the corpus's order.
    private var citedByOf: [DocumentID: [DocumentID]] = [:]
    private var relationsOf: [DocumentID: [Relation]] = [:]
    /// Relations declared by other documents about this one.
    private var relatedByOf: [DocumentID: [(kind: RelationKind, source: DocumentID)]] = [:]
    /// Most cited first.
    public private(set) var identifiers: [CitedIdentifier] = []
    public private(set) var diagnostics: [Diagnostic] = []

    private let byKey: [String: [DocumentID]]
    private let years: [DocumentID: Int]

    enum Resolution: Equatable {
        case document(DocumentID)
        case ambiguous([DocumentID])
        case otherYear([DocumentID])
        case external
    }

    public func cites(of id: DocumentID) -> [Cite] { citesOf[id] ?? [] }
    public func citedBy(_ id: DocumentID) -> [DocumentID] { citedByOf[id] ?? [] }
    public func relations(of id: DocumentID) -> [Relation] { relationsOf[id] ?? [] }
    public func relatedBy(_ id: DocumentID) -> [(kind: RelationKind, source: DocumentID)] { relatedByOf[id] ?? [] }

    /// A graph that only resolves citations, from the index of a corpus's numbers and years (see `TextEditKit`).
    init(resolving byKey: [String: [DocumentID]], years: [DocumentID: Int]) {
        self.byKey = byKey
        self.years = years
    }

    init(corpus: Corpus, types: DocumentTypeTable) {
        let docs = corpus.documents
        var byKey: [String: [DocumentID]] = [:]
        var years: [DocumentID: Int] = [:]
        for doc in docs {
            if let number = doc.metadata.number, number.number != nil { byKey[number.key, default: []].append(doc.id) }
            if let year = doc.year { years[doc.id] = year }
        }
        self.byKey = byKey
        self.years = years

        // Each document's citations resolved and made distinct on all cores (a lookup and, for one that
        // leads outside, a check for a mistyped symbol); only what joins documents is gathered below, in
        // the corpus's order: the serial loop over every citation took most of a rebuild's linking.
        let suggestions = Suggestions(types: types)
        let cited = parallelMap(docs) { doc in Self.cites(of: doc, byKey: byKey, years: years, corpus: corpus, suggestions: suggestions) }
        var groups: [String: CitedIdentifier] = [:]
        // By index: a Document copied out of the array retains each of its fields.
        for n in docs.indices {
            let i = docs[n].id
            diagnostics += cited[n].findings
            if !cited[n].cites.isEmpty { citesOf[i] = cited[n].cites }
            for group in cited[n].groups {
                groups[group.key, default: group.identifier].citing.append(i)
                if let target = group.identifier.target { citedByOf[target, default: []].append(i) }
            }
            for relation in Self.declaredRelations(docs[n], diagnostics: &diagnostics) {
                var target: DocumentID?
                if case .document(let t) = resolve(relation.number, year: relation.year), t != i { target = t }
                if let target {
                    relatedByOf[target, default: []].append((relation.kind, i))
                } else {
                    diagnostics.append(Diagnostic(.warning, file: docs[n].source, line: relation.line, .relationNoTarget,
                        ["relation": relation.kind.rawValue, "value": relation.written]))
                }
                relationsOf[i, default: []].append(Relation(kind: relation.kind, written: relation.written, key: relation.number.key,
                                                            year: relation.year, target: target))
            }
        }
        // A later mention gives only type and number: when an identifier is
        // otherwise cited with exactly one year, the yearless mention is that one.
        let yearsByKey = Dictionary(grouping: groups.values.filter { $0.year != nil }, by: \.key)
        var merged = Set<String>()
        for (groupKey, group) in groups where group.year == nil {
            guard let dated = yearsByKey[group.key], dated.count == 1 else { continue }
            let datedKey = Self.groupKey(group.key, dated[0].year)
            groups[datedKey]?.citing += group.citing
            merged.insert(datedKey)
            groups[groupKey] = nil
        }
        // Documents are visited in the corpus's order and cite a group once, so a group's citing documents
        // are already in order and distinct; only a merged group is put in order again.
        identifiers = groups.map { key, g in
            var g = g
            if merged.contains(key) { g.citing = corpus.inOrder(Set(g.citing)) }
            return g
        }.sorted { a, b in
            if a.citing.count != b.citing.count { return a.citing.count > b.citing.count }
            if a.key != b.key { return a.key < b.key }
            return (a.year ?? 0) < (b.year ?? 0)
        }
        Self.assignSlugs(&identifiers)
    }

    /// What one document's citations say, before documents are joined.
    private struct OwnCitations {
        var findings: [Diagnostic] = []
        /// Distinct, first mention kept (with the summary a later mention gives).
        var cites: [Cite] = []
        /// Each identifier of a year the document cites, once, as first cited.
        var groups: [(key: String, identifier: CitedIdentifier)] = []
    }

    private static func cites(of doc: Document, byKey: [String: [DocumentID]], years: [DocumentID: Int], corpus: Corpus,
                              suggestions: Suggestions) -> OwnCitations {
        var own = OwnCitations()
        let citations = doc.citations
        own.cites.reserveCapacity(citations.count)
        own.groups.reserveCapacity(citations.count)
        var keptAt: [String: Int] = [:] // each group's citation kept: its index in `cites`
        keptAt.reserveCapacity(citations.count)
        for located in citations {
            let c = located.citation
            var target: DocumentID?
            switch resolve(c.number, year: c.year, byKey: byKey, years: years) {
            case .document(let t): target = t
            case .ambiguous(let candidates):
                own.findings.append(Diagnostic(.warning, file: doc.source, line: located.line, .citationAmbiguous,
                    ["citation": c.written, "count": String(candidates.count), "candidates": describe(candidates, in: corpus)]))
            case .otherYear(let candidates):
                own.findings.append(Diagnostic(.warning, file: doc.source, line: located.line, .citationOtherYear,
                    ["citation": c.written, "year": c.year.map(String.init) ?? "?", "candidates": describe(candidates, in: corpus)]))
            case .external:
                if let suggestion = suggestions.of(c.number) {
                    own.findings.append(Diagnostic(.warning, file: doc.source, line: located.line, .citationMistyped,
                                                   ["citation": c.written, "suggestion": suggestion]))
                }
            }
            if target == doc.id { continue } // "(Kèm theo Báo cáo số ...)" in its own appendix
            let year = target.flatMap { years[$0] } ?? c.year
            let groupKey = Self.groupKey(c.number.key, year)
            if let k = keptAt[groupKey] {
                // a later mention may say what the first did not
                if c.summary != nil, own.cites[k].citation.summary == nil {
                    own.cites[k] = Cite(citation: own.cites[k].citation.withSummary(of: c), target: own.cites[k].target)
                }
                continue
            }
            keptAt[groupKey] = own.cites.count
            own.cites.append(Cite(citation: c, target: target))
            own.groups.append((groupKey, CitedIdentifier(key: c.number.key, year: year, written: c.written, target: target, citing: [])))
        }
        // A mention without a year or a target, of an identifier the document also cites dated, is that one.
        let datedKeys = Set(own.cites.filter { $0.citation.year != nil || $0.target != nil }.map(\.citation.number.key))
        own.cites.removeAll { $0.citation.year == nil && $0.target == nil && datedKeys.contains($0.citation.number.key) }
        return own
    }

    /// What `CitationScanner.suggestion` says of each number that leads outside, asked once per number:
    /// the same handful of outside identifiers are cited thousands of times, and asking took a third
    /// of resolving. Shared by the threads that resolve, under a lock.
    final class Suggestions: @unchecked Sendable {
        private let types: DocumentTypeTable
        private var known: [DocumentNumber: String?] = [:]
        private let lock = NSLock()

        init(types: DocumentTypeTable) { self.types = types }

        func of(_ number: DocumentNumber) -> String? {
            if let found = lock.withLock({ known[number] }) { return found }
            let suggestion = CitationScanner.suggestion(for: number, types: types)
            lock.withLock { known[number] = suggestion }
            return suggestion
        }
    }

    /// One cited identifier of one year. Each document is visited once, in
    /// the corpus's order, and cites a group once, so `citedBy` comes out sorted and unique.
    static func groupKey(_ key: String, _ year: Int?) -> String {
        key + "|" + (year.map(String.init) ?? "")
    }

    /// A citation resolves by identifier and year; without a year only when one document matches.
    func resolve(_ number: DocumentNumber, year: Int?) -> Resolution {
        Self.resolve(number, year: year, byKey: byKey, years: years)
    }

    private static func resolve(_ number: DocumentNumber, year: Int?, byKey: [String: [DocumentID]],
                                years: [DocumentID: Int]) -> Resolution {
        guard number.number != nil, let candidates = byKey[number.key] else { return .external }
        if let year {
            let sameYear = candidates.filter { years[$0] == year }
            if sameYear.count == 1 { return .document(sameYear[0]) }
            if sameYear.count > 1 { return .ambiguous(sameYear) }
            return .otherYear(candidates)
        }
        return candidates.count == 1 ? .document(candidates[0]) : .ambiguous(candidates)
    }

    /// The document a citation in running text links to, if any.
    public func target(of citation: Citation, from source: DocumentID) -> DocumentID? {
        target(of: citation.number, year: citation.year, from: source)
    }

    /// The document an identifier and year name (a procedure's legal basis, its announcing decision).
    public func target(of number: DocumentNumber, year: Int?, from source: DocumentID) -> DocumentID? {
        guard case .document(let t) = resolve(number, year: year), t != source else { return nil }
        return t
    }

    private static func describe(_ ids: [DocumentID], in corpus: Corpus) -> String {
        ids.prefix(4).map { "\($0.source) (\(corpus[$0]?.year.map(String.init) ?? "?"))" }.joined(separator: ", ")
            + (ids.count > 4 ? " and \(ids.count - 4) more" : "")
    }

    static func declaredRelations(_ doc: Document, diagnostics: inout [Diagnostic]) -> [DeclaredRelation] {
        var out: [DeclaredRelation] = []
        for kind in RelationKind.allCases {
            guard let value = doc.extra[kind.rawValue] else { continue }
            // "12/KH-STTTT (2023)", or {number: 12/KH-STTTT, year: 2023}
            func written(_ item: YAMLValue) -> String? {
                item.text ?? item["number"]?.text.map { $0 + (item["year"]?.text.map { " (\($0))" } ?? "") }
            }
            let items: [(String, Int)]
            switch value {
            case .list(let list, _): items = list.compactMap { item in written(item).map { ($0, item.line) } }
            case .text(let s, let line): items = [(s, line)]
            case .map: items = [(written(value) ?? "", value.line)]
            case .null: items = []
            }
            for (text, line) in items {
                if let relation = DeclaredRelation.parse(VietnameseText.normalize(text), kind: kind, line: line) {
                    out.append(relation)
                } else {
                    diagnostics.append(Diagnostic(.warning, file: doc.source, line: line, .relationNotANumber,
                                                  ["relation": kind.rawValue, "value": text]))
                }
            }
        }
        return out
    }
}
