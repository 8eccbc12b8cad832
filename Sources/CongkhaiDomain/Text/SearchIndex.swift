import Foundation

/// The inverted index of the site's search: for every word, the documents it
/// is in and whether it is in their "head" (summary, number and symbol, type,
/// issuer, signer, field, procedure name and code) or only in their body.
///
/// Documents are numbered by the caller (the site numbers them newest first,
/// so that among equal scores the newer one comes first). The site's search
/// script ranks exactly as `search(_:)` does here; the unit tests hold the rules.
public struct SearchIndex: Sendable {
    /// For each exact key, its postings in document order: `document << 1 | 1 if in the head`.
    public private(set) var postings: [String: [UInt32]] = [:]

    public init() {}

    /// The distinct exact keys of one document, with whether each is in its head:
    /// the part of the work that runs on all cores, one document at a time.
    public static func terms(head: [String], body: [String]) -> [String: Bool] {
        // a text has thousands of words and a few hundred distinct ones: they are told apart as bytes,
        // and only the distinct ones become strings
        var words = DistinctWords()
        for text in body { SearchTerms.forEachExactKeyUTF8(in: text) { words.insert($0, inHead: false) } }
        return terms(of: &words, head: head)
    }

    /// As `terms(head:body:)` for one body text, with where each distinct word of it is first used (UTF-8
    /// byte ranges, in text order): the passages the site keeps to show a result's words in context.
    /// One pass over the text does both.
    public static func termsAndFirstUses(head: [String], body: String) -> (terms: [String: Bool], firstUses: [Range<Int>]) {
        var body = body
        return body.withUTF8 { termsAndFirstUses(head: head, bodyUTF8: $0) }
    }

    /// As `termsAndFirstUses(head:body:)` for a body given as its UTF-8 bytes, which must be valid UTF-8.
    public static func termsAndFirstUses(head: [String], bodyUTF8 body: UnsafeBufferPointer<UInt8>)
        -> (terms: [String: Bool], firstUses: [Range<Int>]) {
        var words = DistinctWords()
        var firstUses: [Range<Int>] = []
        SearchTerms.forEachExactKeyUTF8WithRange(inUTF8: body) { key, range in
            if words.insert(key, inHead: false) { firstUses.append(range) }
        }
        return (terms(of: &words, head: head), firstUses)
    }

    /// As `termsAndFirstUses(head:bodyUTF8:)`, the terms as one line: each word after "+" (in the head) or
    /// "-", separated by spaces, in the order first seen. A build holds every document's words until the
    /// index is made, and as a dictionary of strings they took 84 MB at 10,000 documents; the line takes a
    /// fifth of that, and no string is made per word until the index needs it.
    public static func termLineAndFirstUses(head: [String], bodyUTF8 body: UnsafeBufferPointer<UInt8>)
        -> (line: String, firstUses: [Range<Int>]) {
        var words = DistinctWords()
        var firstUses: [Range<Int>] = []
        SearchTerms.forEachExactKeyUTF8WithRange(inUTF8: body) { key, range in
            if words.insert(key, inHead: false) { firstUses.append(range) }
        }
        for text in head { SearchTerms.forEachExactKeyUTF8(in: text) { words.insert($0, inHead: true) } }
        return (words.line(), firstUses)
    }

    private static func terms(of words: inout DistinctWords, head: [String]) -> [String: Bool] {
        for text in head { SearchTerms.forEachExactKeyUTF8(in: text) { words.insert($0, inHead: true) } }
        var terms = [String: Bool](minimumCapacity: words.count)
        words.forEach { terms[$0] = $1 }
        return terms
    }

    /// The index of parts made from the same documents, each holding its own words (`part(of:count:)`).
    public init(merging parts: [SearchIndex]) {
        postings.reserveCapacity(parts.reduce(0) { $0 + $1.postings.count })
        for part in parts { postings.merge(part.postings) { a, _ in a } }
    }

    /// Which of `count` parts a word goes to when the index is made in parts, one per core: from its first
    /// bytes, which cost nothing to read (a hash of the whole word would be a second hash per word).
    public static func part(of key: String, count: Int) -> Int {
        var utf8 = key.utf8.makeIterator()
        return part(first: utf8.next() ?? 0, second: utf8.next() ?? 0, count: count)
    }

    /// As `part(of:count:)`, from the key's first two bytes (0 for one that is not there).
    public static func part(first: UInt8, second: UInt8, count: Int) -> Int { (Int(first) &+ Int(second)) % count }

    /// Adds a document's terms; documents must be added in increasing order.
    public mutating func add(document: Int, terms: [String: Bool]) {
        for (key, inHead) in terms { add(document: document, key: key, inHead: inHead) }
    }

