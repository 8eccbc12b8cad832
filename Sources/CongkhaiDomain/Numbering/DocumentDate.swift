/// A date known to the day, the month or only the year (a draft prints
/// "ngày    tháng    năm 2023"). The precision is kept: no day is invented.
public struct DocumentDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601, as precise as known: "2020-01-05", "2020-01" or "2020".
    public var iso: String {
        String(unsafeUninitializedCapacity: 10) { out in
            var n = Self.year(year, into: out, at: 0)
            if let month { out[n] = UInt8(ascii: "-"); n = Self.twoDigits(month, into: out, at: n + 1) }
            if let day { out[n] = UInt8(ascii: "-"); n = Self.twoDigits(day, into: out, at: n + 1) }
            return n
        }
    }

    public var description: String { iso }

    /// The official style: "ngày 05 tháng 01 năm 2020". Days under 10 and the
    /// months 1 and 2 take a leading zero (Nghị định 30/2020, Phụ lục I).
    public var official: String {
        String(unsafeUninitializedCapacity: 40) { out in
            var n = 0
            func put(_ text: StaticString) {
                text.withUTF8Buffer { for byte in $0 { out[n] = byte; n += 1 } }
            }
            if let day { put("ngày "); n = Self.twoDigits(day, into: out, at: n); put(" ") }
            if let month {
                put("tháng ")
                if month <= 2 || month >= 10 { n = Self.twoDigits(month, into: out, at: n) } else { out[n] = 48 + UInt8(month); n += 1 }
                put(" ")
            }
            put("năm ")
            return Self.year(year, into: out, at: n)
        }
    }

    /// The short form running text uses: "15/04/2016", "04/2016", "2016".
    public var short: String {
        String(unsafeUninitializedCapacity: 10) { out in
            var n = 0
            if let month {
                if let day { n = Self.twoDigits(day, into: out, at: n); out[n] = UInt8(ascii: "/"); n += 1 }
                n = Self.twoDigits(month, into: out, at: n); out[n] = UInt8(ascii: "/"); n += 1
            }
            return Self.year(year, into: out, at: n)
        }
    }

    // The three forms are written as bytes into a string made at its size: joining small strings took about two
    // thousand instructions a date, and a document's page shows tens of dates (its links'), every list hundreds.
    // String(format:) is slower still on Linux.

    /// 1 to 99 as two digits ("05", "31") at `n`; where the next byte goes.
    private static func twoDigits(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        out[n] = 48 + UInt8(value / 10)
        out[n + 1] = 48 + UInt8(value % 10)
        return n + 2
    }

    /// The year's four digits (the initialiser keeps it within 1000–9999) at `n`; where the next byte goes.
    private static func year(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        out[n] = 48 + UInt8(value / 1000)
        out[n + 1] = 48 + UInt8(value / 100 % 10)
        out[n + 2] = 48 + UInt8(value / 10 % 10)
        out[n + 3] = 48 + UInt8(value % 10)
        return n + 4
    }

    public static func < (a: DocumentDate, b: DocumentDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Front-matter form: YYYY-MM-DD, YYYY-MM or YYYY (also d/m/yyyy, which staff type too).
    public static func parseISO(_ text: String) -> DocumentDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.contains("/") { return parseShort(t) }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let numbers = parts.map { Int($0)! }
        return DocumentDate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// The short form "15/4/2016" or "07/10/2020".
    public static func parseShort(_ text: String) -> DocumentDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        return DocumentDate(year: y, month: m, day: d)
    }

    /// The year of a date written in a right form whose day or month does not exist ("31/02/2025", "2025-13-01").
    public static func impossibleDateYear(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.contains("/") ? t.split(separator: "/").reversed().map(String.init) : t.split(separator: "-").map(String.init)
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), (1000...9999).contains(year) else { return nil }
        return year
    }

    /// The printed form "ngày 05 tháng 01 năm 2020", with any of day and month
    /// left blank (spaces, dots or underscores).
    public static func parseOfficial(_ text: String) -> DocumentDate? {
        guard let match = OfficialDateLine.find(in: text) else { return nil }
        return match.date
    }
}

/// "Trà Vinh, ngày 16 tháng 4 năm 2020": the place-and-date line of the header.
/// The short form "Lam Hà, ngày 3/9/2025" is read too, since clerks type it.
public struct OfficialDateLine: Sendable {
    public let place: String?
    public let date: DocumentDate?
    /// Why the printed day and month were not kept ("ngày 30 tháng 02"): a catalogue key and its values, or nil.
    public let problem: (key: MessageKey, arguments: [String: String])?

    /// Finds "ngày … tháng … năm …" (or "ngày d/m/yyyy") in a line; the place is what stands before it.
    public static func find(in line: String) -> OfficialDateLine? {
        guard mayHoldNgay(line) else { return nil }
        return findByCharacters(in: line)
    }

