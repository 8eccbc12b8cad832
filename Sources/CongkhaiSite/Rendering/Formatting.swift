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

    /// `a + b + c` made at its size at once: each `+` of strings too long to be held inline allocated and copied again
    /// (`Routes.href` is two of them), for the tens of links of a document's page.
    static func joined(_ a: String, _ b: String, _ c: String = "") -> String {
        var (a, b, c) = (a, b, c)
        return a.withUTF8 { a in
            b.withUTF8 { b in
                c.withUTF8 { c in
                    String(unsafeUninitializedCapacity: a.count + b.count + c.count) { out in
                        var n = 0
                        func put(_ part: UnsafeBufferPointer<UInt8>) {
                            guard let start = part.baseAddress, !part.isEmpty else { return }
                            (out.baseAddress! + n).initialize(from: start, count: part.count)
                            n += part.count
                        }
                        put(a)
                        put(b)
                        put(c)
                        return n
                    }
                }
            }
        }
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
