@testable import CongkhaiSite
import CongkhaiDomain
import Foundation
import Testing

/// The renderer's citation shortcuts compared with the slower code they replaced, on random text.
@Suite struct RenderingCitationSpeedTests {
    /// `DocumentTextRenderer.mayHoldCitation` as it was, byte by byte without skipping words free of digits.
    static func mayHoldCitationByteByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func startsLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0xC3 }
        let n = bytes.count
        var j = 1
        while j + 1 < n {
            let byte = bytes[j]
            if byte == 0x2F || byte == 0x2D, isDigit(bytes[j - 1]) {
                let k = j + 1
                if startsLetter(bytes[k]) { return true }
                if k + 5 < n, isDigit(bytes[k]), isDigit(bytes[k + 1]), isDigit(bytes[k + 2]), isDigit(bytes[k + 3]),
                   bytes[k + 4] == 0x2F, startsLetter(bytes[k + 5]) { return true }
            }
            j += 1
        }
        return false
    }

    static let pieces = ["1", "2", "0", "15", "2020", "144", "/", "-", "‐", "–", " ", "NĐ", "CP", "KH", "TU", "QĐ", "UBND", ":",
                         ".", "số ", "Nghị định ", "Kế hoạch ", "ngày ", "của ", "Ủy ban", "“", "”", "x", "a", "\n", "_", "&",
                         "D\u{0323}", "\u{0301}", "prose without digits ", "văn bản ", "2015/", "9/", "/X"]

    @Test func skippingWordsWithoutDigitsChangesNoAnswer() {
        var generator = SystemRandomNumberGenerator()
        var held = 0
        for _ in 0..<50_000 {
            var text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let (fast, slow) = text.withUTF8 { (DocumentTextRenderer.mayHoldCitation($0), Self.mayHoldCitationByteByByte($0)) }
            if slow { held += 1 }
            #expect(fast == slow, "\(text)")
        }
        #expect(held > 1000)
    }
}
