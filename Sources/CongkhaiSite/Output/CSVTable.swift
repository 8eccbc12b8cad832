/// A CSV file (RFC 4180) that spreadsheets open correctly: UTF-8 with a
/// byte-order mark (Excel reads Vietnamese as another code page without it),
/// CRLF line ends, fields quoted when they hold a comma, quote or line break.
/// Written by hand: no package of the build writes CSV, and the format is a few rules.
struct CSVTable {
    let header: [String]
    var rows: [[String]] = []

    init(header: [String]) { self.header = header }

    mutating func append(_ row: [String]) { rows.append(row) }

    var text: String {
        var out = "\u{FEFF}"
        for row in [header] + rows { out += row.map(Self.field).joined(separator: ",") + "\r\n" }
        return out
    }

    /// One field, safe in a spreadsheet: a value that begins with = + - @ (or a
    /// tab or return, which some spreadsheets skip before one) would run as a
    /// formula (CSV injection), so it is prefixed with an apostrophe, as OWASP advises.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
