import CongkhaiDomain
import Foundation

/// How values read on a page.
enum Formatting {
    /// "24 KB", "1,2 MB": sizes with a Vietnamese decimal comma.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kb = Double(bytes) / 1024
        if kb < 1024 { return "\(Int(kb.rounded())) KB" }
        let mb = kb / 1024
        return String(format: "%.1f MB", mb).replacingOccurrences(of: ".", with: ",")
    }

    /// The relative way from a page's folder back to the site root: "../../".
    static func root(of pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count)
    }

    /// A link to a page folder that also works opened from disk.
    static func href(_ root: String, _ pagePath: String) -> String {
        pagePath.isEmpty ? root + "index.html" : root + pagePath + "index.html"
    }

    /// The number as a reader looks for it: as printed, or the symbol after a blank.
    static func number(_ number: DocumentNumber?) -> String? {
        guard let number else { return nil }
        return number.number == nil ? "…/" + number.symbol : number.written
    }
}
