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

    func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    /// On one line, without spaces: for JSON carried inside every page (JSON-LD), where size counts more than reading.
    func compactSerialized() -> String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() { if i > 0 { out += "," }; item.writeCompact(into: &out) }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.escape(key, into: &out)
                out += ":"
                value.writeCompact(into: &out)
            }
            out += "}"
        default: write(into: &out, indent: 0)
        }
    }

    /// A catalogue: `{"count": n, key: [items]}`, byte for byte what
    /// `.object(...).serialized()` writes, with the items written on all cores
    /// (documents.json holds tens of megabytes at 10,000 documents).
    static func catalogue(_ key: String, _ items: [JSONValue]) -> String {
        var head = "{\n  "
        escape("count", into: &head)
        head += ": \(items.count),\n  "
        escape(key, into: &head)
        guard !items.isEmpty else { return head + ": []\n}\n" }
        let written = parallelMap(items) { item -> String in
            var out = "    "
            item.write(into: &out, indent: 2)
            return out
        }
        // Assembled once into a string of the right size: documents.json is about 50 MB at
        // 10,000 documents, and joining then concatenating copied it four times.
        var out = ""
        out.reserveCapacity(head.utf8.count + written.reduce(16) { $0 + $1.utf8.count + 2 })
        out += head
        out += ": [\n"
        for (i, piece) in written.enumerated() {
            if i > 0 { out += ",\n" }
            out += piece
        }
        out += "\n  ]\n}\n"
        return out
    }

    /// Indentation by depth, made once rather than on every line written.
    private static let indents = (0..<32).map { String(repeating: "  ", count: $0) }
    private static func indent(_ depth: Int) -> String { depth < indents.count ? indents[depth] : String(repeating: "  ", count: depth) }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): Self.escape(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += Self.indent(indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += Self.indent(indent)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += Self.indent(indent + 1)
                Self.escape(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += Self.indent(indent)
            out += "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        JSONString.quote(s, into: &out)
    }
}
