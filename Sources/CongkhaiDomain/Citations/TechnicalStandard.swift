/// A technical standard or regulation named in the text: "QCVN 03:2023/BCA",
/// "TCVN 5738:2021". It is a reference of its own kind: listed and linkable,
/// but not a document with a number and a year of this site's numbering.
public struct TechnicalStandard: Sendable, Hashable, Codable {
    /// "QCVN", "TCVN", "QCĐP", "TCCS", ...
    public let kind: String
    /// "03:2023/BCA", as written.
    public let designation: String
    /// The year after the colon.
    public let year: Int?
    /// UTF-8 offsets of "QCVN 03:2023/BCA" in the scanned text.
    public let range: Range<Int>

    /// "QCVN 03:2023/BCA".
    public var written: String { kind + " " + designation }

    /// Compares standards whatever the spacing and case: "QCVN03:2023/BCA" is "QCVN 03:2023/BCA".
    public var key: String { (kind + designation).uppercased() }

    /// Prefixes of Vietnamese standards and technical regulations, longest first.
    public static let kinds = ["TCXDVN", "QCXDVN", "QCVN", "TCVN", "QCĐP", "QCDP", "TCCS", "TCN"]
    /// Their bytes, made once: a word starting with T or Q ("Tỉnh", "Theo", "Quyết") is met on every line.
    private static let kindBytes = kinds.map { ($0, Array($0.utf8)) }

    /// Every standard named in `text`, in order. Linear: one pass over the bytes.
    public static func scan(_ text: String) -> [TechnicalStandard] {
        var text = text
        // On the string's own bytes, without bounds checks: this reads every text of every document.
        return text.withUTF8 { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [TechnicalStandard] {
        var out: [TechnicalStandard] = []
        var i = 0
        // The next "T" and the next "Q" are found by memchr: the bytes between are never looked at one by one.
        var nextT = -1, nextQ = -1
        while i < bytes.count {
            if nextT < i { nextT = bytes.index(of: 0x54, from: i) }
            if nextQ < i { nextQ = bytes.index(of: 0x51, from: i) }
            i = min(nextT, nextQ)
            guard i < bytes.count else { break }
            guard i == 0 || !isWordByte(bytes[i - 1]),
                  let kind = kindBytes.first(where: { matches(bytes, i, $0.1) })?.0 else { i += 1; continue }
            var k = i + kind.utf8.count
            if k < bytes.count, bytes[k] == 0x20 { k += 1 }
            let begin = k
            while k < bytes.count, isDesignationByte(bytes[k]) { k += 1 }
            while k > begin, bytes[k - 1] == 0x2E || bytes[k - 1] == 0x2D || bytes[k - 1] == 0x2F { k -= 1 }
            let designation = String(decoding: bytes[begin..<k], as: UTF8.self)
            // "5738:2021", "03:2023/BCA", "01-2008/BCT": starts with a digit
            guard let first = designation.first, first.isNumber else { i += kind.utf8.count; continue }
            let year = designation.split(separator: ":").dropFirst().first.flatMap { Int($0.prefix(4)) }
            out.append(TechnicalStandard(kind: kind, designation: designation, year: year, range: i..<k))
            i = k
        }
        return out
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// Digits, letters (Vietnamese included), ":", "/", "-", ".".
    private static func isDesignationByte(_ b: UInt8) -> Bool {
        isWordByte(b) || b == 0x3A || b == 0x2F || b == 0x2D || b == 0x2E
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= bytes.count else { return false }
        for i in 0..<word.count where bytes[at + i] != word[i] { return false }
        return true
    }
}
