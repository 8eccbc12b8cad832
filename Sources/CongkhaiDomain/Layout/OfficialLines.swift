import Foundation

/// Lines of the body that the printed layout (Nghị định 30/2020/NĐ-CP,
/// Phụ lục I) sets apart from ordinary paragraphs, so that a page can lay
/// them out as printed: in a decision the authority line ("GIÁM ĐỐC SỞ ...")
/// and the word "QUYẾT ĐỊNH:" are centred and bold; a letter's "Kính gửi:"
/// stands with its addressees under it.
public enum OfficialLines {
    public enum Kind: Sendable, Equatable {
        /// "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG": who decides, before the "Căn cứ" lines.
        case authority
        /// "QUYẾT ĐỊNH:" (also "QUYẾT NGHỊ:", "CHỈ THỊ:"...) before the articles.
        case decisionWord
        /// "Kính gửi:" alone (its addressees follow as a list) or with one addressee on the line.
        case addressee
    }

    /// The words that open an authority line: the position of whoever signs
    /// for the body, or the collective body itself (ỦY BAN NHÂN DÂN ...).
    static let authorityOpenings = [
        "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH", "BỘ TRƯỞNG", "THỦ TRƯỞNG", "CỤC TRƯỞNG", "CHÁNH", "TRƯỞNG BAN", "TRƯỞNG",
        "TỔNG CỤC TRƯỞNG", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG", "BAN THƯỜNG VỤ",
        "BAN CHẤP HÀNH", "THƯỜNG TRỰC", "TỔNG GIÁM ĐỐC", "CHỦ NHIỆM",
    ]

    /// The enacting words of a decision, a resolution or a directive, as printed before the articles.
    static let enactingWords = ["QUYẾT ĐỊNH", "QUYẾT NGHỊ", "CHỈ THỊ", "BAN HÀNH", "QUY ĐỊNH"]

    /// What a body paragraph is, given its text (Markdown emphasis and a list
    /// dash are ignored) and whether the enacting word has been seen before it.
    /// Only decisions, resolutions and directives have an authority line; any
    /// document may have a "Kính gửi:" line.
    public static func kind(of paragraph: String, inDecision: Bool, afterEnactingWord: Bool) -> Kind? {
        // A set-apart line is short: a paragraph of more bytes than 200 letters with emphasis can take is none,
        // and is turned down before the costlier work below (most paragraphs of a body are long).
        guard paragraph.utf8.count <= maximumBytes else { return nil }
        let text = plain(paragraph)
        guard !text.isEmpty else { return nil }
        let isAddressee = text.hasPrefix("Kính gửi")
        // Counting characters walks grapheme breaks over the whole paragraph: only a paragraph that could still be
        // set apart is counted (outside a decision's preamble that is only the addressee line).
        guard isAddressee || (inDecision && !afterEnactingWord), text.count <= 200 else { return nil }
        if isAddressee { return .addressee }
        guard VietnameseText.isUpperCase(text) else { return nil }
        let bare = text.hasSuffix(":") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
        if text.hasSuffix(":") && enactingWords.contains(bare) { return .decisionWord }
        // "QUYẾT ĐỊNH" without its colon is the document's own heading, which the layout already shows.
        if enactingWords.contains(bare) { return nil }
        if authorityOpenings.contains(where: { bare.hasPrefix($0 + " ") || bare == $0 }), !bare.contains(".") { return .authority }
        return nil
    }

    /// The kinds of a whole body's paragraphs, in order (nil for an ordinary paragraph).
    public static func kinds(of paragraphs: [String], typeCode: String?) -> [Kind?] {
        let inDecision = isDecision(typeCode: typeCode)
        var afterEnacting = false
        return paragraphs.map { paragraph in
            let kind = kind(of: paragraph, inDecision: inDecision, afterEnactingWord: afterEnacting)
            if kind == .decisionWord { afterEnacting = true }
            return kind
        }
    }

    /// Decisions, resolutions, directives and Party regulations: the types with an authority line and an enacting word.
    public static func isDecision(typeCode: String?) -> Bool {
        typeCode.map { ["QĐ", "NQ", "CT", "QĐi"].contains($0) } ?? false
    }

