import CongkhaiDomain
import Foundation

/// The pieces of the index that `TextEdits` makes again for an edited text, without the records.
extension SearchFiles {
    /// A text's searched words' source (`plainText(_ record:)`, from the rendered text alone).
    static func plainText(_ t: RenderedText) -> String {
        var html = [t.bodyHTML] + t.appendices.map(\.html)
        html += Procedure.Section.allCases.compactMap { t.procedureSections[$0] } + t.otherSections
        let text = stripTags(html)
        guard text.utf8.count > textLimit else { return text }
        return String(text.prefix(textLimit))
    }

    /// A word shard's file: one call with its folded words, each with its exact forms and their postings.
    static func wordShardFile(_ shard: SearchIndex.Shard) -> String {
        var out = "CKSearch.words(" + JSONString.quote(shard.key) + ",{"
        for (i, word) in shard.words.enumerated() {
            if i > 0 { out += ",\n" }
            JSONString.quote(word.folded, into: &out)
            out += ":["
            out += word.forms.map { JSONString.quote($0.exact) + "," + JSONString.quote($0.postings) }.joined(separator: ",")
            out += "]"
        }
        out += "});\n"
        return out
    }

    /// Each document's number in the index and the name of its context file, by content path.
    static func numbersAndContextNames(_ records: [DocumentRecord]) -> (numbers: [String: Int], names: [String: String]) {
        let documents = ordered(records)
        let places = places(documents)
        var numbers: [String: Int] = [:], names: [String: String] = [:]
        for (number, record) in documents.enumerated() {
            numbers[record.source] = number
            names[record.source] = "\(places[number].type)-\(places[number].place)"
        }
        return (numbers, names)
    }
}
