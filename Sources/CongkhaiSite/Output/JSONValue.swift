import CongkhaiDomain

/// A JSON value with keys kept in the order given, so that the open data
/// reads well and is byte-identical from one build to the next.
enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func optional(_ n: Int?) -> JSONValue { n.map(JSONValue.int) ?? .null }

    /// Indented two spaces a level, ending in a newline: the open data's files.
    func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The same as UTF-8, for a file written as bytes.
    func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sizeEstimate)
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// On one line, without spaces: for JSON carried inside every page (JSON-LD), where size counts more than reading.
    func compactSerialized() -> String {
        String(decoding: compactBytes(), as: UTF8.self)
    }

    /// The compact form as UTF-8, for a caller that rewrites it before it becomes a string.
    func compactBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sizeEstimate)
        writeCompact(into: &out)
        return out
    }

    /// About the size written, so that the buffer is allocated once: the text of the strings, an eighth
    /// more for their escapes (`<` is six bytes in a page's HTML), and room for keys and punctuation.
    /// A JSON twin is mostly its body's HTML, tens of kilobytes that would otherwise be copied as it grows.
    private var sizeEstimate: Int {
        switch self {
        case .string(let s): return s.utf8.count + s.utf8.count / 8 + 2
        case .int, .bool, .null: return 8
        case .array(let items): return items.reduce(8) { $0 + $1.sizeEstimate + 8 }
        case .object(let pairs): return pairs.reduce(8) { $0 + $1.0.utf8.count + $1.1.sizeEstimate + 12 }
        }
    }

    private func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONString.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default: write(into: &out, indent: 0)
        }
    }

    /// A catalogue: `{"count": n, key: [items]}`, byte for byte what
    /// `.object(...).serialized()` writes, with the items written on all cores
    /// (documents.json holds tens of megabytes at 10,000 documents).
    static func catalogue(_ key: String, _ items: [JSONValue]) -> String {
        catalogue(key, items) { $0 }
    }

    /// The same, each item made from its source as it is written: on all cores too, and without
    /// holding every item's tree at once.
    static func catalogue<Source>(_ key: String, _ sources: [Source], item: (Source) -> JSONValue) -> String {
        var pieces: [String] = []
        catalogue(key, sources, item: item) { pieces.append($0) }
        return pieces.joined()
    }

    /// Items a catalogue makes at once: a few megabytes of text, enough to keep all cores busy.
    static let catalogueBatch = 1024

    /// The same, handed over piece by piece as it is made (to `PageSink.write(_:streaming:)`): the items are made a
    /// batch at a time, so that neither their trees nor their text are ever all held (documents.json, 50 MB at
    /// 10,000 documents, was held whole beside its pieces: the build's peak of memory).
    static func catalogue<Source>(_ key: String, _ sources: [Source], item: (Source) -> JSONValue, into append: (String) -> Void) {
        var head = "{\n  "
        JSONString.quote("count", into: &head)
        head += ": \(sources.count),\n  "
        JSONString.quote(key, into: &head)
        guard !sources.isEmpty else { return append(head + ": []\n}\n") }
        append(head + ": [\n")
        for start in stride(from: 0, to: sources.count, by: catalogueBatch) {
            // Each item becomes a string where it is written, on all cores: making a string checks its
            // UTF-8, about ten instructions a byte, which for the whole of documents.json ran on one core.
            let written = parallelMap(Array(sources[start..<min(sources.count, start + catalogueBatch)])) { source -> String in
                let value = item(source)
                var out: [UInt8] = []
                out.reserveCapacity(value.sizeEstimate + 4)
                appendIndent(2, to: &out)
                value.write(into: &out, indent: 2)
                return String(decoding: out, as: UTF8.self)
            }
            // Assembled once into a string of the right size: appending a string copies it.
            var out = ""
            out.reserveCapacity(written.reduce(16) { $0 + $1.utf8.count + 2 })
            for (i, piece) in written.enumerated() {
                if start + i > 0 { out += ",\n" }
                out += piece
            }
            append(out)
        }
        append("\n  ]\n}\n")
    }

    /// Two spaces a level.
    private static func appendIndent(_ depth: Int, to out: inout [UInt8]) {
        for _ in 0..<2 * depth { out.append(UInt8(ascii: " ")) }
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let s): JSONString.quote(s, into: &out)
        case .int(let n): out += String(n).utf8
        case .bool(let b): out.append(ascii: b ? "true" : "false")
        case .null: out.append(ascii: "null")
        case .array(let items):
            guard !items.isEmpty else { out.append(ascii: "[]"); return }
            out.append(ascii: "[\n")
            for (i, item) in items.enumerated() {
                Self.appendIndent(indent + 1, to: &out)
                item.write(into: &out, indent: indent + 1)
                out.append(ascii: i + 1 < items.count ? ",\n" : "\n")
            }
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { out.append(ascii: "{}"); return }
            out.append(ascii: "{\n")
            for (i, (key, value)) in pairs.enumerated() {
                Self.appendIndent(indent + 1, to: &out)
                JSONString.quote(key, into: &out)
                out.append(ascii: ": ")
                value.write(into: &out, indent: indent + 1)
                out.append(ascii: i + 1 < pairs.count ? ",\n" : "\n")
            }
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}

private extension Array where Element == UInt8 {
    /// A piece of the JSON's punctuation, copied as bytes: appending a `String`'s `utf8` goes through
    /// the generic path for sequences (about 170 instructions a time in callgrind; this, about 95).
    mutating func append(ascii piece: StaticString) {
        piece.withUTF8Buffer { append(contentsOf: $0) }
    }
}
