import CongkhaiDomain
import Foundation

/// Values as citizens read them on a page: drafts named as drafts, words in
/// sentence case, the date the site last changed.
enum CitizenFormatting {
    static func isDraft(_ record: DocumentRecord) -> Bool {
        record.isDraft
    }

    /// "toàn trình" → "Toàn trình", "mới" → "Mới"; the rest stays as written ("Mức độ 4").
    static func sentenceCase(_ text: String?) -> String? {
        guard let text = text?.trimmingSpaces, let first = text.first else { return nil }
        return first.uppercased() + text.dropFirst()
    }

    /// The newest date a document gives (posted on the site, else issued), never a clock's:
    /// the same content always says the same "last updated".
    static func lastUpdated(_ metadata: [DocumentMetadata]) -> DocumentDate? {
        metadata.compactMap { $0.published ?? $0.date }.max()
    }

    /// "Quyết định số 58/QĐ-STTTT ngày 05/5/2023 của Sở ...: Về việc ...": what a link preview says about a document.
    static func description(of m: DocumentMetadata, typeName: String, issuer: String, strings: UIStrings) -> String {
        var head = typeName
        if let n = Formatting.number(m.number) { head += " " + strings["number_word"] + " " + n }
        if let d = m.date { head += " " + strings["dated"] + " " + d.short }
        head += " " + strings["of_issuer"] + " " + issuer
        guard let title = m.title else { return head }
        return head + ": " + title
    }
}

/// Where each external cited identifier has its page (`van-ban-duoc-vien-dan/<slug>/`),
/// so that the side panel of a citing document links there.
struct CitationPageIndex {
    private var slugs: [String: String] = [:]
    /// An identifier cited in one year only, for a later mention that gives no year.
    private var onlyYear: [String: String] = [:]

    init(_ graph: CitationGraph) {
        var years: [String: [String]] = [:]
        for id in graph.identifiers where id.target == nil {
            slugs[Self.key(id.key, id.year)] = Routes.citation(id)
            years[id.key, default: []].append(Routes.citation(id))
        }
        for (key, paths) in years where paths.count == 1 { onlyYear[key] = paths[0] }
    }

    init() {}

    static func key(_ key: String, _ year: Int?) -> String { key + "|" + (year.map(String.init) ?? "") }

    func path(of cite: DocumentRecord.Cite) -> String? {
        slugs[Self.key(cite.citation.number.key, cite.year)] ?? (cite.year == nil ? onlyYear[cite.citation.number.key] : nil)
    }
}
