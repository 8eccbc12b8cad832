/// A document's number and symbol (số, ký hiệu), as printed after "Số:".
///
/// Styles: state `545/KH-STTTT-VP`, legal with the year inside `04/2015/NĐ-CP`,
/// Party with a hyphen `19-CT/TU`, joint issuers `161-CTr/BCSĐUBND-BDVTU`,
/// official letters without a type code `586/SNV-XDCQCTTN`, and drafts whose
/// number is still blank `/BC-STTTT-VP`. A number is text, never a float.
public struct DocumentNumber: Hashable, Sendable, Codable {
    public enum Style: String, Sendable, Codable { case state, legal, party }

    /// Exactly as written, trimmed.
    public let written: String
    /// The number part as written ("05"), or nil when left blank.
    public let number: String?
    /// The year inside a legal-style identifier ("04/2015/NĐ-CP" → 2015).
    public let year: Int?
    /// A legal-style year that cannot be one ("04/0000/NĐ-CP"): kept out of `year`
    /// so that no page is filed under year 0, and reported by the readers.
    public let rejectedYear: String?
    /// The symbol (ký hiệu) without number or year: "KH-STTTT-VP", "NĐ-CP", "CT/TU".
    public let symbol: String
    public let style: Style

    public var numericValue: Int? { number.flatMap { Int($0) } }

    /// Symbol segments, for finding the type code and the issuers.
    public var symbolParts: [String] {
        symbol.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
    }

    /// The canonical form used to compare identifiers: leading zeros, case,
    /// spaces and Unicode form do not matter. Made once: linking and rendering
    /// ask for it several times for each of hundreds of thousands of citations.
    public let key: String

    init(written: String, number: String?, year: Int?, rejectedYear: String?, symbol: String, style: Style) {
        self.written = written
        self.number = number
        self.year = year
        self.rejectedYear = rejectedYear
        self.symbol = symbol
        self.style = style
        key = Self.fastKey(number: number, year: year, symbol: symbol, style: style) ?? {
            var k = number.map { String(Int($0) ?? 0) } ?? ""
            k += style == .party ? "-" : "/"
            if let year { k += "\(year)/" }
            k += symbol.uppercased()
            return k
        }()
    }

