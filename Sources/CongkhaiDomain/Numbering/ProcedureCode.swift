/// The code of an administrative procedure in the national database
/// ("1.004492"): an opaque string, never a number.
public enum ProcedureCode {
    /// Finds "mã 1.004492" (or "mã thủ tục: 1.004492") in a title or line.
    public static func find(in text: String) -> String? {
        let lower = text.lowercased()
        guard let range = lower.range(of: "mã") else { return nil }
        var rest = lower[range.upperBound...].drop(while: { $0 == " " || $0 == ":" })
        if rest.hasPrefix("thủ tục") { rest = rest.dropFirst("thủ tục".count).drop(while: { $0 == " " || $0 == ":" }) }
        let code = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        let trimmed = code.hasSuffix(".") ? code.dropLast() : code
        guard trimmed.contains("."), trimmed.first?.isNumber == true else { return nil }
        return String(trimmed)
    }
}
