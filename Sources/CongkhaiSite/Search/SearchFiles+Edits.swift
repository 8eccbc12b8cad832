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
    /// nil unless the file holds exactly one line of that name, ended by a newline.
    static func replacingPassages(named name: String, in file: String, with line: String) -> String? {
        let bytes = Array(file.utf8)
        guard line.hasSuffix("\n"), let range = passagesLineRange(named: name, in: bytes), bytes[range.upperBound - 1] == 0x0A else {
            return nil
        }
        return String(decoding: bytes[..<range.lowerBound] + Array(line.utf8) + bytes[range.upperBound...], as: UTF8.self)
    }

    /// The line of the passages named `name` in a context file, with its newline; nil unless there is exactly one.
    static func passagesLine(named name: String, in file: Data) -> Data? {
        let bytes = [UInt8](file)
        return passagesLineRange(named: name, in: bytes).map { Data(bytes[$0]) }
    }

    /// Where the line of the passages named `name` is (with its newline): each line is one document's call, since a
    /// JSON string holds no raw line break. Nil unless exactly one line has that name.
    private static func passagesLineRange(named name: String, in file: [UInt8]) -> Range<Int>? {
        let prefix = Array(passagesPrefix(name).utf8)
        var found: Range<Int>?
        var start = 0
        while start < file.count {
            let end = file[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? file.count
            if file[start..<end].starts(with: prefix) {
                guard found == nil else { return nil }
                found = start..<end
            }
            start = end
        }
        return found
    }
}
