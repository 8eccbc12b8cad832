@testable import CongkhaiSite
import CongkhaiDomain
import Foundation
import Testing

/// The open data is written into bytes and its CSV cells looked at byte by byte; these compare what
/// is written with what the earlier writers, kept here as references, wrote on strings, so that the
/// published files stay byte for byte the same. Compared as bytes: `==` on strings ignores normalisation.
@Suite struct OpenDataWritingTests {
    // MARK: references (the writers as they were)

    static func referenceIndented(_ value: JSONValue, _ indent: Int = 0) -> String {
        let pad = { (depth: Int) in String(repeating: "  ", count: depth) }
        switch value {
        case .string(let s): return JSONString.quote(s)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { pad(indent + 1) + referenceIndented($0, indent + 1) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + pad(indent) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n" + pairs.map { pad(indent + 1) + JSONString.quote($0.0) + ": " + referenceIndented($0.1, indent + 1) }
                .joined(separator: ",\n") + "\n" + pad(indent) + "}"
        }
    }

    static func referenceCompact(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): return "[" + items.map(referenceCompact).joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.map { JSONString.quote($0.0) + ":" + referenceCompact($0.1) }.joined(separator: ",") + "}"
        default: return referenceIndented(value)
        }
    }

    static func referenceField(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, CSVWriter.formulaStarts.contains(first) { cell = "'" + cell }
        let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: samples

    static let texts = ["", "Quyết định số 15/QĐ-STTTT", "<p>a \"b\" & c</p>\n", "\u{2028}–…", "e\u{301}", "=1+1", "-5", "@SUM(A1)",
                        "\tcmd", "\rx", "x,y", "say \"hi\"", "line\nbreak", "'quoted'", "+Đôn đốc; hạn 30/9", "😀, \"🇻🇳\""]

    static let nested: JSONValue = .object([
        ("url", .string("van-ban/2024/48-qd-stttt/")), ("year", .int(2024)), ("negative", .int(-7)), ("flag", .bool(true)),
        ("off", .bool(false)), ("nothing", .null), ("empty", .array([])), ("emptyObject", .object([])),
        ("texts", .array(texts.map(JSONValue.string))),
        ("deep", .array([.object([("a", .array([.array([.object([("b", .string("</script>"))])]), .null]))])])),
    ])

    // MARK: JSON

    @Test func indentedJSONIsWhatTheStringWriterWrote() {
        let cases: [JSONValue] = [.null, .int(0), .string("x<y"), .array([]), .object([]), Self.nested, .array([Self.nested, Self.nested])]
        for value in cases {
            #expect(Array(value.serialized().utf8) == Array((Self.referenceIndented(value) + "\n").utf8))
        }
    }

    @Test func compactJSONIsWhatTheStringWriterWrote() {
        #expect(Array(Self.nested.compactSerialized().utf8) == Array(Self.referenceCompact(Self.nested).utf8))
        #expect(Self.nested.compactBytes() == Array(Self.referenceCompact(Self.nested).utf8))
    }

    @Test func catalogueIsTheObjectSerialised() {
        for items in [[], [Self.nested], Array(repeating: Self.nested, count: 50) + [.string("last")]] {
            let whole = JSONValue.object([("count", .int(items.count)), ("documents", .array(items))])
            #expect(Array(JSONValue.catalogue("documents", items).utf8) == Array((Self.referenceIndented(whole) + "\n").utf8))
        }
    }

    @Test func linkedDataHidesTheCharactersThatEndAScript() {
        let json = JSONValue.object([("name", .string("</script><!-- a & b > c"))]).compactBytes()
        #expect(LinkedData.embeddable(json) == #"{"name":"\u003c/script\u003e\u003c!-- a \u0026 b \u003e c"}"#)
        #expect(LinkedData.embeddable(Array(#"{"a":"b"}"#.utf8)) == #"{"a":"b"}"#)
    }

    // MARK: CSV

    @Test func csvFieldsAreWhatTheScalarWriterWrote() {
        for text in Self.texts {
            #expect(Array(CSVWriter.field(text).utf8) == Array(Self.referenceField(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func rowsMadeOnAllCoresAreInOrder() {
        var parallel = CSVWriter(header: ["n", "text"])
        var serial = CSVWriter(header: ["n", "text"])
        let rows = (0..<500).map { [String($0), Self.texts[$0 % Self.texts.count]] }
        parallel.append(rowsFor: rows) { $0 }
        for row in rows { serial.append(row) }
        #expect(Array(parallel.text.utf8) == Array(serial.text.utf8))
        let expected = "\u{FEFF}n,text\r\n" + rows.map { $0.map(Self.referenceField).joined(separator: ",") + "\r\n" }.joined()
        #expect(Array(serial.text.utf8) == Array(expected.utf8))
    }
}
