/// The words of the search index and of a query, cut and folded the same way
/// on both sides (the site's search script repeats these rules in JavaScript).
///
/// A term has two forms:
/// - its *exact* key: lower case, every accent kept except the tone, and the
///   tone written after the letters as its Telex key (F huyền, S sắc, R hỏi,
///   X ngã, J nặng). Old and new tone placement give the same key: "hoá" and
///   "hóa" are both "hoaS", "uỷ" and "ủy" both "uyR", "thuỷ" and "thủy" both "thuyR".
/// - its *folded* key: plain ASCII where the letter has one, đ → d, no tone:
///   "Quyết" → "quyet", "Đồng" → "dong". Matching uses the folded key; an equal
///   exact key ranks higher.
///
/// Words are runs of letters, digits and marks; a dot between two digits
/// belongs to the word, so that a procedure code ("1.004492") stays one term.
/// Identifiers are cut at their slashes and hyphens: "545/KH-STTTT-VP" gives
/// 545, kh, stttt, vp, which is what "545/kh", "545 kh" or "kh-stttt" give too.
///
/// Written by hand (no library folds đ or equates tone placements), scalar by
/// scalar with a table for the Latin letters, because it reads the full text
/// of every document at every build.
public enum SearchTerms {
    /// The exact keys of the words of `text`, in order, repeats included.
    public static func exactKeys(in text: String) -> [String] {
        var keys: [String] = []
        forEachExactKey(in: text) { keys.append($0) }
        return keys
    }