    /// `key` written byte by byte for the common case, or nil: a number of 1 to 18 ASCII digits (or none), a year of
    /// four digits, and a symbol of ASCII and "Đ"/"đ" only (C4 90, C4 91), whose upper case is known without Unicode
    /// tables. Every citation the scanner finds makes a key, and `uppercased()` with the appends was a fifth of parsing.
    static func fastKey(number: String?, year: Int?, symbol: String, style: Style) -> String? {
        if let year, !(1000...9999).contains(year) { return nil }
        var numberBytes = number ?? ""
        var symbolBytes = symbol
        return numberBytes.withUTF8 { digits -> String? in
            if number != nil { guard (1...18).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil } }
            return symbolBytes.withUTF8 { sym -> String? in
                var k = 0
                while k < sym.count {
                    let b = sym[k]
                    if b < 0x80 { k += 1; continue }
                    guard b == 0xC4, k + 1 < sym.count, sym[k + 1] == 0x90 || sym[k + 1] == 0x91 else { return nil }
                    k += 2
                }
                return String(unsafeUninitializedCapacity: digits.count + 6 + sym.count) { out in
                    var at = 0
                    if number != nil {
                        var first = 0
                        while first < digits.count - 1, digits[first] == 0x30 { first += 1 } // "05" -> "5", "000" -> "0"
                        for d in digits[first...] { out[at] = d; at += 1 }
                    }
                    out[at] = style == .party ? 0x2D : 0x2F; at += 1
                    if let year {
                        out[at] = UInt8(0x30 + year / 1000)
                        out[at + 1] = UInt8(0x30 + year / 100 % 10)
                        out[at + 2] = UInt8(0x30 + year / 10 % 10)
                        out[at + 3] = UInt8(0x30 + year % 10)
                        at += 4
                        out[at] = 0x2F; at += 1
                    }
                    var i = 0
                    while i < sym.count {
                        let b = sym[i]
                        if b >= 0x61 && b <= 0x7A {
                            out[at] = b - 0x20
                        } else if b == 0x91 && i > 0 && sym[i - 1] == 0xC4 {
                            out[at] = 0x90 // "đ" -> "Đ"
                        } else {
                            out[at] = b
                        }
                        at += 1; i += 1
                    }
                    return at
                }
            }
        }
    }

    /// Parses an identifier; nil when the text is not shaped like one.
    public static func parse(_ text: String) -> DocumentNumber? {
        let trimmed = VietnameseText.normalize(text).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".,;:")))
        let compact = String(trimmed.filter { !$0.isWhitespace })
        // "286 /C07-P6" as a converter spaced it is shown as printed, "286/C07-P6";
        // a blank number ("   /BC-SYT") keeps its blank.
        let written = trimmed.first?.isNumber == true ? compact : trimmed
        return parse(written: written, compact: compact)
    }

    /// For a token already normalised, trimmed and without spaces (the citation scanner's).
    static func parse(token: String) -> DocumentNumber? {
        parse(written: token, compact: token)
    }

    private static func parse(written: String, compact: String) -> DocumentNumber? {
        guard !compact.isEmpty else { return nil }
        let head = headByBytes(compact) ?? headByCharacters(compact)
        guard case .head(let number, let year, let rejectedYear, let style, let rest) = head, isSymbol(rest) else { return nil }
        // the bytes: isSymbol has let no mark join a "/" into another character
        if style == .party, !rest.utf8.contains(0x2F) { return nil }
        return DocumentNumber(written: written, number: number, year: year, rejectedYear: rejectedYear, symbol: String(rest), style: style)
    }

    /// What stands before the symbol: the number, the separator and a legal-style year.
    enum Head: Equatable {
        case notANumber
        case head(number: String?, year: Int?, rejectedYear: String?, style: Style, rest: Substring)
    }

    /// Reads the head character by character: digits, or a blank ("...", "…", "__"); "/" or "-"; "2015/" for the legal style.
    static func headByCharacters(_ compact: String) -> Head {
        var index = compact.startIndex
        while index < compact.endIndex, compact[index].isASCII, compact[index].isNumber { index = compact.index(after: index) }
        var number: String? = String(compact[compact.startIndex..<index])
        if number!.isEmpty {
            number = nil
            while index < compact.endIndex, ".…_".contains(compact[index]) { index = compact.index(after: index) }
        } else if number!.count > 6 {
            return .notANumber
        }
        guard index < compact.endIndex else { return .notANumber }
        let separator = compact[index]
        guard separator == "/" || (separator == "-" && number != nil) else { return .notANumber }
        var rest = Substring(compact[compact.index(after: index)...])
        var year: Int?
        var rejectedYear: String?
        let style: Style = separator == "-" ? .party : .state
        if style == .state, rest.count > 5, rest.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), rest.dropFirst(4).first == "/" {
            year = Int(rest.prefix(4))
            if let y = year, !(1000...9999).contains(y) { year = nil; rejectedYear = String(rest.prefix(4)) }
            rest = rest.dropFirst(5)
            return .head(number: number, year: year, rejectedYear: rejectedYear, style: .legal, rest: rest)
        }
        return .head(number: number, year: year, rejectedYear: rejectedYear, style: style, rest: rest)
    }

    /// `headByCharacters` over the bytes, for the common head: ASCII digits, then "/" or "-", then perhaps
    /// "2015/". The citation scanner parses every candidate of every text, and walking Characters was a
    /// fiftieth of a full build. Nil (undecided) for a blank number, and wherever the byte after an ASCII
    /// one is not ASCII: a combining mark there would join it into another character.
    static func headByBytes(_ compact: String) -> Head? {
        let utf8 = compact.utf8
        // the year's value is read here too: its text is made only for a year that cannot be one (below 1000)
        let scanned: (digits: Int, separator: UInt8, year: Int?, value: Int)?? = utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            var i = 0
            while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > 0, i < n, b[i] < 0x80 else { return nil } // blank number, or a mark after a digit: undecided
            guard i <= 6 else { return (i, 0, nil, 0) }
            let separator = b[i]
            guard separator == 0x2F || separator == 0x2D else { return (i, separator, nil, 0) }
            guard i + 1 >= n || b[i + 1] < 0x80 else { return nil } // a mark on the separator
            // "/2015/X": more than five characters after the separator, four digits and a slash
            if separator == 0x2F, i + 6 < n, (1...4).allSatisfy({ b[i + $0] >= 0x30 && b[i + $0] <= 0x39 }), b[i + 5] == 0x2F {
                guard b[i + 6] < 0x80 else { return nil }
                let value = (1...4).reduce(0) { $0 * 10 + Int(b[i + $1] - 0x30) }
                return (i, separator, i + 1, value)
            }
            return (i, separator, nil, 0)
        }
        guard let scanned, let (digits, separator, yearStart, value) = scanned else { return nil }
        guard digits <= 6, separator == 0x2F || separator == 0x2D else { return .notANumber }
        let numberEnd = utf8.index(utf8.startIndex, offsetBy: digits)
        let number = String(compact[compact.startIndex..<numberEnd])
        guard let yearStart else {
            return .head(number: number, year: nil, rejectedYear: nil, style: separator == 0x2D ? .party : .state,
                         rest: compact[utf8.index(after: numberEnd)..<compact.endIndex])
        }
        let yearFrom = utf8.index(utf8.startIndex, offsetBy: yearStart)
        let yearTo = utf8.index(yearFrom, offsetBy: 4)
        let valid = (1000...9999).contains(value)
        return .head(number: number, year: valid ? value : nil, rejectedYear: valid ? nil : String(compact[yearFrom..<yearTo]),
                     style: .legal, rest: compact[utf8.index(after: yearTo)..<compact.endIndex])
    }

    /// Symbols are letters (any case, Đ included), digits, `&` and separators,
    /// and start with a letter.
    static func isSymbol(_ s: Substring) -> Bool {
        isSymbolOfSingleScalars(s) ?? isSymbolByCharacters(s)
    }

    static func isSymbolByCharacters(_ s: Substring) -> Bool {
        guard let first = s.first, first.isLetter, s.count <= 60 else { return false }
        guard let last = s.last, last.isLetter || last.isNumber else { return false }
        var letters = 0
        for ch in s {
            if ch.isLetter { letters += 1; continue }
            if ch.isNumber || ch == "-" || ch == "/" || ch == "&" || ch == "." { continue }
            return false
        }
        return letters >= 1
    }

    /// `isSymbol` scalar by scalar, for a symbol in which every scalar is a character of its own (no combining mark,
    /// no CR LF): then a character's properties are its scalar's, and no grapheme breaking is needed. The citation
    /// scanner asks this of every candidate in every text. Nil when the symbol has other scalars.
    static func isSymbolOfSingleScalars(_ s: Substring) -> Bool? {
        if let answer = s.utf8.withContiguousStorageIfAvailable({ isSymbolOfSingleScalars(utf8: $0) }) { return answer }
        var copy = String(s) // not stored as contiguous UTF-8 (never so for a String made on Linux): copied, then read
        return copy.withUTF8 { isSymbolOfSingleScalars(utf8: $0) }
    }

    /// The same, on the UTF-8 of a String (valid), its scalars decoded here: iterating `unicodeScalars` of a Substring
    /// was a third of parsing an identifier. Scalars are checked in the same order, so the answer is the same.
    static func isSymbolOfSingleScalars(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var count = 0
        var letters = 0
        var last: Unicode.Scalar?
        var i = 0
        while i < b.count {
            let lead = UInt32(b[i])
            let v: UInt32
            if lead < 0x80 {
                v = lead; i += 1
            } else if lead < 0xE0 {
                v = (lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
            } else if lead < 0xF0 {
                v = (lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
            } else {
                return nil // beyond U+FFFF, so outside the ranges below
            }
            guard v < 0x300 || (v >= 0x1E00 && v < 0x1F00), v != 0x0D, let scalar = Unicode.Scalar(v) else { return nil }
            count += 1
            last = scalar
            if isAlphabetic(scalar) {
                letters += 1
            } else if count == 1 {
                return false
            } else if !isNumeric(scalar) && v != 0x2D && v != 0x2F && v != 0x26 && v != 0x2E {
                return false
            }
        }
        guard count > 0, count <= 60, let last, isAlphabetic(last) || isNumeric(last) else { return false }
        return letters >= 1
    }

    /// `properties.isAlphabetic`, answered without the property lookup for ASCII (most of a symbol):
    /// there only A–Z and a–z are alphabetic.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        let lower = scalar.value | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// `properties.numericType != nil`, likewise: in ASCII only 0–9 have a numeric type.
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.numericType != nil }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// The document type coded in the symbol, if its first segment is a type code.
    public func type(in table: DocumentTypeTable) -> DocumentType? {
        guard let first = symbolParts.first else { return nil }
        if style == .legal, let type = table.typeForSymbolCode(first) { return type }
        return table.typeForSymbolCode(first)
    }

    /// Issuer codes: every segment that is not the type code.
    public func issuerCodes(in table: DocumentTypeTable) -> [String] {
        let parts = symbolParts
        return type(in: table) == nil ? parts : Array(parts.dropFirst())
    }

    /// The warning for a number whose year cannot be one, or nil.
    public var yearProblem: (key: MessageKey, arguments: [String: String])? {
        guard let rejectedYear else { return nil }
        return (.numberBadYear, ["number": written, "year": String(rejectedYear)])
    }

    /// What a page shows after "Số:": the number as written, or a blank before the symbol.
    public var display: String {
        guard number != nil else { return "   /" + symbol }
        return written
    }
}

import Foundation
