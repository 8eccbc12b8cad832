import CongkhaiDomain
import Foundation

/// Each document's search words as the previous build found them, kept in the
/// build cache's folder so that a rebuild finds the words of changed texts only:
/// finding them means rendering the text, which a rebuild otherwise skips.
///
/// One line per document: `key \t +word -word ...` ("+" when the word is in the
/// head). The key is what the words come from (`key(of:)`). Plain lines, not JSON:
/// tens of megabytes are read at every rebuild, and a search word holds no space.
enum SearchTermsStore {
    static let fileName = "search-terms.txt"

    /// The text (its render key) and the head texts the words were found in.
    static func key(of record: DocumentRecord) -> String {
        ContentDigest.of(Data(([record.renderKey] + SearchFiles.headTexts(record)).joined(separator: "\n").utf8))
    }

    /// Each word of a stored line, with whether it is in the head.
    /// On bytes: a rebuild reads every document's words here, millions of them at 10,000 documents.
    static func forEachTerm(in line: Substring, _ body: (String, Bool) -> Void) {
        forEachTerm(in: line, where: { _, _ in true }, body)
    }

    /// As `forEachTerm(in:_:)`, the words of one of `count` parts only (`SearchIndex.part`): told from their
    /// first bytes, so that no string is made for the others.
    static func forEachTerm(in line: Substring, part: Int, of count: Int, _ body: (String, Bool) -> Void) {
        forEachTerm(in: line, where: { SearchIndex.part(first: $0, second: $1, count: count) == part }, body)
    }

    /// The words whose first two bytes (0 for one that is not there) `keep` keeps.
    private static func forEachTerm(in line: Substring, where keep: (UInt8, UInt8) -> Bool, _ body: (String, Bool) -> Void) {
        let bytes = line.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
            let mark = bytes[start]
            let word = bytes.index(after: start)
            if word < end, mark == UInt8(ascii: "+") || mark == UInt8(ascii: "-") {
                let second = bytes.index(after: word)
                if keep(bytes[word], second < end ? bytes[second] : 0) {
                    body(String(decoding: bytes[word..<end], as: UTF8.self), mark == UInt8(ascii: "+"))
                }
            }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
        }
    }

    /// The lines of the previous build, by key; empty when there are none.
    static func load(from folder: URL) -> [String: Substring] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return [:] }
        let text = String(decoding: data, as: UTF8.self)
        var lines: [String: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            lines[String(line[..<tab])] = line[line.index(after: tab)...]
        }
        return lines
    }

    /// Writes the lines, by key (the first line of a key kept), into the cache's folder, from where they are held:
    /// not copied into a table of lines first (180 MB at 100,000 documents). Lines that cannot be written are
    /// removed, never left stale.
    static func save(keys: [String], lines: [Substring], in folder: URL) {
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        let firsts = order.indices.lazy.filter { $0 == 0 || keys[order[$0]] != keys[order[$0 - 1]] }.map { order[$0] }
        BuildCache.saveFile(fileName, in: folder) { handle in
            try write(sortedByKey: firsts.map { (keys[$0], lines[$0]) }) { try handle.write(contentsOf: $0) }
        }
    }

    /// Lines in key order, so that the file is the same for the same site, handed to `write` a megabyte or so at a
    /// time: made whole in a string and copied, the file was held three times over (180 MB at 100,000 documents).
    static func write(_ lines: [String: String], _ write: ([UInt8]) throws -> Void) rethrows {
        try self.write(sortedByKey: lines.keys.sorted().lazy.map { ($0, lines[$0]!) }, write)
    }

    private static func write<Line: StringProtocol>(sortedByKey lines: some Sequence<(String, Line)>,
                                                    _ write: ([UInt8]) throws -> Void) rethrows {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        for (key, terms) in lines {
            // Spaces, tabs and line breaks separate words (SearchTerms), so no word holds one; a line that
            // somehow held a tab or a line break would break the file, so it is left out and found again next time.
            guard !terms.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { continue }
            out.append(contentsOf: key.utf8)
            out.append(0x09)
            out.append(contentsOf: terms.utf8)
            out.append(0x0A)
            try out.flush(to: write)
        }
        try out.flush(over: 1, to: write)
    }

    /// The lines of the previous build, read when first asked for, from any thread.
    final class Lazy: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded: [String: Substring]?
        private let load: () -> [String: Substring]

        init(_ load: @escaping () -> [String: Substring]) { self.load = load }

        var lines: [String: Substring] {
            lock.lock(); defer { lock.unlock() }
            if let loaded { return loaded }
            let lines = load()
            loaded = lines
            return lines
        }
    }

    /// The keys (`key(of:)`) of the records' words, made on all cores when first asked for, from any thread.
    final class Keys: @unchecked Sendable {
        private let lock = NSLock()
        private let records: [DocumentRecord]
        private var made: (all: [String], byID: [DocumentID: String])?

        init(_ records: [DocumentRecord]) { self.records = records }

        private var keys: (all: [String], byID: [DocumentID: String]) {
            lock.lock(); defer { lock.unlock() }
            if let made { return made }
            let all = parallelMap(records) { SearchTermsStore.key(of: $0) }
            let keys = (all, Dictionary(uniqueKeysWithValues: zip(records.map(\.id), all)))
            made = keys
            return keys
        }

        /// In the order of the records.
        var all: [String] { keys.all }

        func key(of id: DocumentID) -> String? { keys.byID[id] }
    }
}