    /// Adds one distinct term of a document; documents must be added in increasing order.
    public mutating func add(document: Int, key: String, inHead: Bool) {
        postings[key, default: []].append(UInt32(document) << 1 | (inHead ? 1 : 0))
    }

    // MARK: ranking

    /// What one query word adds to a document's score: the head counts more than
    /// the body, and within each an accent-exact word more than a folded one.
    public static func score(inHead: Bool, exact: Bool) -> Int {
        switch (inHead, exact) {
        case (true, true): return 6
        case (true, false): return 4
        case (false, true): return 2
        case (false, false): return 1
        }
    }

    /// Documents holding every word of the query (folded), best first, newest
    /// first among equals. A query word typed without accents matches every
    /// accented form equally; one typed with accents prefers its exact form.
    public func search(_ query: String) -> [(document: Int, score: Int)] {
        let words = Array(Set(SearchTerms.exactKeys(in: query)))
        guard !words.isEmpty else { return [] }
        let byFolded = Dictionary(grouping: postings.keys) { SearchTerms.fold(exactKey: $0) }
        var total: [Int: Int]?
        for word in words {
            let folded = SearchTerms.fold(exactKey: word)
            let accented = folded != word
            var best: [Int: Int] = [:]
            for key in byFolded[folded] ?? [] {
                for posting in postings[key] ?? [] {
                    let score = Self.score(inHead: posting & 1 == 1, exact: accented && key == word)
                    let document = Int(posting >> 1)
                    best[document] = max(best[document] ?? 0, score)
                }
            }
            if let sum = total {
                total = sum.filter { best[$0.key] != nil }.reduce(into: [:]) { $0[$1.key] = $1.value + best[$1.key]! }
            } else {
                total = best
            }
        }
        return (total ?? [:]).map { (document: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
    }

    // MARK: the files

    /// One shard of the word index: the folded words whose shard key is `key`.
    public struct Shard: Sendable {
        public let key: String
        /// Folded word → its exact forms with their encoded postings, in key order.
        public var words: [Word] = []
    }

    /// A folded word with its exact forms and their encoded postings, forms in key order.
    public typealias Word = (folded: String, forms: [(exact: String, postings: String)])

    /// The words cut into shards by the first letters of their folded form: two
    /// letters, and one more wherever a shard would exceed `budget` bytes (Vietnamese
    /// has many words starting "th", "ng", "tr"), so that a query loads only small files.
    /// A word shorter than its neighbours' keys stays in the shorter shard; the script
    /// looks a word up in the longest shard key that begins it.
    public func shards(budget: Int, maxKeyLength: Int = 6) -> [Shard] {
        Self.shards(of: words(), budget: budget, maxKeyLength: maxKeyLength)
    }

    /// Every folded word, in order, with its forms.
    public func words() -> [Word] {
        var forms: [String: [(exact: String, postings: String)]] = [:]
        for (exact, list) in postings {
            forms[SearchTerms.fold(exactKey: exact), default: []].append((exact, Self.encode(list)))
        }
        return forms.keys.sorted().map { word in
            (folded: word, forms: forms[word]!.sorted { $0.exact < $1.exact })
        }
    }

    /// The group of shards a folded word is in: its shard key of two letters. Shards are cut within a group,
    /// so a group's shards depend on its own words only, when they come one after the other in folded order,
    /// which they do unless its key holds "_" (which stands for many characters): see `shards(of:budget:)`.
    public static func group(folded: String) -> String { SearchTerms.shardKey(folded: folded, length: 2) }

    /// The group a shard's key is in.
    public static func group(shardKey: String) -> String { String(shardKey.prefix(2)) }

    /// `words` (in folded order) cut into shards, as `shards(budget:)` does; the shards of one group
    /// whose key holds no "_" are the same made from that group's words alone.
    public static func shards(of words: [Word], budget: Int, maxKeyLength: Int = 6) -> [Shard] {
        var shards: [Shard] = []
        func size(_ word: Word) -> Int {
            word.forms.reduce(word.folded.utf8.count + 4) { $0 + $1.exact.utf8.count + $1.postings.utf8.count + 6 }
        }
        func split(_ group: ArraySlice<Word>, length: Int) {
            // group: words sharing a shard key of `length - 1`... cut them by `length` characters
            var byKey: [(String, [Word])] = []
            for word in group {
                let key = SearchTerms.shardKey(folded: word.folded, length: length)
                if byKey.last?.0 == key { byKey[byKey.count - 1].1.append(word) } else { byKey.append((key, [word])) }
            }
            for (key, members) in byKey {
                let total = members.reduce(0) { $0 + size($1) }
                if total <= budget || length >= maxKeyLength || members.count == 1 {
                    shards.append(Shard(key: key, words: members))
                    continue
                }
                // words exactly as long as the key stay here; the others go one letter deeper
                let short = members.filter { $0.folded.unicodeScalars.count <= length }
                if !short.isEmpty { shards.append(Shard(key: key, words: short)) }
                split(members.filter { $0.folded.unicodeScalars.count > length }[...], length: length + 1)
            }
        }
        split(words[...], length: 2)
        // shard keys of the same characters can come from different words ("_" stands for many): merge them
        var merged: [String: Shard] = [:]
        for shard in shards { merged[shard.key, default: Shard(key: shard.key)].words += shard.words }
        return merged.keys.sorted().map { merged[$0]! }
    }

    /// Postings as text: each `(gap from the previous document) << 1 | head` as base-32
    /// digits, most significant first, the last digit from "0"–"v" and the others from
    /// `continuationDigits`. Several times smaller than a JSON array, and it compresses well.
    public static func encode(_ list: [UInt32]) -> String {
        // into one buffer of bytes, each posting's digits written backwards then turned: every posting of the index
        // is encoded at every full build (a small array per posting and a scalar per digit took most of the time)
        var out = [UInt8]()
        out.reserveCapacity(list.count * 2)
        var previous: UInt32 = 0
        for posting in list {
            let document = posting >> 1
            var value = (document - previous) << 1 | (posting & 1)
            previous = document
            let start = out.count
            out.append(finalDigits[Int(value & 31)])
            value >>= 5
            while value > 0 {
                out.append(continuationDigits[Int(value & 31)])
                value >>= 5
            }
            out[start...].reverse()
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The inverse of `encode`, for tests (the script has its own).
    public static func decode(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        var value: UInt32 = 0
        var previous: UInt32 = 0
        for byte in text.utf8 {
            if let digit = finalDigits.firstIndex(of: byte) {
                value = value << 5 | UInt32(digit)
                previous += value >> 1
                out.append(previous << 1 | (value & 1))
                value = 0
            } else if let digit = continuationDigits.firstIndex(of: byte) {
                value = value << 5 | UInt32(digit)
            }
        }
        return out
    }

    public static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    public static let continuationDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ()".utf8)
}

/// The distinct words of one document, each with whether it is in the head, their UTF-8 bytes kept one
/// after another in one buffer. Written by hand because the standard library has no set keyed by bytes:
/// a `Set<String>` or `Set<[UInt8]>` makes a value and a SipHash per word looked up, which over the full text
/// of every document was a tenth of a full build. A table of word numbers, open addressing and linear probing,
/// kept at most half full; the hash is FNV-1a from a basis chosen at random once per process, so that a file
/// written to make its words collide cannot count on it (the words come out in the order first seen, never in
/// the table's, so the output does not depend on it).
struct DistinctWords {
    private var bytes: [UInt8] = []
    private var words: [(start: Int, count: Int, hash: UInt64, inHead: Bool)] = []
    /// A word's number plus one, or 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    init() {
        bytes.reserveCapacity(8192)
        words.reserveCapacity(512)
    }

    var count: Int { words.count }

    /// Adds the word unless it is in already; a word in the head anywhere is in the head. True when it was new.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, inHead: Bool) -> Bool {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Self.slot(hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if words[number].hash == hash && words[number].count == word.count && isStored(number, equalTo: word) {
                if inHead { words[number].inHead = true }
                return false
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(words.count + 1)
        words.append((start: bytes.count, count: word.count, hash: hash, inHead: inHead))
        bytes.append(contentsOf: word)
        if words.count * 2 > slots.count { grow() }
        return true
    }

    /// Each word as a string, with whether it is in the head, in the order first seen.
    func forEach(_ body: (String, Bool) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for word in words {
                body(String(decoding: UnsafeBufferPointer(rebasing: all[word.start..<word.start + word.count]), as: UTF8.self), word.inHead)
            }
        }
    }

    /// The words as one line: each after "+" (in the head) or "-", separated by spaces, in the order first seen.
    func line() -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 2 * words.count)
        bytes.withUnsafeBufferPointer { all in
            for word in words {
                if !out.isEmpty { out.append(0x20) }
                out.append(word.inHead ? 0x2B : 0x2D)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: all[word.start..<word.start + word.count]))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// With `memcmp`: `elementsEqual` on the two buffers took more than the rest of the lookup.
    private func isStored(_ number: Int, equalTo word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let wordStart = word.baseAddress, word.count > 0 else { return true } // the same length, 0
        let start = words[number].start
        return bytes.withUnsafeBufferPointer { all in memcmp(all.baseAddress! + start, wordStart, word.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for number in words.indices {
            var slot = Self.slot(words[number].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    private static let basis = 0xCBF2_9CE4_8422_2325 ^ UInt64.random(in: 0...UInt64.max)

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = basis
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// FNV-1a's low bits depend on the low bits of its input only: the high bits are folded in before masking.
    private static func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ hash >> 32) }
}
