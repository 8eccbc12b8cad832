import Foundation

/// A CSV file as spreadsheets and the RFC read it. Written by hand because it
/// is three rules (quote, double quotes, line ends) that no package in the
/// build covers together with the two that matter here: the byte-order mark
/// and neutralising formulas.
///
/// - UTF-8 with a byte-order mark: without it Excel reads the file in the
///   computer's legacy code page and Vietnamese turns into mojibake.
/// - RFC 4180: CRLF between records; a field holding a comma, a double quote,
///   CR or LF is quoted, its double quotes doubled.
/// - CSV injection (OWASP): a cell whose text begins with `=`, `+`, `-`, `@`,
///   a tab or a carriage return is read by spreadsheets as a formula, which may
///   run commands or leak data when a citizen opens the file. Document text is
///   untrusted, so such a cell is written with an apostrophe in front, which
///   spreadsheets show as text and do not display.
public struct CSVWriter: Sendable {
    public let header: [String]
    private var lines: [String] = []

    public init(header: [String]) {
        self.header = header
        lines.append(Self.line(header))
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has \(row.count) cells for \(header.count) columns")
        lines.append(Self.line(row))
    }

    /// A row for each item, in order, their cells made and written on all cores (a catalogue's
    /// table has a row per document, tens of thousands of them).
    mutating func append<Item>(rowsFor items: [Item], cells: (Item) -> [String]) {
        let columns = header.count
        lines += parallelMap(items) { item in
            let row = cells(item)
            precondition(row.count == columns, "a CSV row has \(row.count) cells for \(columns) columns")
            return Self.line(row)
        }
    }

    /// The whole file: BOM, header, rows, each record ending in CRLF.
    public var text: String {
        var out = "\u{FEFF}"
        out.reserveCapacity(lines.reduce(3) { $0 + $1.utf8.count })
        for line in lines { out += line }
        return out
    }

    static func line(_ cells: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(cells.reduce(2) { $0 + $1.utf8.count + 3 })
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(cell, to: &out)
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// One cell, neutralised then quoted as the RFC asks.
    static func field(_ value: String) -> String {
        var out: [UInt8] = []
        appendField(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// On the UTF-8 bytes: every character that matters here is ASCII, and an ASCII byte in UTF-8
    /// is always that character, so looking at bytes finds what looking at characters did.
    private static func appendField(_ value: String, to out: inout [UInt8]) {
        var value = value
        // Over a buffer rather than the string's `utf8` view: a cell cost about 2,000 instructions
        // through the view, 700 this way (callgrind, the documents' table).
        value.withUTF8 { bytes in
            let isFormula = bytes.first.map(formulaStartBytes.contains) ?? false
            let needsQuotes = bytes.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
            }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
            if isFormula { out.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for byte in bytes {
                    out.append(byte)
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    /// What a spreadsheet takes as the start of a formula (OWASP, CSV Injection).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The same as bytes (all ASCII), looked through without hashing, once per cell.
    private static let formulaStartBytes = formulaStarts.map { UInt8($0.value) }
}
