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
        var base = String.UnicodeScalarView()
        var tones = ""
        var needsComposition = false
        var previousIsNumber = false
        var pendingDot = false
        func finish() {
            if !base.isEmpty {
                var key = String(base)
                if needsComposition { key = key.precomposedStringWithCanonicalMapping }
                body(key + tones)
            }
            base.removeAll(keepingCapacity: true)
            tones = ""
            needsComposition = false
            previousIsNumber = false
            pendingDot = false
        }
        for scalar in text.unicodeScalars {
            let letter = LatinTable.entry(scalar)
            switch letter.kind {
            case .separator:
                if scalar == ".", previousIsNumber, !pendingDot {
                    pendingDot = true
                    continue
                }
                finish()
                continue
            case .digit, .letter, .mark:
                break
            }
            if pendingDot {
                if letter.kind == .digit {
                    base.append(".")
                } else {
                    // "1.a": the dot ends the word after all
                    finish()
                }
                pendingDot = false
            }
            switch letter.kind {
            case .digit:
                base.append(contentsOf: letter.base.unicodeScalars)
                previousIsNumber = true
            case .letter:
                base.append(contentsOf: letter.base.unicodeScalars)
                if let tone = letter.tone { tones.unicodeScalars.append(tone) }
                previousIsNumber = false
            case .mark:
                if let tone = letter.tone {
                    tones.unicodeScalars.append(tone)
                } else if !base.isEmpty {
                    base.append(scalar)
                    needsComposition = true
                }
            case .separator:
                break
            }
        }
        finish()
    }

    /// The folded key of an exact key: "quyêS" → "quyet", "đông" → "dong".
    public static func fold(exactKey: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in exactKey.unicodeScalars {
            if scalar.value >= 0x41 && scalar.value <= 0x5A { continue } // a tone letter
            if scalar.isASCII { out.append(scalar); continue }
            let letter = LatinTable.entry(scalar)
            if letter.kind == .mark { continue }
            out.append(contentsOf: letter.folded.unicodeScalars)
        }
        return String(out)
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

/// What one scalar is to the tokenizer, computed once per scalar of the Latin
/// blocks (where every Vietnamese letter is) from Unicode's own decompositions.
struct LatinTable {
    enum Kind: UInt8 { case separator, letter, digit, mark }

    struct Entry {
        var kind: Kind
        /// Lower case, tone removed, other accents kept ("Ệ" → "ê").
        var base: String
        /// Lower case, every accent removed, đ → d ("Ệ" → "e").
        var folded: String
        /// The Telex key of the tone it carries, if any.
        var tone: Unicode.Scalar?
    }

    /// Telex keys of the five tone marks: huyền, sắc, ngã, hỏi, nặng.
    static let tones: [UInt32: Unicode.Scalar] = [0x0300: "F", 0x0301: "S", 0x0303: "X", 0x0309: "R", 0x0323: "J"]

    private static let latin: [Entry] = (0..<0x250).map { make(Unicode.Scalar($0)!) }
    private static let extended: [Entry] = (0x1E00..<0x1F00).map { make(Unicode.Scalar($0)!) }

    static func entry(_ scalar: Unicode.Scalar) -> Entry {
        let v = scalar.value
        if v < 0x250 { return latin[Int(v)] }
        if v >= 0x1E00 && v < 0x1F00 { return extended[Int(v - 0x1E00)] }
        return make(scalar)
    }

    static func make(_ scalar: Unicode.Scalar) -> Entry {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber:
            return Entry(kind: .digit, base: String(scalar), folded: String(scalar))
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return Entry(kind: .mark, base: "", folded: "", tone: tones[scalar.value])
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            break
        default:
            return Entry(kind: .separator, base: "", folded: "")
        }
        let lower = properties.lowercaseMapping
        var base = String.UnicodeScalarView()
        var folded = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
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
        return Entry(kind: .letter, base: String(base).precomposedStringWithCanonicalMapping, folded: String(folded), tone: tone)
    }
}
