import CongkhaiDomain
import Foundation

/// What a person must check in text read by OCR. Tesseract confuses Đ and D,
/// ọ and o, O and 0 inside identifiers ("245/QĐ-UBND" read as "245/QD-UBND"),
/// and a wrong identifier links a citation to the wrong document. Nothing is
/// corrected here: guessing would hide the error; each identifier whose
/// characters OCR often confuses is named with its line so that a person
/// compares it with the original.
public enum OCRReview {
    public struct Flag: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let identifier: String

        public var description: String { "line \(line): \(identifier)" }
    }

    /// A symbol with a letter OCR reads unreliably: any accented letter (Đ, Ơ, ọ…),
    /// or a code that is almost always an accented one misread ("QD" for QĐ, "ND" for NĐ).
    static func needsCheck(_ number: DocumentNumber) -> Bool {
        if number.symbol.contains(where: { $0.isLetter && !$0.isASCII }) { return true }
        return number.symbolParts.contains { ["QD", "ND", "QDi", "DA", "DU"].contains($0) }
    }

    /// Identifiers (numbers and symbols) in the text whose symbol holds a confusable character.
    public static func flags(in text: String) -> [Flag] {
        var flags: [Flag] = []
        var seen: Set<String> = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for token in identifierTokens(String(line)) where !seen.contains("\(offset):\(token)") {
                guard let number = DocumentNumber.parse(token), needsCheck(number) else { continue }
                seen.insert("\(offset):\(token)")
                flags.append(Flag(line: offset + 1, identifier: number.written))
            }
        }
        return flags
    }

    /// Words shaped like an identifier: a slash and a digit, no spaces ("318/STTTT-BCVT", "19-CT/TU").
    static func identifierTokens(_ line: String) -> [String] {
        line.split(whereSeparator: { " ,;()\"“”".contains($0) })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".:*_")) }
            .filter { $0.contains("/") && $0.contains(where: \.isNumber) && $0.count >= 5 }
    }
}