    /// Whether a paragraph whose first visible byte is `byte` can be an addressee line ("Kính gửi"), given
    /// that Markdown emphasis, list dashes, spaces and tags come before it. A byte outside ASCII may be a
    /// space of another kind, which `plain` trims: only an ASCII letter other than K says no.
    public static func mayBeAddressee(firstVisibleByte byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "K")
    }

    /// 200 letters of at most 4 bytes each, with room for emphasis marks and spaces.
    public static let maximumBytes = 1_000

    /// The paragraph's words without Markdown emphasis or a leading list dash.
    /// Each step runs only when the text needs it: most paragraphs have nothing to remove.
    static func plain(_ paragraph: String) -> String {
        var text = paragraph
        if paragraph.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) {
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            text = text.trimmingCharacters(in: .whitespaces)
        }
        if text.hasPrefix("- ") { text.removeFirst(2) }
        guard needsSpacesJoined(text) else { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// A tab, two spaces together, or a space at either end.
    private static func needsSpacesJoined(_ text: String) -> Bool {
        let space = UInt8(ascii: " ")
        guard text.utf8.first != space, text.utf8.last != space else { return true }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\t") || (byte == space && previous == space) { return true }
            previous = byte
        }
        return false
    }
}

/// "Nơi nhận" items as printed: a dash before each, ";" after each but the
/// last, and "." after the last ("- Lưu: VT, VP."), whatever punctuation the
/// source kept or dropped.
public enum RecipientList {
    public static func punctuated(_ items: [String]) -> [String] {
        let cleaned = items.map { item -> String in
            var text = item.trimmingCharacters(in: .whitespaces)
            while text.hasPrefix("-") || text.hasPrefix("+") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            while let last = text.last, last == ";" || last == "," || (last == "." && !text.hasSuffix("./.")) {
                text.removeLast()
                text = text.trimmingCharacters(in: .whitespaces)
            }
            if text.hasSuffix("./.") { text.removeLast(3) }
            return text
        }.filter { !$0.isEmpty }
        return cleaned.enumerated().map { i, text in text + (i == cleaned.count - 1 ? "." : ";") }
    }
}

/// The issuing body is one entity however a header spells it: the header
/// prints "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in capitals, front matter writes
/// "Sở Thông tin và Truyền thông". Both have one key; the name kept in data is
/// the best spelling among those seen (one not in capitals, then the most used).
public enum IssuerName {
    /// The same for every spelling of one body: folded, lower case, single spaces, "UBND" spelled out.
    public static func key(_ name: String) -> String {
        var folded = VietnameseText.fold(name).lowercased()
        folded = folded.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        if folded.hasPrefix("ubnd ") { folded = "uy ban nhan dan " + folded.dropFirst(5) }
        return folded
    }

    /// The spelling to keep for each key: `spellings` with their number of uses,
    /// in any order; the answer does not depend on the order.
    public static func canonical(_ spellings: [String: Int]) -> [String: String] {
        var best: [String: (name: String, capitals: Bool, uses: Int)] = [:]
        for (name, uses) in spellings {
            let k = key(name)
            let capitals = VietnameseText.isUpperCase(name)
            let candidate = (name: name, capitals: capitals, uses: uses)
            guard let current = best[k] else { best[k] = candidate; continue }
            let better = (!candidate.capitals && current.capitals)
                || (candidate.capitals == current.capitals && candidate.uses > current.uses)
                || (candidate.capitals == current.capitals && candidate.uses == current.uses && candidate.name < current.name)
            if better { best[k] = candidate }
        }
        return best.mapValues(\.name)
    }
}

/// A document posted before it was numbered and signed: a blank number
/// ("Số: /BC-STTTT"), "dự thảo" in its status, or in its file name.
public enum DraftMarker {
    public static func isDraft(number: DocumentNumber?, status: String?, path: String) -> Bool {
        if let number, number.number == nil { return true }
        if let status, VietnameseText.fold(status).lowercased().contains("du thao") { return true }
        let file = VietnameseText.fold(path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return file.contains("du-thao") || file.contains("du_thao") || file.contains("du thao") || file.contains("duthao")
    }
}
