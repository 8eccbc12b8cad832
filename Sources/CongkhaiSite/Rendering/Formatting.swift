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

extension String {
    /// `trimmingCharacters(in: .whitespaces)` (Unicode's space separators and the tab), without Foundation's pass
    /// (a bridge to NSString on Linux) when neither end is one: most texts, trimmed on every page.
    var trimmingSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, first.isSpace || last.isSpace else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

extension Unicode.Scalar {
    /// In `CharacterSet.whitespaces`: a space separator (Zs), the tab, or (in swift-corelibs-foundation) the zero
    /// width space; RenderSpeedEquivalenceTests compares the two.
    var isSpace: Bool { self == "\t" || value == 0x200B || properties.generalCategory == .spaceSeparator }
}
