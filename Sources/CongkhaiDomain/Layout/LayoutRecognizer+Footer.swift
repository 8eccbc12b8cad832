/// "Nơi nhận:" with its list, and the signature block.
extension LayoutRecognizer {
    /// Finds "Nơi nhận:" with its recipients and the signature block (or a
    /// signature alone at the end); returns where the footer starts and ends.
    func readFooter(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> (start: Int, end: Int)? {
        guard start < lines.count else { return nil }
        if let received = lines[start...].lastIndex(where: { Self.isRecipientsLine($0.text) }) {
            var index = received
            var recipients: [String] = []
            let afterLabel = LineText.clean(lines[index].text).drop(while: { $0 != ":" }).dropFirst().trimmingScalars(in: .whitespaces)
            if !afterLabel.isEmpty { recipients.append(Self.recipient(afterLabel)) }
            index += 1
            while index < lines.count {
                let clean = LineText.clean(lines[index].text)
                let isItem = LineText.isBullet(lines[index].text) || LineText.isBullet(clean) || clean.hasSuffix(";")
                    || clean.hasPrefix("Lưu")
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
        let end = Self.attachmentStart(lines, from: start)
        if let signatureStart = signatureBefore(lines, end: end, notBefore: start, into: &layout) {
            return (signatureStart, end)
        }
        return nil
    }

    static func isRecipientsLine(_ line: String) -> Bool {
        // Asked of every line of the body: cleaned only when it could start with "N" (see `LineText.firstTextByte`),
        // or starts with a non-ASCII scalar that might be canonically equivalent to it.
        guard let first = LineText.firstTextByte(line), first == UInt8(ascii: "N") || first >= 0x80 else { return false }
        let clean = LineText.head(line, length: 20)
        return clean.hasPrefix("Nơi nhận") || clean.hasPrefix("NƠI NHẬN")
    }

    static func recipient(_ line: String) -> String {
        var s = Substring(line).drop(while: isRecipientMark)
        // each last Character cut at the index before it: `dropLast()` on a Substring counted the whole of it
        while let l = s.last, l == ";" || l == "," || l == " " { s = s[..<s.index(before: s.endIndex)] }
        // `hasSuffix(".") && !hasSuffix("..")` on the last two Characters, without the generic suffix comparison
        if s.last == ".", s[..<s.index(before: s.endIndex)].last != "." { s = s[..<s.index(before: s.endIndex)] }
        return String(s)
    }

    /// `"-+•*– ".contains(c)`, without walking the literal's Characters for each character of every recipient.
    static func isRecipientMark(_ c: Character) -> Bool {
        c == "-" || c == "+" || c == "•" || c == "*" || c == "–" || c == " "
    }

    /// Reads position lines and the signer's name starting at `start`; returns the index after the name.
    /// A block of titles with no name under it (a copy posted before signing, a name
    /// printed as an image) still gives the titles, with a warning.
    func readSignature(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> Int? {
        var index = start
        var positions: [String] = []
        while index < lines.count, positions.count < 5, let clean = Self.signatureLine(lines[index].text) {
            if Self.isSignatureNote(clean) { index += 1; continue }
            if Self.isPositionLine(clean) { positions.append(clean); index += 1; continue }
            if !positions.isEmpty, let name = SignerName(clean) {
                sign(name, positions: positions, into: &layout)
                return index + 1
            }
            break
        }
        let atEnd = index == lines.count || (lines[index].startsParagraph && Self.startsAttachment(lines[index].text))
        guard atEnd, positions.contains(where: Self.hasAuthorityWord) else { return nil }
        sign(nil, positions: positions, line: lines[start].number, into: &layout)
        return index
    }

    /// A signature block ending just before `end`: positions, notes, then the name (or no name).
    func signatureBefore(_ lines: [SourceLine], end: Int, notBefore: Int, into layout: inout PrintedLayout) -> Int? {
        var index = end - 1
        guard index >= notBefore, let last = Self.signatureLine(lines[index].text) else { return nil }
        let name = SignerName(last)
        if name != nil { index -= 1 }
        while index >= notBefore, let clean = Self.signatureLine(lines[index].text), Self.isSignatureNote(clean) { index -= 1 }
        var positions: [String] = []
        while index >= notBefore, positions.count < 4, !lines[index].text.hasPrefix("|"),
              let clean = Self.signatureLine(lines[index].text), Self.isPositionLine(clean) {
            positions.insert(clean, at: 0)
            index -= 1
        }
        guard positions.contains(where: Self.hasAuthorityWord) else { return nil }
        // titles alone close a document only as a block of their own, never a numbered heading
        if name == nil, !lines[index + 1].startsParagraph || positions.contains(where: { LineText.numbering($0) != nil }) { return nil }
        sign(name, positions: positions, line: lines[index + 1].number, into: &layout)
        return index + 1
    }

    /// A line of a signature block is short: a long line is body text, and is not read whole.
    static func signatureLine(_ text: String) -> String? {
        text.utf8.count <= 400 ? LineText.clean(text) : nil
    }

    private func sign(_ name: SignerName?, positions: [String], line: Int = 0, into layout: inout PrintedLayout) {
        layout.metadata.signerTitle = positions
        layout.metadata.signer = name?.name
        layout.metadata.signerRank = name?.rank
        if name == nil {
            let block = positions.joined(separator: " / ")
            layout.findings.append(.init(line: line, .signerMissing, ["block": block]))
        }
    }

    /// Where the document's own text ends without "Nơi nhận:": an appendix, or a form
    /// to fill in ("Mẫu số 01") whose sign-off lines are not the document's signature.
    static func attachmentStart(_ lines: [SourceLine], from start: Int) -> Int {
        lines[start...].firstIndex { $0.startsParagraph && startsAttachment($0.text) } ?? lines.count
    }

    static func startsAttachment(_ line: String) -> Bool {
        guard line.utf8.count <= 200 else { return false }
        if isAppendixHeading(line) { return true }
        let clean = LineText.clean(line)
        guard LineText.hasAtMost(40, clean) else { return false }
        let folded = VietnameseText.fold(clean)
        return folded.hasPrefix("mau so ") || folded.hasPrefix("bieu mau") || folded.hasPrefix("bieu so ") || folded == "mau"
    }

    static let authorityPrefixes = ["TM.", "T/M", "Q.", "KT.", "K/T", "TL.", "T/L", "TUQ.", "TUQ"]
    static let positionWords = ["GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG", "BÍ THƯ", "CHÁNH", "THỦ TRƯỞNG", "PHÓ", "ỦY VIÊN", "UỶ VIÊN",
                                "TỔNG", "CỤC"]

    static func isPositionLine(_ clean: String) -> Bool {
        clean.count <= 80 && VietnameseText.isUpperCase(clean) && !isAppendixHeading(clean)
    }

    static func hasAuthorityWord(_ clean: String) -> Bool {
        authorityPrefixes.contains(where: { clean.hasPrefix($0) }) || positionWords.contains(where: { clean.contains($0) })
    }

    static func isSignatureNote(_ clean: String) -> Bool {
        let f = VietnameseText.fold(clean)
        return (f.hasPrefix("(") || f.hasPrefix("["))
            && ["da ky", "ky ten", "dong dau", "chu ky"].contains { f.contains($0) }
    }

    /// "Nguyễn Văn An": two to six words, each starting with a capital, no digits or end punctuation.
    static func isNameLine(_ clean: String) -> Bool {
        // The length first (both tests are pure): a long line is turned down after at most 61 Characters, not split whole.
        guard LineText.hasAtMost(60, clean) else { return false }
        let words = clean.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        // each Character compared with the six marks at once, not by walking a literal of them for every Character
        guard !clean.contains(where: { $0.isNumber || $0 == ":" || $0 == ";" || $0 == "," || $0 == "/" || $0 == "(" || $0 == ")" }),
              !LineText.endsSentence(clean) else { return false }
        return words.allSatisfy { $0.first!.isUppercase && $0.first!.isLetter }
    }
}

/// The signer's name as printed under the titles, with the rank or degree
/// printed before it ("Đại tá", "TS.") kept apart: it is not part of the name.
struct SignerName: Equatable {
    init(rank: String?, name: String) {
        self.rank = rank
        self.name = name
    }

    let rank: String?
    let name: String

    init?(_ clean: String) {
        let folded = clean.lowercased()
        let foldedLead = folded.utf8.first
        for index in Self.rankForms.indices {
            // A text whose first byte is ASCII starts with a Character that is a rank's single ASCII first scalar only
            // when that byte is it: most ranks are passed over without comparing Characters, nor copying their forms.
            if let lead = Self.rankLeads[index], let foldedLead, foldedLead < 0x80, foldedLead != lead { continue }
            let rank = Self.rankForms[index]
            guard folded.hasPrefix(rank.lowerSpaced) || (rank.endsWithDot && folded.hasPrefix(rank.lower)) else { continue }
            let rest = clean.dropFirst(rank.count).trimmingScalars(in: .whitespaces)
            guard LayoutRecognizer.isNameLine(rest) else { continue }
            self.rank = String(clean.prefix(rank.count))
            self.name = rest
            return
        }
        // "GIÁM ĐỐC" is a title, even where a name would stand
        let isTitle = VietnameseText.isUpperCase(clean) && LayoutRecognizer.hasAuthorityWord(clean)
        guard LayoutRecognizer.isNameLine(clean), !isTitle else { return nil }
        rank = nil
        name = clean
    }

    /// Military and police ranks, academic titles and degrees; longest first.
    static let ranks: [String] = [
        "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
        "Đại úy", "Đại uý", "Thượng úy", "Thượng uý", "Trung úy", "Trung uý", "Thiếu úy", "Thiếu uý",
        "GS.TSKH.", "GS.TS.", "PGS.TS.", "PGS. TS.", "GS. TS.", "TSKH.", "GS.", "PGS.", "TS.", "ThS.", "Ths.",
        "BSCKII.", "BSCKI.", "BS.", "KS.",
        "CN.", "LS.", "NGƯT.", "NGND.", "Nhà giáo ưu tú", "Nhà giáo nhân dân",
    ].sorted { $0.count > $1.count }

    /// Each rank with its lower-case forms and length, made once: every signature line is tried against every
    /// rank, and lower-casing the ranks there was most of reading a signature.
    private static let rankForms: [(lower: String, lowerSpaced: String, endsWithDot: Bool, count: Int, lead: UInt8?)] = ranks.map { rank in
        let lower = rank.lowercased()
        let bytes = Array(lower.utf8)
        // the first byte when the first Character is that one ASCII scalar (the byte after it is ASCII too)
        let lead = bytes.count >= 2 && bytes[0] < 0x80 && bytes[1] < 0x80 ? bytes[0] : nil
        return (lower, lower + " ", rank.hasSuffix("."), rank.count, lead)
    }

    /// `rankForms[i].lead`, apart from the strings.
    private static let rankLeads: [UInt8?] = rankForms.map(\.lead)
}
