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

    /// The whole file: BOM, header, rows, each record ending in CRLF.
    public var text: String {
        "\u{FEFF}" + lines.joined()
    }

    static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised then quoted as the RFC asks.
    static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, formulaStarts.contains(first) { cell = "'" + cell }
        let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What a spreadsheet takes as the start of a formula (OWASP, CSV Injection).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
