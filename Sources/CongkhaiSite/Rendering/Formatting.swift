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

    /// `DocumentDate.short` ("15/4/2016" as "15/04/2016"), written as bytes: the domain's version joins small strings,
    /// about two thousand instructions for each of the tens of dates a document's links show.
    static func short(_ date: DocumentDate) -> String {
        String(unsafeUninitializedCapacity: 10) { out in
            var n = 0
            if let month = date.month {
                if let day = date.day { n = twoDigits(day, into: out, at: n); out[n] = UInt8(ascii: "/"); n += 1 }
                n = twoDigits(month, into: out, at: n); out[n] = UInt8(ascii: "/"); n += 1
            }
            return year(date.year, into: out, at: n)
        }
    }

    /// `DocumentDate.iso` ("2020-01-05", "2020-01", "2020"), written as bytes.
    static func iso(_ date: DocumentDate) -> String {
        String(unsafeUninitializedCapacity: 10) { out in
            var n = year(date.year, into: out, at: 0)
            if let month = date.month { out[n] = UInt8(ascii: "-"); n = twoDigits(month, into: out, at: n + 1) }
            if let day = date.day { out[n] = UInt8(ascii: "-"); n = twoDigits(day, into: out, at: n + 1) }
            return n
        }
    }

    /// `DocumentDate.official` ("ngày 05 tháng 01 năm 2020"; months after February without their zero), written as bytes.
    static func official(_ date: DocumentDate) -> String {
        String(unsafeUninitializedCapacity: 40) { out in
            var n = 0
            func put(_ text: StaticString) {
                text.withUTF8Buffer { for byte in $0 { out[n] = byte; n += 1 } }
            }
            if let day = date.day { put("ngày "); n = twoDigits(day, into: out, at: n); put(" ") }
            if let month = date.month {
                put("tháng ")
                if month <= 2 || month >= 10 { n = twoDigits(month, into: out, at: n) } else { out[n] = 48 + UInt8(month); n += 1 }
                put(" ")
            }
            put("năm ")
            return year(date.year, into: out, at: n)
        }
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

    /// `Routes.href(root, path)`: the root, the path and the file that serves it (what `Routes.file(of:)` appends).
    static func href(_ root: String, _ path: String) -> String { joined(root, path, Routes.file(of: "")) }

    /// 1 to 99 as two digits ("05", "31"), at `at`; where the next byte goes.
    private static func twoDigits(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        out[n] = 48 + UInt8(value / 10)
        out[n + 1] = 48 + UInt8(value % 10)
        return n + 2
    }

    /// A date's year: four digits, which DocumentDate checks (1000 to 9999).
    private static func year(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        out[n] = 48 + UInt8(value / 1000)
        out[n + 1] = 48 + UInt8(value / 100 % 10)
        out[n + 2] = 48 + UInt8(value / 10 % 10)
        out[n + 3] = 48 + UInt8(value % 10)
        return n + 4
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
