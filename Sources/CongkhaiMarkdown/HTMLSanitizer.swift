/// A strict allow-list for raw HTML in content (tables from OCR or converters,
/// `<br>`, `<sup>`, `<sub>`): the structure and text of a simple table are
/// kept, everything else is removed and named.
///
/// Written by hand rather than through an HTML library because the output is
/// never the input with parts cut out: it is rebuilt from the few allowed tags,
/// with every text escaped again, so a construct this tokenizer misreads can
/// only lose content, never let markup through. Linear in the fragment size.
public struct HTMLSanitizer: Sendable {
    /// One thing removed, with its line inside the fragment (1 for the first line).
    public struct Removal: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let what: String
        public var description: String { "line \(line): \(what)" }
    }

    public struct Result: Sendable, Equatable {
        public let html: String
        public let removed: [Removal]
    }

    public init() {}

    /// Kept with their text; only `colspan` and `rowspan` (on cells) survive as attributes.
    static let allowed: Set<String> = [
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "br", "sup", "sub", "b", "i", "strong", "em", "p", "ul", "ol", "li",
    ]
    /// Removed together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript", "textarea",
        "select", "title", "head", "xmp", "noembed", "noframes", "frameset", "canvas", "audio", "video", "form", "button",
    ]
    /// Whose content is raw text up to the matching end tag (no tags inside count).
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "noscript"]
    static let void: Set<String> = [
        "br", "img", "hr", "input", "meta", "link", "base", "col", "area", "source", "wbr", "embed", "param", "track",
    ]

    public func sanitize(_ fragment: String) -> Result {
        var state = State(Array(fragment.unicodeScalars), allowed: Self.allowed)
        state.run()
        state.closeAll()
        return Result(html: state.out, removed: state.removed)
    }

    /// Inline HTML comes one tag per node ("<sup>", "2", "</sup>"): the tags of one
    /// paragraph, in order, are sanitized together so that a start and its end tag
    /// pair up; only inline tags are kept and what is left open is closed in the last.
    public func sanitize(inline fragments: [String]) -> [Result] {
        var results: [Result] = []
        var open: [String] = []
        for (index, fragment) in fragments.enumerated() {
            var state = State(Array(fragment.unicodeScalars), allowed: Self.inlineAllowed)
            state.open = open
            state.run()
            if index == fragments.count - 1 { state.closeAll() }
            open = state.open
            results.append(Result(html: state.out, removed: state.removed))
        }
        return results
    }

    static let inlineAllowed: Set<String> = ["br", "sup", "sub", "b", "i", "strong", "em"]

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String?)]
        var selfClosing: Bool
    }

    struct State {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1
        var out = ""
        var removed: [Removal] = []
        var open: [String] = []
        var text = ""
        let allowed: Set<String>

        init(_ s: [Unicode.Scalar], allowed: Set<String>) {
            self.s = s
            self.allowed = allowed
        }

        mutating func run() {
            while i < s.count {
                if s[i] == "<" { flushText(); markup() } else { character() }
            }
            flushText()
        }

        mutating func closeAll() {
            while let name = open.popLast() { out += "</\(name)>" }
        }

        mutating func advance(to end: Int) {
            while i < end { if s[i] == "\n" { line += 1 }; i += 1 }
        }

        mutating func remove(_ what: String, at startLine: Int) { removed.append(Removal(line: startLine, what: what)) }

        // MARK: text and entities

        mutating func character() {
            if s[i] == "&", let (decoded, length) = entity(at: i) {
                text += decoded
                advance(to: i + length)
                return
            }
            text.unicodeScalars.append(s[i])
            advance(to: i + 1)
        }

        mutating func flushText() {
            guard !text.isEmpty else { return }
            out += Self.escape(text)
            text = ""
        }

        static func escape(_ t: String) -> String {
            var r = ""
            r.reserveCapacity(t.utf8.count)
            for c in t.unicodeScalars {
                switch c {
                case "&": r += "&amp;"
                case "<": r += "&lt;"
                case ">": r += "&gt;"
                case "\"": r += "&quot;"
                case "'": r += "&#39;"
                case "\u{0}": r += "\u{FFFD}"
                default: r.unicodeScalars.append(c)
                }
            }
            return r
        }

        static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
                                              "ndash": "–", "mdash": "—", "hellip": "…", "ldquo": "“", "rdquo": "”", "deg": "°"]

        /// "&amp;", "&#7871;", "&#x1EBF;": the decoded text and the length read; nil leaves the "&" as text.
        func entity(at start: Int) -> (String, Int)? {
            var k = start + 1
            var body = ""
            while k < s.count, k - start <= 12, s[k] != ";" {
                guard s[k].properties.isAlphabetic || ("0"..."9").contains(s[k]) || s[k] == "#" else { return nil }
                body.unicodeScalars.append(s[k]); k += 1
            }
            guard k < s.count, s[k] == ";", !body.isEmpty else { return nil }
            if body.hasPrefix("#") {
                let digits = body.dropFirst()
                let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value else { return nil }
                let scalar = value == 0 ? nil : Unicode.Scalar(value)
                return (String(scalar ?? "\u{FFFD}"), k - start + 1)
            }
            return Self.named[body].map { ($0, k - start + 1) }
        }

        // MARK: markup

        mutating func markup() {
            let startLine = line
            if starts(with: "<!--") {
                let end = find("-->", from: i + 4).map { $0 + 3 } ?? s.count
                advance(to: end); remove("a comment", at: startLine); return
            }
            if starts(with: "<![CDATA[", caseInsensitive: true) {
                let end = find("]]>", from: i + 9).map { $0 + 3 } ?? s.count
                advance(to: end); remove("a CDATA section", at: startLine); return
            }
            if starts(with: "<!") || starts(with: "<?") {
                let end = find(">", from: i + 2).map { $0 + 1 } ?? s.count
                advance(to: end); remove("a declaration or processing instruction", at: startLine); return
            }
            let isEnd = i + 1 < s.count && s[i + 1] == "/"
            let nameStart = i + (isEnd ? 2 : 1)
            guard nameStart < s.count, s[nameStart].isASCIILetter else {
                text += "<"; advance(to: i + 1); return // a lone "<" is text
            }
            guard let (tag, end) = readTag(from: nameStart) else {
                advance(to: s.count); remove("an unclosed tag", at: startLine); return
            }
            advance(to: end)
            if isEnd { closeTag(tag.name) } else { openTag(tag, line: startLine) }
        }

        mutating func openTag(_ tag: Tag, line startLine: Int) {
            let name = tag.name
            if HTMLSanitizer.droppedWithContent.contains(name) {
                if !tag.selfClosing, !HTMLSanitizer.void.contains(name) { skipContent(of: name) }
                remove("<\(name)> and its content", at: startLine); return
            }
            guard allowed.contains(name) else {
                let what = name == "a" ? "the link <a>; its text is kept" : name == "img" ? "the image <img>"
                    : HTMLSanitizer.void.contains(name) ? "<\(name)>" : "the tag <\(name)>; its text is kept"
                remove(what, at: startLine); return
            }
            var kept = ""
            for attribute in tag.attributes {
                if (name == "td" || name == "th"), attribute.name == "colspan" || attribute.name == "rowspan",
                   let value = attribute.value.map({ $0.trimmingCharacters(in: .whitespaces) }),
                   let n = Int(value), (1...1000).contains(n) {
                    kept += " \(attribute.name)=\"\(n)\""
                } else {
                    remove("the attribute \(attribute.name) of <\(name)>", at: startLine)
                }
            }
            closeImplied(before: name)
            out += "<\(name)\(kept)>"
            if name != "br" { open.append(name) }
        }

        /// A new cell closes the open cell, a new row the open row, an item the open item.
        mutating func closeImplied(before name: String) {
            let closes: Set<String>
            switch name {
            case "td", "th": closes = ["td", "th"]
            case "tr": closes = ["td", "th", "tr"]
            case "li": closes = ["li"]
            case "p": closes = ["p"]
            default: return
            }
            while let top = open.last, closes.contains(top) {
                out += "</\(top)>"; open.removeLast()
                if name == "tr" && top == "tr" { break }
            }
        }

        mutating func closeTag(_ name: String) {
            // an end tag with nothing open to close is dropped: its start tag was reported, or there was none
            guard let index = open.lastIndex(of: name) else { return }
            while open.count > index { out += "</\(open.removeLast())>" }
        }

        /// Skips to the end tag matching `name`, counting nested ones ("<svg><svg></svg></svg>").
        mutating func skipContent(of name: String) {
            var depth = 1
            while i < s.count {
                guard let lt = find("<", from: i) else { advance(to: s.count); return }
                advance(to: lt)
                let isEnd = i + 1 < s.count && s[i + 1] == "/"
                let nameStart = i + (isEnd ? 2 : 1)
                guard nameStart < s.count, s[nameStart].isASCIILetter else { advance(to: i + 1); continue }
                // no tag closes after this point: the rest is the dropped element's content
                guard let (tag, end) = readTag(from: nameStart) else { advance(to: s.count); return }
                if HTMLSanitizer.rawText.contains(name), !(isEnd && tag.name == name) { advance(to: i + 1); continue }
                advance(to: end)
                guard tag.name == name else { continue }
                if isEnd { depth -= 1 } else if !tag.selfClosing { depth += 1 }
                if depth == 0 { return }
            }
        }

        /// Reads a tag's name and attributes from `start` (just after "<" or "</"); returns the index after ">".
        func readTag(from start: Int) -> (Tag, Int)? {
            var k = start
            var name = ""
            while k < s.count, !s[k].isHTMLSpace, s[k] != ">", s[k] != "/" { name.unicodeScalars.append(s[k]); k += 1 }
            var tag = Tag(name: name.lowercased(), attributes: [], selfClosing: false)
            while k < s.count {
                while k < s.count, s[k].isHTMLSpace { k += 1 }
                guard k < s.count else { return nil }
                if s[k] == ">" { return (tag, k + 1) }
                if s[k] == "/" { tag.selfClosing = true; k += 1; continue }
                var attribute = ""
                while k < s.count, !s[k].isHTMLSpace, s[k] != ">", s[k] != "=", s[k] != "/" || attribute.isEmpty {
                    attribute.unicodeScalars.append(s[k]); k += 1
                }
                while k < s.count, s[k].isHTMLSpace { k += 1 }
                var value: String?
                if k < s.count, s[k] == "=" {
                    k += 1
                    while k < s.count, s[k].isHTMLSpace { k += 1 }
                    guard k < s.count else { return nil }
                    var v = ""
                    if s[k] == "\"" || s[k] == "'" {
                        let quote = s[k]
                        k += 1
                        while k < s.count, s[k] != quote { v.unicodeScalars.append(s[k]); k += 1 }
                        guard k < s.count else { return nil }
                        k += 1
                    } else {
                        while k < s.count, !s[k].isHTMLSpace, s[k] != ">" { v.unicodeScalars.append(s[k]); k += 1 }
                    }
                    value = v
                }
                tag.attributes.append((attribute.lowercased(), value))
            }
            return nil
        }

        func starts(with prefix: String, caseInsensitive: Bool = false) -> Bool {
            var k = i
            for c in prefix.unicodeScalars {
                guard k < s.count else { return false }
                let a = caseInsensitive ? Character(s[k]).uppercased() : String(s[k])
                guard a == (caseInsensitive ? Character(c).uppercased() : String(c)) else { return false }
                k += 1
            }
            return true
        }

        /// The first index of `needle` at or after `from` (case-insensitive for letters).
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.lowercased().unicodeScalars)
            guard !n.isEmpty, from <= s.count - n.count else { return nil }
            var k = from
            while k <= s.count - n.count {
                var j = 0
                while j < n.count, s[k + j].lowercasedASCII == n[j] { j += 1 }
                if j == n.count { return k }
                k += 1
            }
            return nil
        }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isHTMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{0C}" }
    var lowercasedASCII: Unicode.Scalar { ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32)! : self }
}

import Foundation
