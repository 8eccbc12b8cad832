/// Checks on a content file's bytes as it is read as text: an encoding that is
/// not UTF-8 but passes for it, and NUL bytes (which end C strings, so
/// cmark-gfm would cut the page at the first one).
public enum SourceText {
    /// UTF-16 or UTF-32 text, with or without a byte-order mark. ASCII text in
    /// UTF-16 is valid UTF-8 (every other byte a NUL) and would be published as
    /// garbage. Only the first 4 KB are looked at.
    public static func encodingProblem<Bytes: Collection>(_ bytes: Bytes, file: String) -> Diagnostic?
    where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(4096))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0, 0, 0xFE, 0xFF]) {
            return Diagnostic(.error, file: file, line: 1, .notUTF16)
        }
        guard head.count >= 4 else { return nil }
        var evenNULs = 0, oddNULs = 0
        for (i, byte) in head.enumerated() where byte == 0 {
            if i % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        // In UTF-16 text of Latin letters and digits, nearly every byte of one parity is a NUL.
        let pairs = head.count / 2
        guard max(evenNULs, oddNULs) * 10 >= pairs * 4, min(evenNULs, oddNULs) * 4 <= max(evenNULs, oddNULs) else { return nil }
        let order = oddNULs > evenNULs ? "UTF-16LE" : "UTF-16BE"
        return Diagnostic(.error, file: file, line: 1, .notUTF8Guess, ["encoding": order])
    }

    /// The text without its NUL characters, and a warning naming the line of the first.
    public static func removingNULs(_ text: String, file: String) -> (String, Diagnostic?) {
        // memchr over the contiguous bytes: the generic UTF8View.contains was most of this check's time.
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(0)
        guard hasNUL else { return (text, nil) }
        var line = 1
        var count = 0
        var firstLine: Int?
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar.value == 0 {
                count += 1
                if firstLine == nil { firstLine = line }
                continue
            }
            kept.append(scalar)
        }
        return (String(kept), Diagnostic(.warning, file: file, line: firstLine, .nulRemoved, ["count": String(count)]))
    }
}

import Foundation
