/// The words a citing text gives about what it cites, after the identifier, its date and
/// its issuer: in "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về
/// việc cung cấp thông tin và dịch vụ công trực tuyến;" the summary is "quy định về việc cung
/// cấp thông tin và dịch vụ công trực tuyến".
///
/// Read by the citation scanner over the bytes it already holds, a few hundred at most per
/// citation, and only when it is asked for details (the reading step, whose citations feed the
/// cited-documents pages); the renderer's scan for links does not read summaries.
enum CitationSummary {
    /// A summary is cut, at a word, past this many characters.
    static let maxCharacters = 200
    /// Bytes looked at past the summary's start: more than `maxCharacters` of any text
    /// (a Vietnamese letter takes at most three bytes).
    static let scanBytes = 640

    /// Where a summary runs, in bytes of the scanned text; `end` may still be cut short by
    /// a later citation of a list (see `clip`).
    struct Span {
        let start: Int
        var end: Int
        /// The clause went on past `scanBytes`: the text is cut and ends with "…".
        var isCut: Bool
    }

    /// The summary that starts at `start`, if any. A summary opens with a word that says what a
    /// document does ("về", "quy định", "hướng dẫn", "ban hành", "V/v", ...) or with a quoted
    /// title: what follows an identifier in running text is more often the sentence going on
    /// ("Thực hiện Công văn số 12/SNV, Sở đã ...") or a list ("Nghị định số A và Nghị định số
    /// B"), and neither is a summary.
    static func span(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Span? {
        let n = bytes.count
        var k = skipSpaces(bytes, start)
        // "(khóa XII)" after the Party's Central Committee, "(sau đây gọi là ...)": an aside, then the summary
        if k < n, bytes[k] == 0x28 {
            guard let close = closingParenthesis(bytes, k) else { return nil }
            k = skipSpaces(bytes, close + 1)
        }
        // ", V/v ..." or ", về ...": a comma before a summary, not before the sentence going on
        if k < n, bytes[k] == 0x2C {
            let next = skipSpaces(bytes, k + 1)
            guard let opener = opener(bytes, next), opener.isAfterComma else { return nil }
            k = next
        }
        guard let opener = opener(bytes, k) else { return nil }
        let begin = k
        k += opener.length
        if k < n, bytes[k] == 0x3A { k += 1 } // "V/v:"
        let limit = min(n, begin + scanBytes)
        var depth = 0
        var end: Int?
        var endsAtSemicolon = false
        // "... về chuyển đổi số, Sở báo cáo như sau:": the sentence goes on after a comma and a capital
        var commaBeforeCapital: Int?
        scan: while k < limit {
            switch bytes[k] {
            case 0x0A, 0x7C: // a newline, a table's cell border
                end = k; break scan
            case 0x3B:
                end = k; endsAtSemicolon = true; break scan
            case 0x28:
                depth += 1
            case 0x29: // the end of a parenthesis the summary stands in: "(Kèm theo Quyết định số ... về ...)"
                if depth == 0 { end = k; break scan }
                depth -= 1
            case 0x2E where endsSentence(bytes, k):
                end = k; break scan
            case 0x3A where k + 1 == n || bytes[k + 1] == 0x20 || bytes[k + 1] == 0x0A:
                end = k; break scan
            case 0x2C where commaBeforeCapital == nil && k + 2 < n && bytes[k + 1] == 0x20 && startsCapital(bytes, k + 2):
                commaBeforeCapital = k
            default:
                break
            }
            k += 1
        }
        var span = Span(start: begin, end: end ?? limit, isCut: end == nil && limit < n)
        // A basis in a "Căn cứ ...;" list keeps its commas: it ends at its semicolon, not in mid-sentence.
        if !endsAtSemicolon, let comma = commaBeforeCapital, comma < span.end {
            span.end = comma
            span.isCut = false
        }
        guard span.end > begin + opener.length + 1 else { return nil }
        return span
    }

    /// A citation inside a summary is part of it ("về việc sửa đổi Quyết định số 3/QĐ-UBND"),
    /// but one after "và", "hoặc" or a comma starts the next item of a list, where the summary ends.
    static func clip(_ span: inout Span, at laterCitation: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard laterCitation > span.start, laterCitation < span.end else { return }
        var k = laterCitation
        while k > span.start, bytes[k - 1] == 0x20 { k -= 1 }
        for connector in connectors where k - connector.count > span.start && matches(bytes, k - connector.count, connector) {
            let before = k - connector.count
            // "và" is a word: "xã hội hóa và ..." ends in "và", "nhà và" in no word of its own
            guard connector == [0x2C] || bytes[before - 1] == 0x20 else { continue }
            span.end = before
            span.isCut = false
            return
        }
    }

    /// The summary's text: on one line, its Markdown emphasis dropped, trimmed, and cut at a
    /// word with "…" when it is long. Made in a buffer on the stack, byte by byte: a string per
    /// word, for each of the quarter million citations of ten thousand documents, made the scan
    /// half as slow again. Text is NFC, where a Vietnamese letter is one scalar: scalars are counted.
    static func text(_ span: Span, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: span.end - span.start) { out -> String? in
            var count = 0
            var space = false
            var k = span.start
            while k < span.end {
                let b = bytes[k]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0xC2 && k + 1 < span.end && bytes[k + 1] == 0xA0) {
                    space = count > 0
                    k += b == 0xC2 ? 2 : 1
                    continue
                }
                k += 1
                if b == 0x2A || b == 0x60 { continue } // * and ` of Markdown
                if space { out[count] = 0x20; count += 1; space = false }
                out[count] = b
                count += 1
            }
            func endsWith(_ word: [UInt8]) -> Bool {
                count >= word.count && (0..<word.count).allSatisfy { out[count - word.count + $0] == word[$0] }
            }
            func lastSpace(before end: Int) -> Int? {
                var c = end
                while c > 0 { c -= 1; if out[c] == 0x20 { return c } }
                return nil
            }
            // "... tại nơi làm việc như: ..." or "như sau:": the list that follows is not part of the summary
            if endsWith(asFollows) { count -= asFollows.count } else if endsWith(suchAs) { count -= suchAs.count }
            var isCut = span.isCut
            if count > maxCharacters { // more bytes than the limit: count the letters
                var scalars = 0
                var past = 0
                while past < count {
                    if out[past] & 0xC0 != 0x80 { scalars += 1; if scalars > maxCharacters { break } }
                    past += 1
                }
                if past < count { // `past` starts the first letter over the limit: cut at the last space up to it
                    count = out[past] == 0x20 ? past : lastSpace(before: past) ?? past
                    isCut = true
                } else if isCut {
                    count = lastSpace(before: count) ?? count // the scan stopped in the middle of a word
                }
            } else if isCut {
                count = lastSpace(before: count) ?? count
            }
            while count > 0 {
                if out[count - 1] == 0x2C || out[count - 1] == 0x20 || out[count - 1] == 0x2D { count -= 1; continue }
                if endsWith(enDash) { count -= enDash.count; continue }
                break
            }
            guard (0..<count).contains(where: { out[$0] == 0x20 }) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: out[0..<count]), as: UTF8.self)
            return isCut ? text + "…" : text
        }
    }

    private static let asFollows = Array(" như sau".utf8)
    private static let suchAs = Array(" như".utf8)
    private static let enDash = Array("–".utf8)

    // MARK: bytes

    private struct Opener {
        let length: Int
        /// May follow a comma (", V/v tăng cường ...", ", quy định ..."): not a verb a sentence
        /// goes on with ("Thực hiện Công văn số 12/SNV, triển khai ...").
        let isAfterComma: Bool
    }

    private static func opener(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Opener? {
        guard k < bytes.count else { return nil }
        if bytes[k] == 0x22 { return Opener(length: 1, isAfterComma: false) }
        if matches(bytes, k, openingQuote) { return Opener(length: openingQuote.count, isAfterComma: false) }
        // the first byte before the rest: it rules out nearly every form at once
        for (form, afterComma) in openerForms where form[0] == bytes[k] && matches(bytes, k, form) {
            let next = k + form.count
            // a whole word: "về " but not "vệ", "giao " but not "giao thông"
            if next < bytes.count, bytes[next] != 0x20, bytes[next] != 0x3A, bytes[next] != 0x0A { continue }
            return Opener(length: form.count, isAfterComma: afterComma)
        }
        return nil
    }

    /// Words that open a summary, as written at its start: lower case, or with a capital.
    static let openers: [String] = [
        "về", "v/v", "quy định", "hướng dẫn", "ban hành", "phê duyệt", "triển khai", "thực hiện", "sửa đổi", "bổ sung",
        "bãi bỏ", "thay thế", "công bố", "thành lập", "kiện toàn", "tổ chức", "phân công", "phân cấp", "ủy quyền", "uỷ quyền",
        "điều chỉnh", "giao", "chỉ đạo", "tăng cường", "đẩy mạnh", "nâng cao", "giữa", "quy chế", "chấn chỉnh", "đính chính",
        "thông qua", "cho phép", "chấp thuận", "giải thể", "sáp nhập", "hợp nhất", "phê chuẩn", "xây dựng", "phát triển",
    ]
    private static let openerForms: [([UInt8], Bool)] = openers.flatMap { word -> [([UInt8], Bool)] in
        let capitalised = word.prefix(1).uppercased() + word.dropFirst()
        let afterComma = ["về", "v/v", "quy định", "ban hành", "phê duyệt"].contains(word)
        var forms = [word, capitalised]
        if word == "v/v" { forms.append("V/V") }
        return forms.map { (Array($0.utf8), afterComma) }
    }.sorted { $0.0.count > $1.0.count }
    private static let openingQuote = Array("“".utf8)
    private static let connectors: [[UInt8]] = ["hoặc", "và", ","].map { Array($0.utf8) }

    /// Spaces, and the asterisks of Markdown emphasis: "**quy định về ...**".
    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var k = start
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x2A { k += 1 }
        return k
    }

    /// The ")" that closes the "(" at `open`, on the same line and not far.
    private static func closingParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, _ open: Int) -> Int? {
        var depth = 0
        for k in open..<min(bytes.count, open + 200) {
            switch bytes[k] {
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return k }
            case 0x0A, 0x3B: return nil
            default: break
            }
        }
        return nil
    }

    /// A full stop that ends a sentence: at the end of the text or of its line, before "/."
    /// (the end mark of a document), or before a capital unless it closes an abbreviation
    /// ("TP. Đồi Mây"); not in "1.004492" or "v.v.".
    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let n = bytes.count
        var next = k + 1
        if next < n, bytes[next] == 0x2F { return true }
        while next < n, bytes[next] == 0x20 { next += 1 }
        if next == n || bytes[next] == 0x0A { return true }
        guard next > k + 1, startsCapital(bytes, next) else { return false }
        var wordStart = k
        while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
        return k - wordStart > 2
    }

    /// A capital letter starts at `k`: ASCII, or a Vietnamese one ("Đ", "Ủ", "Ở"...).
    static func startsCapital(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = bytes[k]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        // Vietnamese letters take two or three bytes
        var value: UInt32
        if b >= 0xC0 && b < 0xE0, k + 1 < bytes.count {
            value = UInt32(b & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
        } else if b >= 0xE0 && b < 0xF0, k + 2 < bytes.count {
            value = UInt32(b & 0x0F) << 12 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
        } else {
            return false
        }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at >= 0, at + word.count <= bytes.count else { return false }
        for i in 0..<word.count where bytes[at + i] != word[i] { return false }
        return true
    }
}

extension Citation {
    /// The summary most citing documents give, each document counted once (`given` pairs a
    /// summary with the path of the document that gives it); a tie goes to the summary given by
    /// the document whose path sorts first, so that every build says the same.
    public static func commonSummary(_ given: [(summary: String, source: String)]) -> String? {
        var tally: [String: (count: Int, firstSource: String)] = [:]
        for (summary, source) in given {
            let seen = tally[summary]
            tally[summary] = ((seen?.count ?? 0) + 1, min(seen?.firstSource ?? source, source))
        }
        return tally.min { a, b in
            if a.value.count != b.value.count { return a.value.count > b.value.count }
            if a.value.firstSource != b.value.firstSource { return a.value.firstSource < b.value.firstSource }
            return a.key < b.key
        }?.key
    }
}

extension Citation {
    /// This mention, with the summary a later mention of the same document in the same text
    /// gives when this one gives none ("Nghị định số A và Nghị định số B; ... Nghị định số A quy định ...").
    public func withSummary(of later: Citation) -> Citation {
        guard summary == nil else { return self }
        var copy = self
        copy.summary = later.summary
        return copy
    }
}
