import CongkhaiDomain
import Foundation

/// What the index searches in a document, and how its text becomes a context file: the head's texts, the
/// plain text of the rendered HTML (tags stripped as bytes), the passages around first uses, and the file
/// that carries them as a JSON string.
extension SearchFiles {
    /// Summary, number and symbol, type, issuer, signer, field, procedure name and code: words here rank higher.
    static func headTexts(_ record: DocumentRecord) -> [String] {
        let m = record.metadata
        var texts = [m.title, Formatting.number(m.number), m.type?.name, m.issuer, m.parentIssuer, m.signer, m.field].compactMap { $0 }
        if let p = record.procedure { texts += [p.name, p.code, p.field].compactMap { $0 } }
        return texts
    }

    /// Body, appendices and a procedure's sections, without markup, cut at `textLimit` characters: as UTF-8.
    static func plainTextUTF8(_ record: DocumentRecord) -> [UInt8] { plainTextUTF8(record.text) }

    /// As `plainTextUTF8(_ record:)`, from the rendered text alone (the shortcut for edited texts has no record).
    static func plainTextUTF8(_ t: RenderedText) -> [UInt8] {
        var html = [t.bodyHTML] + t.appendices.map(\.html)
        html += Procedure.Section.allCases.compactMap { t.procedureSections[$0] } + t.otherSections
        let text = stripTagsUTF8(html)
        guard text.count > textLimit else { return text }
        return Array(String(String(decoding: text, as: UTF8.self).prefix(textLimit)).utf8)
    }

    /// What a document's context file keeps of its text: the passage around the first use of each of its words
    /// (`contextBefore` bytes before, `contextAfter` after, widened to whole words), passages that touch joined,
    /// the others separated by " … ". The first match of any query word in these passages is its first match
    /// in the whole text, with the text around it, at a fraction of the text's size.
    /// `firstUses`: the byte ranges of the first uses, in text order (`SearchIndex.termsAndFirstUses`).
    static func passages(of text: String, firstUses: [Range<Int>]) -> String {
        String(decoding: passages(of: Array(text.utf8), firstUses: firstUses), as: UTF8.self)
    }