    /// Calls `body` with the exact key of each word of `text`, in order.
    public static func forEachExactKey(in text: String, _ body: (String) -> Void) {
        forEachExactKeyUTF8(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of the exact key of each word of `text`, in order; the bytes
    /// are valid only during the call. For the index, which makes a string only for each distinct word
    /// of a document: most words of a text repeat, and a string per word was a tenth of a full build.
    public static func forEachExactKeyUTF8(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachExactKeyUTF8WithRange(in: text) { key, _ in body(key) }
    }

    /// As `forEachExactKeyUTF8`, with where the word stands in the text's UTF-8 bytes (its first
    /// letter to its last, marks included): the index keeps the passage around each word's first
    /// use to show it in context.
    public static func forEachExactKeyUTF8WithRange(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var text = text // withUTF8 makes a string that is not contiguous UTF-8 (bridged, say) so first
        text.withUTF8 { forEachExactKeyUTF8WithRange(inUTF8: $0, body) }
    }

    /// As `forEachExactKeyUTF8WithRange(in:_:)` for a text given as its UTF-8 bytes, which must be valid UTF-8
    /// (the scanner reads a sequence's length from its lead byte): for a text made as bytes, which need not
    /// become a string (making one checks every byte).
    public static func forEachExactKeyUTF8WithRange(inUTF8 text: UnsafeBufferPointer<UInt8>,
                                                    _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var scanner = KeyScanner()
        defer { scanner.deallocate() }
        scanner.scan(text, body)
    }

    /// The folded key of an exact key: "quyêS" → "quyet", "đông" → "dong".
    public static func fold(exactKey: String) -> String {
        let table = LatinTable.shared
        var out: [UInt8] = []
        out.reserveCapacity(exactKey.utf8.count)
        for scalar in exactKey.unicodeScalars {
            if scalar.value >= 0x41 && scalar.value <= 0x5A { continue } // a tone letter
            if scalar.isASCII { out.append(UInt8(scalar.value)); continue }
            out.append(contentsOf: table.folded(scalar).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded keys of the words of `text`: what a query matches on.
    public static func foldedKeys(in text: String) -> [String] {
        exactKeys(in: text).map { fold(exactKey: $0) }
    }

    /// True when the word carries an accent or a tone, so that its exact key says more than its folded one.
    public static func hasAccents(exactKey: String) -> Bool {
        fold(exactKey: exactKey) != exactKey
    }

    /// The shard a folded key lives in: its first `length` characters, those outside a–z and 0–9 as "_",
    /// so that every shard's name is a safe file name.
    public static func shardKey(folded: String, length: Int) -> String {
        var out = ""
        for scalar in folded.unicodeScalars.prefix(length) {
            let isSafe = (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            out.unicodeScalars.append(isSafe ? scalar : "_")
        }
        return out
    }
}

/// One pass of the tokenizer over a text's UTF-8 bytes. It reads the full text of every document at every
/// build: it decodes the bytes itself and builds each key in memory it reuses, because `unicodeScalars` and
/// an array's `append` (which checks its uniqueness and capacity each time) took most of its time.
private struct KeyScanner {
    /// The key of the word being read, without its tones.
    var key = ByteBuffer(capacity: 64)
    /// The Telex keys of the word's tones, in order: they end its key.
    var tones = ByteBuffer(capacity: 16)
    /// The word holds a letter the table has no one-scalar base for, or a mark other than a tone:
    /// its key is composed (NFC) when it ends. Rare in Vietnamese text.
    var isSlow = false
    var previousIsNumber = false
    /// A dot after a number, which joins the word if a digit follows ("1.004492").
    var pendingDot = false
    /// Where the word being read begins and ends in the source's bytes.
    var wordStart = 0
    var wordEnd = 0

    func deallocate() {
        key.deallocate()
        tones.deallocate()
    }

    mutating func scan(_ source: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        let table = LatinTable.shared
        var next = 0
        while next < source.count {
            // one scalar: a Swift string is always valid UTF-8, so the lead byte tells how many bytes follow
            let start = next
            let lead = UInt32(source[start])
            // An ASCII letter or digit (most bytes of a text, even in Vietnamese) goes straight into the word, with
            // what the general path below does for it (its key byte: `LatinTable.asciiKeys`); a dot after a number
            // takes the general path.
            if lead < 0x80 {
                let keyByte = table.asciiKeys[Int(lead)]
                if keyByte != 0, !pendingDot {
                    if key.count == 0 && tones.count == 0 { wordStart = start }
                    key.append(keyByte)
                    previousIsNumber = keyByte <= 0x39
                    next += 1
                    wordEnd = next
                    continue
                }
                // Any other ASCII byte is a separator (a space, punctuation: one in five bytes of a text), which ends
                // the word whatever came before, as below; a dot may join a number and takes the general path.
                if keyByte == 0, lead != 0x2E {
                    finish(body)
                    next += 1
                    continue
                }
            }
            let value: UInt32
            if lead < 0x80 {
                value = lead
                next += 1
            } else if lead < 0xE0 {
                value = (lead & 0x1F) << 6 | UInt32(source[start + 1] & 0x3F)
                next += 2
            } else if lead < 0xF0 {
                value = (lead & 0x0F) << 12 | UInt32(source[start + 1] & 0x3F) << 6 | UInt32(source[start + 2] & 0x3F)
                next += 3
            } else {
                value = (lead & 0x07) << 18 | UInt32(source[start + 1] & 0x3F) << 12 | UInt32(source[start + 2] & 0x3F) << 6
                    | UInt32(source[start + 3] & 0x3F)
                next += 4
            }
            let scalarBytes = UnsafeBufferPointer(rebasing: source[start..<next])
            let letter = table.entry(value: value)
            if letter.kind == .separator {
                if value == 0x2E, previousIsNumber, !pendingDot {
                    pendingDot = true
                    continue
                }
                finish(body)
                continue
            }
            if pendingDot {
                pendingDot = false
                if letter.kind == .digit {
                    key.append(0x2E)
                } else {
                    finish(body) // "1.a": the dot ends the word after all
                }
            }
            if key.count == 0 && tones.count == 0 { wordStart = start }
            switch letter.kind {
            case .digit:
                key.append(contentsOf: scalarBytes)
                previousIsNumber = true
            case .letter:
                if let base = letter.base {
                    key.append(base)
                } else {
                    isSlow = true
                    key.append(contentsOf: LatinTable.make(Unicode.Scalar(value)!).1.baseText.utf8)
                }
                if letter.tone != 0 { tones.append(letter.tone) }
                previousIsNumber = false
            case .mark:
                if letter.tone != 0 {
                    tones.append(letter.tone)
                } else if key.count > 0 {
                    isSlow = true // a mark the word keeps ("x̂"): the key must be composed
                    key.append(contentsOf: scalarBytes)
                }
            case .separator:
                break
            }
            wordEnd = next
        }
        finish(body)
    }

    /// Ends the word being read, if any: its key is the letters' bases, then its tones.
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        if key.count > 0 {
            let range = wordStart..<wordEnd
            if isSlow {
                var composed = String(decoding: key.bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
                    + String(decoding: tones.bytes, as: UTF8.self)
                composed.withUTF8 { body($0, range) }
            } else {
                // most words carry no tone: nothing to append then
                if tones.count > 0 { key.append(contentsOf: tones.bytes) }
                body(key.bytes, range)
            }
        }
        key.removeAll()
        tones.removeAll()
        isSlow = false
        previousIsNumber = false
        pendingDot = false
    }
}

/// Bytes appended one at a time into memory it owns and reuses, freed by `deallocate()`: for `KeyScanner`,
/// which appends every byte of every text's words and for which an array's checks on each append cost too much.
private struct ByteBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        start = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    func deallocate() { start.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    mutating func removeAll() { count = 0 }

    @inline(__always) // called for nearly every byte of every text: the call cost more than the append
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes) {
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        for byte in bytes {
            start[count] = byte
            count += 1
        }
    }

    /// The scalar as UTF-8.
    @inline(__always) // called for every letter of every text: the call cost more than the append
    mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if count + 4 > capacity { grow(toAtLeast: count + 4) }
        if v < 0x80 {
            start[count] = UInt8(v)
            count += 1
        } else if v < 0x800 {
            start[count] = UInt8(0xC0 | v >> 6)
            start[count + 1] = UInt8(0x80 | v & 0x3F)
            count += 2
        } else if v < 0x10000 {
            start[count] = UInt8(0xE0 | v >> 12)
            start[count + 1] = UInt8(0x80 | v >> 6 & 0x3F)
            start[count + 2] = UInt8(0x80 | v & 0x3F)
            count += 3
        } else {
            start[count] = UInt8(0xF0 | v >> 18)
            start[count + 1] = UInt8(0x80 | v >> 12 & 0x3F)
            start[count + 2] = UInt8(0x80 | v >> 6 & 0x3F)
            start[count + 3] = UInt8(0x80 | v & 0x3F)
            count += 4
        }
    }

    private mutating func grow(toAtLeast needed: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        capacity = max(needed, capacity * 2)
    }
}

/// What one scalar is to the tokenizer, computed once per scalar of the Latin
/// blocks (where every Vietnamese letter is) from Unicode's own decompositions.
struct LatinTable: Sendable {
    enum Kind: UInt8, Sendable { case separator, letter, digit, mark }

    /// Plain values only, so that reading one costs no reference counting in the tokenizer's loop.
    struct Entry: Sendable {
        var kind: Kind
        /// Lower case, tone removed, other accents kept ("Ệ" → "ê"), when that is one scalar.
        var base: Unicode.Scalar?
        /// The Telex key of the tone it carries (an ASCII capital), or 0.
        var tone: UInt8 = 0
    }

    /// What folding and the rare slow path need besides the entry.
    struct Texts {
        /// Lower case, every accent removed, đ → d ("Ệ" → "e").
        var folded: String = ""
        /// The base as text, also when it is more than one scalar.
        var baseText: String = ""
    }

    /// Telex keys of the five tone marks: huyền, sắc, ngã, hỏi, nặng.
    static let tones: [UInt32: UInt8] = [0x0300: 0x46, 0x0301: 0x53, 0x0303: 0x58, 0x0309: 0x52, 0x0323: 0x4A]

    static let shared = LatinTable()

    private let latin: [Entry] = (0..<0x250).map { make(Unicode.Scalar($0)!).0 }
    /// For each ASCII byte, the byte its entry puts in a word's key when it is a letter (its lower case, no tone)
    /// or a digit (itself), else 0: the tokenizer's fast path, made from the entries so that it cannot differ.
    let asciiKeys: [UInt8] = (0..<0x80).map { byte -> UInt8 in
        let entry = make(Unicode.Scalar(UInt8(byte))).0
        switch entry.kind {
        case .digit: return UInt8(byte)
        case .letter where entry.tone == 0 && (entry.base?.value ?? 0x80) < 0x80: return UInt8(entry.base!.value)
        default: return 0
        }
    }
    private let extended: [Entry] = (0x1E00..<0x1F00).map { make(Unicode.Scalar($0)!).0 }
    private let latinFolded: [String] = (0..<0x250).map { make(Unicode.Scalar($0)!).1.folded }
    private let extendedFolded: [String] = (0x1E00..<0x1F00).map { make(Unicode.Scalar($0)!).1.folded }

    /// The folded text of a letter or digit, "" for a mark.
    func folded(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x250 { return latinFolded[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return extendedFolded[Int(v - 0x1E00)] }
        return Self.make(scalar).1.folded
    }

    func entry(_ scalar: Unicode.Scalar) -> Entry { entry(value: scalar.value) }

    /// The entry of the scalar of this value, which must be a scalar's.
    func entry(value v: UInt32) -> Entry {
        if v < 0x250 { return latin[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return extended[Int(v - 0x1E00)] }
        return Self.make(Unicode.Scalar(v)!).0
    }

    static func entry(_ scalar: Unicode.Scalar) -> Entry { shared.entry(scalar) }

    static func make(_ scalar: Unicode.Scalar) -> (Entry, Texts) {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber:
            return (Entry(kind: .digit, base: scalar), Texts(folded: String(scalar), baseText: String(scalar)))
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return (Entry(kind: .mark, base: nil, tone: tones[scalar.value] ?? 0), Texts())
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            break
        default:
            return (Entry(kind: .separator, base: nil), Texts())
        }
        let lower = properties.lowercaseMapping
        var base = String.UnicodeScalarView()
        var folded = String.UnicodeScalarView()
        var tone: UInt8 = 0
        for part in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let t = tones[part.value] {
                tone = t
                continue
            }
            base.append(part)
            switch part.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: break
            default: folded.append(part.value == 0x0111 ? "d" : part)
            }
        }
        let baseText = String(base).precomposedStringWithCanonicalMapping
        let scalars = baseText.unicodeScalars
        return (Entry(kind: .letter, base: scalars.count == 1 ? scalars.first : nil, tone: tone),
                Texts(folded: String(folded), baseText: baseText))
    }
}
