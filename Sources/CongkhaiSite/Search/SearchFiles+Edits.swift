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
            names[record.source] = "\(places[number].type)-\(places[number].place)"
        }
        return (numbers, names)
    }
}