    /// As `passages(of:firstUses:)` on the text's UTF-8 bytes.
    static func passages(of bytes: [UInt8], firstUses: [Range<Int>]) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        var kept: [Range<Int>] = []
        for use in firstUses {
            var start = max(0, use.lowerBound - contextBefore)
            while start > 0 && bytes[start - 1] != 0x20 { start -= 1 }
            var end = min(bytes.count, use.upperBound + contextAfter)
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            if let last = kept.last, start <= last.upperBound + 1 {
                kept[kept.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                kept.append(start..<end)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(kept.reduce(0) { $0 + $1.count + 5 })
        let gap = Array(" … ".utf8)
        if let first = kept.first, first.lowerBound > 0 { out += Array("… ".utf8) }
        for (i, range) in kept.enumerated() {
            if i > 0 { out += gap }
            out += bytes[range]
        }
        if let last = kept.last, last.upperBound < bytes.count { out += Array(" …".utf8) }
        return out
    }

    /// The text of our own renderer's HTML: tags dropped, the five entities it writes decoded, spaces folded;
    /// the texts of the parts that have one, joined by a space.
    static func stripTags(_ parts: [String]) -> String {
        String(decoding: stripTagsUTF8(parts), as: UTF8.self)
    }

    /// As `stripTags(_:)`, as UTF-8: valid, since only ASCII bytes (tags, entities, spaces) are taken out or put in.
    static func stripTagsUTF8(_ parts: [String]) -> [UInt8] {
        // Written straight into the new array's storage: the text is never longer than its HTML (tags go,
        // entities and runs of spaces shrink), plus a space between parts.
        let capacity = parts.reduce(parts.count) { $0 + $1.utf8.count }
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            var count = 0
            for var part in parts {
                let before = count
                if count > 0 {
                    out[count] = 0x20
                    count += 1
                }
                let textStart = count
                part.withUTF8 { stripTags($0, into: out, count: &count) }
                if count == textStart { count = before } // a part without text adds no space
            }
            initialized = count
        }
    }

    /// One part's text, written at `count` in `out`, which has room for all its bytes.
    /// Byte by byte, because it reads every document at every build (HTMLText.strip works on characters
    /// and takes several times longer); runs of ordinary bytes in a loop of their own, the count kept in a local
    /// (through `inout` it went back to memory at every byte), a tag skipped with memchr.
    private static func stripTags(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, count: inout Int) {
        guard let source = bytes.baseAddress, let target = out.baseAddress else { return }
        let start = count, end = bytes.count
        var written = count
        var pendingSpace = false
        var i = 0
        while i < end {
            var b = source[i]
            i += 1
            // Most bytes are neither markup, nor a space, nor an entity: they are copied without the switch below.
            if b > 0x26 && b != 0x3C {
                if pendingSpace {
                    if written > start { target[written] = 0x20; written += 1 }
                    pendingSpace = false
                }
                target[written] = b
                written += 1
                while i < end {
                    let next = source[i]
                    guard next > 0x26 && next != 0x3C else { break }
                    target[written] = next
                    written += 1
                    i += 1
                }
                continue
            }
            switch b {
            case 0x3C: // a tag, up to its ">"
                if let close = memchr(source + i, 0x3E, end - i) {
                    i = source.distance(to: close.assumingMemoryBound(to: UInt8.self)) + 1
                } else {
                    i = end
                }
                pendingSpace = true
                continue
            case 0x20, 0x0A, 0x09, 0x0D: pendingSpace = true; continue
            case 0x26:
                for (name, value) in Self.entities where i - 1 + name.count <= end {
                    if (1..<name.count).allSatisfy({ source[i - 1 + $0] == name[$0] }) {
                        b = value
                        i += name.count - 1
                        break
                    }
                }
            default: break
            }
            if pendingSpace && written > start {
                target[written] = 0x20
                written += 1
            }
            pendingSpace = false
            target[written] = b
            written += 1
        }
        count = written
    }

    /// The entities our renderer writes, with the byte each stands for.
    static let entities: [(name: [UInt8], value: UInt8)] = [
        (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E), (Array("&quot;".utf8), 0x22), (Array("&#39;".utf8), 0x27),
        (Array("&amp;".utf8), 0x26),
    ]

    /// A document's text file: one call with its text as a JSON string.
    static func textFile(name: String, text: String) -> String {
        String(decoding: textFile(name: name, text: Array(text.utf8)), as: UTF8.self)
    }

    /// As `textFile(name:text:)` from the text's UTF-8 bytes, as the bytes of the file: made in one buffer of the
    /// right size because the text is the whole document's, and never made a string (which checks every byte).
    static func textFile(name: String, text: [UInt8]) -> Data {
        let head = Array(passagesPrefix(name).utf8), tail = Array(");\n".utf8)
        var file = Data(capacity: head.count + text.count + tail.count + 2)
        file.append(contentsOf: head)
        if text.withUnsafeBufferPointer(isCleanJSON) {
            file.append(0x22)
            file.append(contentsOf: text)
            file.append(0x22)
        } else {
            file.append(contentsOf: JSONString.quote(String(decoding: text, as: UTF8.self)).utf8)
        }
        file.append(contentsOf: tail)
        return file
    }

    /// How the line of the passages named `name` begins in a context file (`textFile`).
    static func passagesPrefix(_ name: String) -> String { "CKSearch.text(" + JSONString.quote(name) + "," }

    /// True when the text needs no escape in a JSON string, which most texts do not: one pass over the bytes
    /// tells, and the text is then copied whole, where JSONString looks for seven cases at each byte.
    static func isCleanJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // one table lookup for the common byte: a control character, ", \, < or the lead byte of U+2028/9
            if mayNeedEscape[Int(b)] {
                if b != 0xE2 { return false }
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript
                if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            }
            i += 1
        }
        return true
    }

    /// The bytes `isCleanJSON` looks at twice.
    private static let mayNeedEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }
}
