import CongkhaiDomain

/// Escaping for the XML files the build writes by hand (feeds, sitemap).
/// Foundation's XMLDocument is not on Linux without FoundationXML and would
/// not give stable attribute order; the files are small and flat.
enum XMLText {
    /// Text and attribute values: the five predefined entities, and characters
    /// XML 1.0 forbids (controls other than tab, newline, return) dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || (0xFFFE...0xFFFF).contains(ch.value) { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension DocumentDate {
    /// An Atom / sitemap timestamp: the day it names at midnight in Việt Nam
    /// (UTC+7). A date known only to the month or year counts from its first
    /// day, since both formats need a full date; the page itself keeps the precision.
    var timestamp: String { firstDay + "T00:00:00+07:00" }

    /// "2020-04-01" for April 2020: a full date, as xsd:date wants.
    var firstDay: String {
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        return String(year) + "-" + two(month ?? 1) + "-" + two(day ?? 1)
    }
}
