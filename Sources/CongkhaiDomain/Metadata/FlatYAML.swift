/// Front matter as nearly every file writes it: one `key: value` per line, the value plain or quoted on its line.
/// Read by hand, since composing a few such lines with Yams (libyaml's events, nodes, tag resolution on every key)
/// was most of what reading front matter cost. Anything this does not take as certain (a list, a nested map, an
/// empty value, a comment, an escape, a tab, a line break libyaml counts that Swift does not, a repeated key) is
/// nil, and Yams reads it as before; what it does read gives the pairs, in order, Yams composes for it.
enum FlatYAML {
    typealias Pair = (key: String, value: YAMLValue)

    static func pairs(in yaml: String) -> [Pair]? {
        var yaml = yaml
        return yaml.withUTF8 { pairs(in: $0) }
    }

    static func pairs(in bytes: UnsafeBufferPointer<UInt8>) -> [Pair]? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var out: [Pair] = []
        var keys = Set<String>()
        var lineStart = 0
        var lineIndex = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            // a blank line between entries changes nothing; one holding spaces could continue a value
            if lineEnd > lineStart {
                // libyaml's marks count lines from 0 and Yams from 1; the YAML opens on the file's second line
                guard let pair = pair(in: bytes, from: lineStart, to: lineEnd, fileLine: lineIndex + 2) else { return nil }
                // Yams refuses a key given twice (Swift's equality, as its nodes compare): left to it
                guard keys.insert(pair.key).inserted else { return nil }
                out.append(pair)
            }
            lineStart = lineEnd + 1
            lineIndex += 1
        }
        return out.isEmpty ? nil : out
    }

    /// No byte libyaml reads otherwise than as a printable character of a line: controls (tab and carriage return
    /// among them), C1 controls with NEL (C2 80–9F), the line and paragraph separators (E2 80 A8–A9), the byte
    /// order mark (EF BB BF) and the non-characters U+FFFE and U+FFFF. The text is valid UTF-8.
    static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                guard byte == 0x0A || (0x20...0x7E).contains(byte) else { return false }
                i += 1
                continue
            }
            let second: UInt8 = i + 1 < count ? bytes[i + 1] : 0
            let third: UInt8 = i + 2 < count ? bytes[i + 2] : 0
            switch byte {
            case 0xC2 where second < 0xA0: return false
            case 0xE2 where second == 0x80 && (third == 0xA8 || third == 0xA9): return false
            case 0xEF where second == 0xBB && third == 0xBF: return false
            case 0xEF where second == 0xBF && (third == 0xBE || third == 0xBF): return false
            default: i += 1
            }
        }
        return true
    }

    /// `key: value` from column 0: a plain key of letters, digits and a few marks, ": ", then a value closed on the line.
    static func pair(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, fileLine: Int) -> Pair? {
        guard startsPlainScalar(bytes[start]) else { return nil }
        var colon = start
        while colon < end, bytes[colon] != UInt8(ascii: ":") {
            guard isKeyByte(bytes[colon]) else { return nil }
            colon += 1
        }
        // a simple key is at most 1024 characters in libyaml; spaces before the colon are trimmed by it: left to it
        guard colon < end, colon - start < 1000, bytes[colon - 1] != 0x20, colon + 1 < end, bytes[colon + 1] == 0x20 else {
            return nil
        }
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 { valueStart += 1 }
        guard valueStart < end, let value = scalar(in: bytes, from: valueStart, to: end) else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
        if value.isPlain, value.text == "null" { return (key, .null(line: fileLine)) }
        return (key, .text(value.text, line: fileLine))
    }

    /// A double-quoted value without escapes, a single-quoted one without a doubled quote, or a plain value without
    /// ":" or "#" (which could end it or open a comment); only spaces may follow a closing quote.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (text: String, isPlain: Bool)? {
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var close = start + 1
            while close < end, bytes[close] != first {
                if first == UInt8(ascii: "\""), bytes[close] == UInt8(ascii: "\\") { return nil }
                close += 1
            }
            guard close < end else { return nil }
            var after = close + 1
            while after < end, bytes[after] == 0x20 { after += 1 }
            guard after == end else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<close]), as: UTF8.self), false)
        }
        guard startsPlainScalar(first) else { return nil }
        var last = end
        while bytes[last - 1] == 0x20 { last -= 1 }
        for i in start..<last where bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: "#") { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self), true)
    }

    /// An ASCII letter or digit, or the first byte of a character beyond ASCII: never one of YAML's indicators.
    static func startsPlainScalar(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        startsPlainScalar(byte) || byte == 0x20 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
    }
}
