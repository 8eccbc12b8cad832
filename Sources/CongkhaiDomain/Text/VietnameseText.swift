import Foundation

/// Text clean-up and folding for Vietnamese, shared by every stage.
public enum VietnameseText {
    /// Normalises text as staff paste it from Word or PDF: NFC, LF line ends,
    /// no BOM, zero-width or soft-hyphen characters, no-break spaces made plain,
    /// and runs of spaces inside a line folded to one (leading indentation and
    /// trailing hard-break spaces are kept because Markdown gives them meaning).
    public static func normalize(_ text: String) -> String {
        guard needsNormalization(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        var atLineStart = true
        var pendingSpaces = 0
        var previousWasCR = false
        for scalar in inPieces(text, \.precomposedStringWithCanonicalMapping).unicodeScalars {
            var s = scalar
            switch s.value {
            case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x00AD, 0x2060: continue
            case 0x00A0, 0x202F, 0x2007, 0x2009, 0x3000, 0x0009: s = " "
            default: break
            }
            if s == "\r" { previousWasCR = true; scalars.append("\n"); atLineStart = true; pendingSpaces = 0; continue }
            if s == "\n" {
                defer { previousWasCR = false }
                if previousWasCR { continue }
                // keep a trailing hard break ("  ") as exactly two spaces
                if pendingSpaces >= 2 { scalars.append(" "); scalars.append(" ") }
                scalars.append("\n"); atLineStart = true; pendingSpaces = 0
                continue
            }
            previousWasCR = false
            if s == " " {
                if atLineStart { scalars.append(s) } else { pendingSpaces += 1 }
                continue
            }
            if pendingSpaces > 0 { scalars.append(" "); pendingSpaces = 0 }
            atLineStart = false
            scalars.append(s)
        }
        if pendingSpaces >= 2 { scalars.append(" "); scalars.append(" ") }
        return String(scalars)
    }

    /// A byte scan that lets clean text (the common case) skip the slow path.
    static func needsNormalization(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            let mayNeedALook = Self.mayNeedALook
            while i < n {
                let b = bytes[i]
                // most bytes are none of those below: one table look passes them
                guard mayNeedALook[Int(b)] else { i += 1; continue }
                switch b {
                case 0x0D, 0x09: return true
                case 0xCC, 0xCD: return true // U+0300–U+037F, combining marks: NFD input
                case 0x20:
                    // a run of spaces followed by more text on the same line
                    if i + 2 < n, bytes[i + 1] == 0x20 {
                        var j = i + 1
                        while j < n, bytes[j] == 0x20 { j += 1 }
                        if j < n, bytes[j] != 0x0A { return true }
                        i = j
                        continue
                    }
                case 0xC2:
                    if i + 1 < n, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xAD { return true }
                case 0xE1:
                    // U+1AB0–U+1AFF and U+1DC0–U+1DFF combining marks; U+1EA0… (Vietnamese letters) are fine
                    if i + 1 < n, bytes[i + 1] == 0xAA || bytes[i + 1] == 0xAB || bytes[i + 1] == 0xB7 { return true }
                case 0xE2:
                    if i + 2 < n {
                        let (c1, c2) = (bytes[i + 1], bytes[i + 2])
                        if c1 == 0x80, (0x87...0x8D).contains(c2) || c2 == 0xAF { return true } // odd spaces, zero-width
                        if c1 == 0x81, c2 == 0xA0 { return true } // word joiner
                        if c1 == 0x83, c2 >= 0x90 { return true } // combining marks for symbols
                    }
                case 0xE3:
                    if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return true }
                case 0xEF:
                    if i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true } // BOM
                    if i + 1 < n, bytes[i + 1] == 0xB8 { return true } // U+FE00–U+FE2F
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// The bytes `needsNormalization` has a case for.
    private static let mayNeedALook: [Bool] = (0...255).map { [0x09, 0x0D, 0x20, 0xC2, 0xCC, 0xCD, 0xE1, 0xE2, 0xE3, 0xEF].contains($0) }

    /// Folds to plain lower-case ASCII letters where possible: accents dropped,
    /// đ → d, old and new tone placement made equal (both lose the tone).
    public static func fold(_ text: String) -> String {
        foldedScalarByScalar(text) ?? foldedByNormalizing(text)
    }

    /// `fold` through Foundation's lower-casing and decomposition: right for any text, and slow (tens of thousands
    /// of instructions for a short line).
    static func foldedByNormalizing(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in inPieces(text.lowercased(), \.decomposedStringWithCanonicalMapping).unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110: out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `fold` by a table of each scalar's fold, for a text of the scalars the table holds (ASCII, Latin letters
    /// with their diacritics, combining accents, general punctuation); nil for any other text. Lower-casing goes
    /// scalar by scalar, and decomposition too, but for the canonical reordering of combining marks. The table
    /// holds only scalars whose fold drops every mark of their decomposition and keeps at most one scalar, a
    /// starter: reordering never moves a starter, and the marks it moves are all dropped, so the fold of the
    /// text is the folds of its scalars one after another.
    static func foldedScalarByScalar(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                continue
            }
            guard let folded = scalarFold(value) else { return nil }
            guard folded != 0, let kept = Unicode.Scalar(folded) else { continue }
            out.append(contentsOf: kept.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The fold of one non-ASCII scalar: 0 when it folds to nothing, nil when the table does not hold it.
    static func scalarFold(_ value: UInt32) -> UInt32? {
        for (range, folds) in zip(foldRanges, foldTable) where range.contains(value) {
            let folded = folds[Int(value - range.lowerBound)]
            return folded == notInTable ? nil : folded
        }
        return nil
    }

    private static let notInTable = UInt32.max
    private static let foldRanges: [Range<UInt32>] = [0x80..<0x250, 0x300..<0x370, 0x1E00..<0x1F00, 0x2000..<0x2070]
    /// Made with `foldedByNormalizing` itself, scalar by scalar.
    private static let foldTable: [[UInt32]] = foldRanges.map { range in
        range.map { value -> UInt32 in
            guard let scalar = Unicode.Scalar(value) else { return notInTable }
            let folded = Array(foldedByNormalizing(String(scalar)).unicodeScalars)
            if folded.isEmpty { return 0 }
            guard folded.count == 1, folded[0].value != 0, folded[0].properties.canonicalCombiningClass == .notReordered else {
                return notInTable
            }
            return folded[0].value
        }
    }

    /// Foundation's normalisation (CFStringNormalize) moves the rest of the
    /// string for each character it changes, which is quadratic on a long text
    /// (a 2 MB line took minutes). Normalising pieces cut before an ASCII
    /// character gives the same result: ASCII characters are starters that
    /// nothing decomposes into or composes with, so no mark crosses a cut.
    public static func inPieces(_ text: String, _ transform: (String) -> String) -> String {
        let scalars = text.unicodeScalars
        guard text.utf8.count > 4096 else { return transform(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pieceStart = scalars.startIndex
        var length = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if length >= 1024, scalars[index].isASCII {
                out += transform(String(scalars[pieceStart..<index]))
                pieceStart = index
                length = 0
            }
            length += 1
            index = scalars.index(after: index)
        }
        out += transform(String(scalars[pieceStart...]))
        return out
    }

    /// A short, readable, ASCII URL segment: "Kế hoạch số 5" → "ke-hoach-so-5".
    public static func slug(_ text: String, maxLength: Int = 60) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            let isAlnum = (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            if isAlnum {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        guard out.count > maxLength else { return out }
        // cut at a word boundary so the slug stays readable
        let cut = out.prefix(maxLength)
        if let lastHyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: lastHyphen) > maxLength / 2 {
            return String(cut[..<lastHyphen])
        }
        return String(cut)
    }

    /// Vietnamese alphabetical order (a < ă < â, d < đ), which plain `<` does not give.
    public static func collationLess(_ a: String, _ b: String) -> Bool {
        let order = a.compare(b, options: [.caseInsensitive], range: nil, locale: vietnamese)
        if order == .orderedSame { return a < b }
        return order == .orderedAscending
    }

    private static let vietnamese = Locale(identifier: "vi_VN")

    /// True when the line has letters and none of them is lower case ("SỞ NỘI VỤ").
    public static func isUpperCase<S: StringProtocol>(_ line: S) -> Bool {
        CaseTally(line).isUpperCase
    }

    /// The letters of a text seen so far and whether one was lower case: a line
    /// that grows by appending (page-break joining) is judged without rescanning it.
    public struct CaseTally: Sendable {
        private var letters = 0
        private var hasLowerCase = false

        public init() {}

        public init<S: StringProtocol>(_ text: S) { add(text) }

        public var isUpperCase: Bool { !hasLowerCase && letters >= 2 }

        public mutating func add<S: StringProtocol>(_ text: S) {
            guard !hasLowerCase else { return }
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    if scalar.value >= 0x61 && scalar.value <= 0x7A { hasLowerCase = true; return }
                    if scalar.value >= 0x41 && scalar.value <= 0x5A { letters += 1 }
                    continue
                }
                let p = scalar.properties
                if p.isLowercase { hasLowerCase = true; return }
                if p.isAlphabetic { letters += 1 }
            }
        }
    }

    /// Whether the first letter of the text is lower case (a continuation of a broken sentence).
    public static func startsLowerCase<S: StringProtocol>(_ line: S) -> Bool {
        for scalar in line.unicodeScalars {
            switch scalar {
            case " ", "*", "_", "“", "\"", "(", "‘", "'": continue
            default:
                if scalar.isASCII { return scalar.value >= 0x61 && scalar.value <= 0x7A }
                return scalar.properties.isLowercase
            }
        }
        return false
    }
}
