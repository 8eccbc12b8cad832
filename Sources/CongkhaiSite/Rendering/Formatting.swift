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

    /// The number as a reader looks for it: as printed, or the symbol after a blank.
    static func number(_ number: DocumentNumber?) -> String? {
        guard let number else { return nil }
        return number.number == nil ? "…/" + number.symbol : number.written
    }
}