    static func findByCharacters(in line: String) -> OfficialDateLine? {
        let folded = Array(line.lowercased())
        guard let ngay = indexOfWord("ngày", in: folded) else { return nil }
        var i = ngay + 4
        // The short form is also how running text cites a date ("Kế hoạch số 1/KH-STTTT ngày 01/02/2022"): it makes a
        // place-and-date line only after a short place without digits ("Lam Hà, ngày 3/9/2025") or alone.
        let before = String(folded[..<ngay]).trimmingCharacters(in: .whitespaces)
        let placeLike = before.isEmpty || (before.hasSuffix(",") && before.count <= 40 && !before.contains(where: \.isNumber))
        if placeLike, let short = readShortDate(folded, from: i) {
            return make(line: line, at: ngay, day: short.day, month: short.month, year: short.year, written: short.written)
        }
        let day = readNumber(folded, &i)
        guard let thang = indexOfWord("tháng", in: folded, from: i) else { return nil }
        guard folded[i..<thang].allSatisfy(isBlankFiller) else { return nil }
        i = thang + 5
        let month = readNumber(folded, &i)
        guard let nam = indexOfWord("năm", in: folded, from: i) else { return nil }
        guard folded[i..<nam].allSatisfy(isBlankFiller) else { return nil }
        i = nam + 3
        guard let year = readNumber(folded, &i), year >= 1000 else { return nil }
        let written = [day.map { "ngày \($0)" }, month.map { "tháng \($0)" }, "năm \(year)"].compactMap { $0 }.joined(separator: " ")
        return make(line: line, at: ngay, day: day, month: month, year: year, written: written)
    }

    private static func make(line: String, at ngay: Int, day: Int?, month: Int?, year: Int, written: String) -> OfficialDateLine {
        let placeText = String(Array(line)[0..<ngay]).trimmingCharacters(in: CharacterSet(charactersIn: " ,*_"))
        let exact = DocumentDate(year: year, month: month, day: day)
        let date = exact ?? DocumentDate(year: year)
        var problem: (key: MessageKey, arguments: [String: String])?
        if exact == nil, let date {
            problem = (.placeDateImpossible, ["value": written, "year": String(date.year)])
        } else if date == nil {
            problem = (.placeDateNoYear, ["value": written])
        }
        return OfficialDateLine(place: placeText.isEmpty ? nil : placeText, date: date, problem: problem)
    }

    /// "3/9/2025" or "03/09/2025" right after "ngày" (the year of four digits, nothing but blanks or "." after it).
    private static func readShortDate(_ chars: [Character], from start: Int) -> (day: Int, month: Int, year: Int, written: String)? {
        var i = start
        while i < chars.count, chars[i] == " " { i += 1 }
        var text = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "/" { text.append(chars[i]); i += 1 }
        guard chars[i...].allSatisfy({ isBlankFiller($0) || $0 == "," }) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return (d, m, y, text)
    }

    /// A header line that means to be the place-and-date line ("Lam Hà, ngày 3 tháng chín 2025")
    /// but cannot be read: a place, a comma, then "ngày". Named by its line instead of becoming the title.
    public static func looksIntended(_ line: String) -> Bool {
        guard line.count < 120, find(in: line) == nil else { return false }
        return looksIntended(shortLineWithoutDate: line)
    }

    /// `looksIntended` for a line already known to be under 120 characters with no date that `find` reads.
    static func looksIntended(shortLineWithoutDate line: String) -> Bool {
        let folded = VietnameseText.fold(line)
        guard let comma = folded.firstIndex(of: ","), folded.distance(from: folded.startIndex, to: comma) <= 40 else {
            return folded.hasPrefix("ngay ") && folded.contains(where: \.isNumber)
        }
        return folded[folded.index(after: comma)...].drop(while: { $0 == " " }).hasPrefix("ngay")
    }

    /// Whether the bytes may hold the characters "ngày" once lower-cased; header and body lines are asked, and most
    /// have no "ngày" at all. Lower-casing goes scalar by scalar, and only "n", "N" lower to a text holding "n"
    /// (likewise "g", "y", "a"; "à" comes only from "à", "À"; U+0300 and U+0340 only from themselves: checked over
    /// every scalar by a test). A character equal to "à" is U+00E0, or "a" with U+0300 or U+0340 (its canonical
    /// equivalents), so the line holds "n" or "N", "g" or "G", one of those, then "y" or "Y", next to each other.
    static func mayHoldNgay(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i + 4 < n {
                defer { i += 1 }
                guard bytes[i] | 0x20 == 0x6E, bytes[i + 1] | 0x20 == 0x67 else { continue } // "n", "g"
                var k = i + 2
                if bytes[k] == 0xC3, bytes[k + 1] == 0xA0 || bytes[k + 1] == 0x80 { // "à", "À"
                    k += 2
                } else if bytes[k] | 0x20 == 0x61, k + 3 < n, bytes[k + 1] == 0xCC || bytes[k + 1] == 0xCD, bytes[k + 2] == 0x80 {
                    k += 3 // "a" or "A", then U+0300 (CC 80) or U+0340 (CD 80)
                } else {
                    continue
                }
                if k < n, bytes[k] | 0x20 == 0x79 { return true } // "y"
            }
            return false
        }
    }

    private static func isBlankFiller(_ c: Character) -> Bool { c == " " || c == "." || c == "…" || c == "_" || c == "*" }

    private static func indexOfWord(_ word: String, in chars: [Character], from start: Int = 0) -> Int? {
        let w = Array(word)
        guard chars.count >= w.count, start <= chars.count - w.count else { return nil }
        for i in start...(chars.count - w.count) where chars[i] == w[0] {
            if Array(chars[i..<(i + w.count)]) == w { return i }
        }
        return nil
    }

    private static func readNumber(_ chars: [Character], _ i: inout Int) -> Int? {
        while i < chars.count, isBlankFiller(chars[i]) { i += 1 }
        var digits = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
        while i < chars.count, isBlankFiller(chars[i]) { i += 1 }
        return Int(digits)
    }
}

import Foundation
