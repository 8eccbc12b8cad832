import CongkhaiDomain
import Foundation

/// Gives the body's set-apart lines (`OfficialLines`) the classes the theme
/// lays out as printed. Markdown has no way to give a paragraph a class and
/// the Content-Security-Policy allows no inline style, so the rendered HTML
/// is marked here: `<p class="official-authority">`, `<p class="official-enacting">`,
/// and "Kính gửi:" with its list wrapped in `<div class="official-addressees">`.
/// Written by hand because it only touches the `<p>` tags cmark-gfm itself wrote
/// (never raw HTML, which the sanitizer rebuilt), so no HTML parser is needed.
/// It runs on every body of every build, so it scans bytes: Foundation's
/// `range(of:)` and `replacingOccurrences` took more time than cmark-gfm itself.
enum OfficialMarkup {
    static func apply(_ html: String, typeCode: String?) -> String {
        let ranges = paragraphs(in: html)
        guard !ranges.isEmpty else { return html }
        let inDecision = OfficialLines.isDecision(typeCode: typeCode)
        // Only a short paragraph can be a set-apart line: a long one is not even turned into text; nor, outside a
        // decision, one that cannot open with "Kính gửi" (an empty text is an ordinary paragraph).
        let texts = ranges.map { range in
            guard html.utf8[range].count <= OfficialLines.maximumBytes + Self.tagBytes else { return "" }
            if !inDecision, let byte = firstVisibleByte(html.utf8[range]), !OfficialLines.mayBeAddressee(firstVisibleByte: byte) {
                return ""
            }
            return candidateText(html[range], inDecision: inDecision)
        }
        let kinds = OfficialLines.kinds(of: texts, typeCode: typeCode)
        guard kinds.contains(where: { $0 != nil }) else { return html }
        var out = ""
        var cursor = html.startIndex
        for (range, kind) in zip(ranges, kinds) {
            guard let kind else { continue }
            out += html[cursor..<range.lowerBound]
            let inner = html[html.utf8.index(range.lowerBound, offsetBy: 3)..<html.utf8.index(range.upperBound, offsetBy: -4)]
            switch kind {
            case .authority: out += "<p class=\"official-authority\">" + inner + "</p>"; cursor = range.upperBound
            case .decisionWord: out += "<p class=\"official-enacting\">" + inner + "</p>"; cursor = range.upperBound
            case .addressee:
                // "Kính gửi:" and the list of addressees right after it stand together.
                let after = html[range.upperBound...]
                let gap = after.prefix { $0 == "\n" }
                let listStart = after.utf8.index(after.startIndex, offsetBy: gap.utf8.count)
                if after[listStart...].hasPrefix("<ul>"), let listEnd = find("</ul>", in: html, from: listStart) {
                    out += "<div class=\"official-addressees\"><p>" + inner + "</p>" + gap + html[listStart..<listEnd] + "</div>"
                    cursor = listEnd
                } else {
                    out += "<p class=\"official-addressee\">" + inner + "</p>"
                    cursor = range.upperBound
                }
            }
        }
        return out + html[cursor...]
    }

    /// Room for the tags around a short paragraph's words (`<p>`, `<strong>`, `<em>`), beyond `OfficialLines.maximumBytes`.
    static let tagBytes = 200

    /// The first byte of a paragraph's words that is not in a tag, a space, a list dash or an emphasis mark
    /// (everything `OfficialLines.plain` and `plainText` may drop before the words); nil when there is none.
    static func firstVisibleByte(_ paragraph: Substring.UTF8View) -> UInt8? {
        var inTag = false
        for byte in paragraph {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "-"): continue
            default: return byte
            }
        }
        return nil
    }

    /// Each `<p>…</p>` of the HTML, tags included, in order.
    /// Found with memchr on the bytes: this runs over every body of every build.
    static func paragraphs(in html: String) -> [Range<String.Index>] {
        var html = html
        let offsets = html.withUTF8 { bytes -> [(Int, Int)] in
            var found: [(Int, Int)] = []
            var search = 0
            while let open = Self.offset(of: "<p>", in: bytes, from: search),
                  let close = Self.offset(of: "</p>", in: bytes, from: open + 3) {
                found.append((open, close + 4))
                search = close + 4
            }
            return found
        }
        let utf8 = html.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0.0)..<utf8.index(utf8.startIndex, offsetBy: $0.1) }
    }

    /// Where `needle` (ASCII) next starts in `bytes` from `start`.
    static func offset(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = Int32(needle.utf8Start[0])
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        while i + count <= bytes.count, let hit = memchr(base + i, first, bytes.count - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard at + count <= bytes.count else { return nil }
            if memcmp(base + at, needle.utf8Start, count) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// Where `needle` (ASCII) next occurs in `html` from `start`: its end, or its start when asked.
    static func find(_ needle: StaticString, in html: String, from start: String.Index, returningStart: Bool = false) -> String.Index? {
        let utf8 = html.utf8
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var i = start
        while let hit = utf8[i...].firstIndex(of: pattern[0]) {
            var end = hit
            var matched = true
            for byte in pattern {
                guard end < utf8.endIndex, utf8[end] == byte else { matched = false; break }
                end = utf8.index(after: end)
            }
            if matched { return returningStart ? hit : end }
            i = utf8.index(after: hit)
        }
        return nil
    }

    /// A paragraph's words: tags removed, the entities cmark-gfm writes decoded, in one pass over the bytes.
    static func plainText(_ html: Substring) -> String {
        String(decoding: plainBytes(html), as: UTF8.self)
    }

    /// The paragraph's words (`plainText`) when `OfficialLines.kinds` may find it a set-apart line, else "" (an
    /// ordinary paragraph), so that most paragraphs are neither made strings nor looked at there. An addressee
    /// line opens with "Kính gửi" (its K may be written as the Kelvin sign, which is the same character); an
    /// authority line and an enacting word (in a decision only) are in capitals: a word in ASCII lower case rules
    /// them out, as `OfficialLines.plain` takes no letter away.
    static func candidateText(_ html: Substring, inDecision: Bool) -> String {
        let text = plainBytes(html)
        let mayBeAddressee = text.contains(UInt8(ascii: "K")) || text.withUnsafeBufferPointer { bytes in
            bytes.indices.dropLast(2).contains { bytes[$0] == 0xE2 && bytes[$0 + 1] == 0x84 && bytes[$0 + 2] == 0xAA }
        }
        let mayBeCapitals = inDecision && !text.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        return mayBeAddressee || mayBeCapitals ? String(decoding: text, as: UTF8.self) : ""
    }

    private static func plainBytes(_ html: Substring) -> [UInt8] {
        // Read where the paragraph is: copying it into an array first cost more than the pass.
        html.utf8.withContiguousStorageIfAvailable { plainBytes($0) } ?? Array(html.utf8).withUnsafeBufferPointer { plainBytes($0) }
    }

    private static func plainBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { text, count in
            var inTag = false
            var i = 0
            next: while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag {
                    if byte == UInt8(ascii: "&") {
                        for entity in entities where matches(entity.name, in: bytes, at: i) {
                            text[count] = entity.byte
                            count += 1
                            i += entity.name.count
                            continue next
                        }
                    }
                    text[count] = byte
                    count += 1
                }
                i += 1
            }
        }
    }

    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    private static func matches(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + name.count <= bytes.count else { return false }
        for k in 1..<name.count where bytes[i + k] != name[k] { return false }
        return true
    }
}
