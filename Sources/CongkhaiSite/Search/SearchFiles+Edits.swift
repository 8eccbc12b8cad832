import CongkhaiDomain
import Foundation

/// What `TextEdits` needs to know of the index to make an edited text's files again, without the records.
extension SearchFiles {
    /// Each document's number in the index and the name of its context file, by content path.
    static func numbersAndContextNames(_ records: [DocumentRecord]) -> (numbers: [String: Int], names: [String: String]) {
        let documents = ordered(records)
        let places = places(documents)
        var numbers: [String: Int] = [:], names: [String: String] = [:]
        for (number, record) in documents.enumerated() {
            numbers[record.source] = number
            names[record.source] = contextName(places[number])
        }
        return (numbers, names)
    }

    /// A context file with the passages named `name` replaced by `line` (a `textFile` call, with its newline):
    /// nil unless the file holds exactly one line of that name. Each line is one document's call, since a JSON
    /// string holds no raw line break.
    static func replacingPassages(named name: String, in file: String, with line: String) -> String? {
        let prefix = "CKSearch.text(" + JSONString.quote(name) + ","
        var lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "", line.hasSuffix("\n") else { return nil }
        let matching = lines.indices.filter { lines[$0].hasPrefix(prefix) }
        guard matching.count == 1 else { return nil }
        lines[matching[0]] = Substring(line.dropLast())
        return lines.joined(separator: "\n")
    }

    /// The line of the passages named `name` in a context file, with its newline; nil unless there is one.
    static func passagesLine(named name: String, in file: Data) -> Data? {
        let prefix = Data(("CKSearch.text(" + JSONString.quote(name) + ",").utf8)
        var start = file.startIndex
        while start < file.endIndex {
            let end = file[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? file.endIndex
            if file[start..<end].starts(with: prefix) { return Data(file[start..<end]) }
            start = end
        }
        return nil
    }
}
