/// One line of a document's text with its line number in the source file,
/// and whether a blank line stood before it (a paragraph start).
public struct SourceLine: Sendable, Equatable {
    public var text: String
    public let number: Int
    public var startsParagraph: Bool

    public init(_ text: String, number: Int, startsParagraph: Bool) {
        self.text = text
        self.number = number
        self.startsParagraph = startsParagraph
    }

    /// Splits text into non-blank lines, remembering paragraph starts.
    public static func lines(of text: Substring, firstLine: Int) -> [SourceLine] {
        var out: [SourceLine] = []
        var blankBefore = true
        var number = firstLine
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { number += 1 }
            if raw.allSatisfy({ $0 == " " }) { blankBefore = true; continue }
            out.append(SourceLine(String(raw), number: number, startsParagraph: blankBefore))
            blankBefore = false
        }
        return out
    }

    /// Groups lines into paragraphs.
    public static func paragraphs(_ lines: ArraySlice<SourceLine>) -> [[SourceLine]] {
        var out: [[SourceLine]] = []
        for line in lines {
            if line.startsParagraph || out.isEmpty { out.append([line]) } else { out[out.count - 1].append(line) }
        }
        return out
    }
}

/// Reading a printed line without its Markdown decoration.
enum LineText {
    /// "**KT. GIÁM ĐỐC**  " → "KT. GIÁM ĐỐC"; "# BÁO CÁO" → "BÁO CÁO"; hard-break backslash dropped.
    static func clean<S: StringProtocol>(_ line: S) -> String {
        var s = Substring(line)
        s = s.drop(while: { $0 == " " || $0 == "#" || $0 == ">" })
        while let last = s.last, last == " " || last == "\\" { s = s.dropLast() }
        var text = String(s)
        if text.contains("**") { text = text.replacingOccurrences(of: "**", with: "") }
        if text.contains("__") { text = text.replacingOccurrences(of: "__", with: "") }
        var t = Substring(text)
        while let f = t.first, f == "*" || f == "_" { t = t.dropFirst() }
        while let l = t.last, l == "*" || l == "_" { t = t.dropLast() }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// The last character that carries meaning, ignoring emphasis markers and spaces.
    static func lastMeaningful<S: StringProtocol>(_ line: S) -> Character? {
        line.last(where: { $0 != " " && $0 != "*" && $0 != "_" && $0 != "\\" })
    }

    /// Ends a sentence or a list item: the next printed line starts a new paragraph.
    static func endsSentence<S: StringProtocol>(_ line: S) -> Bool {
        guard let c = lastMeaningful(line) else { return true }
        return ".:;!?…".contains(c)
    }

    static func isSeparator(_ s: String) -> Bool {
        s.count >= 3 && s.allSatisfy { "-_=*–—.".contains($0) }
    }

    static func isMotto(_ s: String) -> Bool {
        let f = VietnameseText.fold(s).filter { $0.isLetter }
        return f.hasPrefix("conghoaxahoichunghiavietnam") || f.hasPrefix("doclaptudohanhphuc") || f == "dangcongsanvietnam"
    }

    /// "- Sở Nội vụ;", "+ ...", "• ...".
    static func isBullet<S: StringProtocol>(_ s: S) -> Bool {
        guard let f = s.first else { return false }
        guard "-+•*–".contains(f) else { return false }
        let rest = s.dropFirst()
        return rest.isEmpty || rest.first == " "
    }

    /// "1. ", "1) ", "4- ", "a) ", "đ) ", "I. ", "II. ": the numbering of a section, item or point.
    static func numbering<S: StringProtocol>(_ s: S) -> (marker: String, kind: NumberingKind)? {
        var i = s.startIndex
        var digits = 0
        while i < s.endIndex, s[i].isASCII, s[i].isNumber { digits += 1; i = s.index(after: i) }
        if digits > 0, digits <= 3, i < s.endIndex, ".)-".contains(s[i]) {
            let after = s.index(after: i)
            if after == s.endIndex || s[after] == " " {
                // "1.2." subsections are still items; "2020." at a line start is a year
                return (String(s[s.startIndex...i]), .arabic)
            }
        }
        i = s.startIndex
        var romans = 0
        while i < s.endIndex, "IVXLC".contains(s[i]) { romans += 1; i = s.index(after: i) }
        if romans > 0, romans <= 5, i < s.endIndex, s[i] == ".", s.index(after: i) < s.endIndex, s[s.index(after: i)] == " " {
            return (String(s[s.startIndex...i]), .roman)
        }
        if let f = s.first, f.isLowercase, f.isLetter, s.dropFirst().first == ")", s.dropFirst(2).first == " " {
            return (String(s.prefix(2)), .letter)
        }
        return nil
    }

    enum NumberingKind { case roman, arabic, letter }
}

import Foundation
