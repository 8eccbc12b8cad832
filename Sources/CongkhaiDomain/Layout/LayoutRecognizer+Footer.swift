/// "Nơi nhận:" with its list, and the signature block.
extension LayoutRecognizer {
    /// Finds "Nơi nhận:" with its recipients and the signature block (or a
    /// signature alone at the end); returns where the footer starts and ends.
    func readFooter(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> (start: Int, end: Int)? {
        guard start < lines.count else { return nil }
        if let received = lines[start...].lastIndex(where: { Self.isRecipientsLine($0.text) }) {
            var index = received
            var recipients: [String] = []
            let afterLabel = LineText.clean(lines[index].text).drop(while: { $0 != ":" }).dropFirst().trimmingCharacters(in: .whitespaces)
            if !afterLabel.isEmpty { recipients.append(Self.recipient(afterLabel)) }
            index += 1
            while index < lines.count {
                let clean = LineText.clean(lines[index].text)
                let isItem = LineText.isBullet(lines[index].text) || LineText.isBullet(clean) || clean.hasSuffix(";") || clean.hasPrefix("Lưu")
                guard isItem else { break }
                recipients.append(Self.recipient(clean))
                index += 1
                if clean.drop(while: { "-+•* ".contains($0) }).hasPrefix("Lưu") { break }
            }
            layout.metadata.recipients = recipients.filter { !$0.isEmpty }
            if let end = readSignature(lines, from: index, into: &layout) {
                return (received, end)
            }
            // the signature may stand just before "Nơi nhận:" (two columns read left last)
            if let signatureStart = signatureBefore(lines, end: received, notBefore: start, into: &layout) {
                return (signatureStart, index)
            }
            return (received, index)
        }
        if let signatureStart = signatureBefore(lines, end: lines.count, notBefore: start, into: &layout) {
            return (signatureStart, lines.count)
        }
        return nil
    }

    static func isRecipientsLine(_ line: String) -> Bool {
        let clean = LineText.head(line, length: 20)
        return clean.hasPrefix("Nơi nhận") || clean.hasPrefix("NƠI NHẬN")
    }

    static func recipient(_ line: String) -> String {
        var s = Substring(line).drop(while: { "-+•*– ".contains($0) })
        while let l = s.last, l == ";" || l == "," || l == " " { s = s.dropLast() }
        if s.hasSuffix(".") && !s.hasSuffix("..") { s = s.dropLast() }
        return String(s)
    }

    /// Reads position lines and the signer's name starting at `start`; returns the index after the name.
    func readSignature(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> Int? {
        var index = start
        var positions: [String] = []
        while index < lines.count, positions.count < 5 {
            let clean = LineText.clean(lines[index].text)
            if Self.isSignatureNote(clean) { index += 1; continue }
            if Self.isPositionLine(clean) { positions.append(clean); index += 1; continue }
            if !positions.isEmpty, Self.isNameLine(clean) {
                layout.metadata.signerTitle = positions
                layout.metadata.signer = clean
                return index + 1
            }
            break
        }
        return nil
    }

    /// A signature block ending just before `end`: positions, notes, then the name.
    func signatureBefore(_ lines: [SourceLine], end: Int, notBefore: Int, into layout: inout PrintedLayout) -> Int? {
        var index = end - 1
        guard index >= notBefore, Self.isNameLine(LineText.clean(lines[index].text)) else { return nil }
        let name = LineText.clean(lines[index].text)
        index -= 1
        while index >= notBefore, Self.isSignatureNote(LineText.clean(lines[index].text)) { index -= 1 }
        var positions: [String] = []
        while index >= notBefore, positions.count < 4, Self.isPositionLine(LineText.clean(lines[index].text)) {
            positions.insert(LineText.clean(lines[index].text), at: 0)
            index -= 1
        }
        guard positions.contains(where: Self.hasAuthorityWord) else { return nil }
        layout.metadata.signerTitle = positions
        layout.metadata.signer = name
        return index + 1
    }

    static let authorityPrefixes = ["TM.", "T/M", "Q.", "KT.", "K/T", "TL.", "T/L", "TUQ.", "TUQ"]
    static let positionWords = ["GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG", "BÍ THƯ", "CHÁNH", "THỦ TRƯỞNG", "PHÓ", "ỦY VIÊN", "UỶ VIÊN", "TỔNG", "CỤC"]

    static func isPositionLine(_ clean: String) -> Bool {
        clean.count <= 80 && VietnameseText.isUpperCase(clean) && !isAppendixHeading(clean)
    }

    static func hasAuthorityWord(_ clean: String) -> Bool {
        authorityPrefixes.contains(where: { clean.hasPrefix($0) }) || positionWords.contains(where: { clean.contains($0) })
    }

    static func isSignatureNote(_ clean: String) -> Bool {
        let f = VietnameseText.fold(clean)
        return (f.hasPrefix("(") || f.hasPrefix("[")) && (f.contains("da ky") || f.contains("ky ten") || f.contains("dong dau") || f.contains("chu ky"))
    }

    /// "Nguyễn Văn An": two to six words, each starting with a capital, no digits or end punctuation.
    static func isNameLine(_ clean: String) -> Bool {
        let words = clean.split(separator: " ")
        guard (2...6).contains(words.count), clean.count <= 60 else { return false }
        guard !clean.contains(where: { $0.isNumber || ":;,/()".contains($0) }), !LineText.endsSentence(clean) else { return false }
        return words.allSatisfy { $0.first!.isUppercase && $0.first!.isLetter }
    }
}

import Foundation
