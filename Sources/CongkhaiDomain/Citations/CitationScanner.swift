/// Finds citations in running text. It works on UTF-8 bytes because it runs
/// over every document of the corpus, twice per build.
public struct CitationScanner: Sendable {
    /// Words that introduce a cited document, longest first so that
    /// "Thông tư liên tịch" wins over "Thông tư".
    public static let typeWords: [String] = [
        "Chương trình phối hợp", "Quy chế phối hợp", "Thông tư liên tịch", "Nghị quyết liên tịch",
        "Kế hoạch", "Báo cáo", "Quyết định", "Nghị định", "Thông tư", "Chỉ thị", "Nghị quyết",
        "Kết luận", "Hướng dẫn", "Công văn", "Quy định", "Quy chế", "Pháp lệnh", "Chương trình",
        "Tờ trình", "Thông báo", "Thông tri", "Luật", "Bộ luật", "Hiến pháp", "Đề án", "Phương án",
        "Công điện", "Văn bản",
    ].sorted { $0.utf8.count > $1.utf8.count }


    public init() {}

    /// Finds every citation; `details` adds the issuer after "của" and the summary
    /// after it, which readers see but resolution does not need.
    public func scan(_ text: String, details: Bool = true) -> [Citation] {
        var copy = text
        return copy.withUTF8 { bytes in scan(bytes, details: details) }
    }

    func scan(_ bytes: UnsafeBufferPointer<UInt8>, details: Bool) -> [Citation] {
        var out: [Citation] = []
        // where each citation's summary runs, by index in `out`: a later citation may end it
        var summaries: [(index: Int, span: CitationSummary.Span)] = []
        var i = 0
        while let (written, number, typeWord, start, end) = next(bytes, from: &i) {
            let (date, afterDate, dateTypo) = dateAfter(bytes, end)
            let (issuer, afterIssuer) = details ? issuerAfter(bytes, afterDate) : (nil, afterDate)
            if details, let span = CitationSummary.span(bytes, from: afterIssuer) { summaries.append((out.count, span)) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            var citation = Citation(written: written, text: text, number: number, typeWord: typeWord, date: date,
                                    issuer: issuer, linkRange: start..<end)
            if dateTypo != nil { citation.mistypedDate = dateTypo }
            out.append(citation)
        }
        for (index, span) in summaries {
            var span = span
            for later in out[(index + 1)...] {
                if later.linkRange.lowerBound >= span.end { break }
                CitationSummary.clip(&span, at: later.linkRange.lowerBound, bytes)
            }
            out[index].summary = CitationSummary.text(span, bytes)
        }
        return out
    }

    /// What linking a citation in rendered text needs: where its link goes in the text, its identifier, and its year
    /// (`Citation.year`). `scan(_:details: false)` without the rest of a `Citation`, for the renderer, which scans
    /// every text node that may hold one and keeps only the citations that lead to a page.
    public struct Link: Sendable {
        public let range: Range<Int>
        public let number: DocumentNumber
        public let year: Int?
    }

    /// The citations `scan(text, details: false)` finds, each as a `Link`, in the same order.
    public func links(_ text: String) -> [Link] {
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [Link] = []
            var i = 0
            while let (_, number, _, start, end) = next(bytes, from: &i) {
                let date = dateAfter(bytes, end).0
                out.append(Link(range: start..<end, number: number, year: date?.year ?? number.year))
            }
            return out
        }
    }

    /// The next citation at or after `i`: its identifier as written and read, its type word, and where its link starts
    /// and ends; `i` is moved past it. Nil when there is none.
    private func next(_ bytes: UnsafeBufferPointer<UInt8>, from i: inout Int)
        -> (written: String, number: DocumentNumber, typeWord: String?, start: Int, end: Int)? {
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i < n {
            // eight bytes at a time while none of them is a digit, as in most of a text; else straight to the first digit
            if i + 8 <= n {
                let digits = Self.digitMask(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if digits == 0 { i += 8; continue }
                i += digits.trailingZeroBitCount >> 3
            }
            let b = bytes[i]
            guard isDigit(b), i == 0 || mayPrecede(bytes[i - 1]) else { i += 1; continue }
            var j = i
            while j < n, isDigit(bytes[j]) { j += 1 }
            guard j - i <= 6, j + 1 < n, bytes[j] == 0x2F || bytes[j] == 0x2D, startsSymbol(bytes, j + 1) else { i = j; continue }
            // "QCVN 03:2023/BCA": the year and issuer of a technical standard, not a document number
            if i >= 2, bytes[i - 1] == 0x3A, isDigit(bytes[i - 2]) { i = j; continue }
            var end = j + 1
            while end < n, isSymbolByte(bytes, end) { end += 1 }
            var (written, rawEnd) = token(bytes, i, end)
            // "144/2021/NĐ- CP": a converter left a space inside; joined when the two pieces make an identifier
            if let (joined, joinedEnd) = joinBrokenToken(bytes, i, rawEnd: end),
               let number = DocumentNumber.parse(token: joined), number.number != nil, hasUpperCaseLetter(number.symbol) {
                (written, rawEnd) = (joined, joinedEnd)
            }
            end = rawEnd
            let start = i
            i = end
            if let number = DocumentNumber.parse(token: written), number.number != nil, hasUpperCaseLetter(number.symbol) {
                let (typeWord, linkStart) = typeWordBefore(bytes, start)
                return (written, number, typeWord, linkStart, end)
            }
        }
        return nil
    }

    // MARK: bytes

    /// Whether any of the eight bytes is an ASCII digit ("has a byte between 0x2F and 0x3A", from Bit Twiddling
    /// Hacks). Exact byte by byte: no sum or difference crosses into the next byte.
    public static func hasDigit(_ word: UInt64) -> Bool { digitMask(word) != 0 }

    /// The high bit of each byte of `word` that is an ASCII digit, and no other bit: the first digit of eight bytes
    /// loaded little-endian is at `trailingZeroBitCount / 8`. (Linux on x86-64 and ARM64, where loads are little-endian.)
    public static func digitMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 127)
        return (ones &* (127 + 0x3A) &- low7) & ~word & (low7 &+ ones &* (127 - 0x2F)) & (ones &* 128)
    }

    /// The identifier between `start` and `end` without the punctuation that closes a sentence.
    private func token(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (String, Int) {
        var end = end
        while end > start + 1, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D || bytes[end - 1] == 0x2F { end -= 1 }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), end)
    }

    /// "NĐ- CP" or "NĐ -CP": one space beside a hyphen or slash inside an identifier, with a piece
    /// in capitals after it; returns the identifier without the space, and where it ends.
    private func joinBrokenToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, rawEnd: Int) -> (String, Int)? {
        let n = bytes.count
        guard rawEnd + 2 < n, bytes[rawEnd] == 0x20 else { return nil }
        let last = bytes[rawEnd - 1]
        var pieceStart: Int
        if last == 0x2D || last == 0x2F {
            pieceStart = rawEnd + 1 // "NĐ- CP"
        } else if bytes[rawEnd + 1] == 0x2D || bytes[rawEnd + 1] == 0x2F, isLetterOrDigit(last) {
            pieceStart = rawEnd + 1 // "NĐ -CP": the separator belongs to the piece
        } else {
            return nil
        }
        var k = pieceStart
        if bytes[k] == 0x2D || bytes[k] == 0x2F { k += 1 }
        guard k < n, startsCapital(bytes, k) else { return nil }
        while k < n, isSymbolByte(bytes, k) { k += 1 }
        let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<k]), as: UTF8.self)
        // a capitalised word of prose ("- Sở ...") is not the rest of an identifier
        guard piece.count >= 2, !piece.contains(where: { $0.isLowercase }) else { return nil }
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<rawEnd]), as: UTF8.self)
        var joined = head + piece
        var end = k
        while let l = joined.last, l == "." || l == "-" || l == "/" { joined.removeLast(); end -= 1 }
        return (joined, end)
    }

    private func isLetterOrDigit(_ b: UInt8) -> Bool { isDigit(b) || isASCIILetter(b) || b >= 0x80 }

    /// An upper-case ASCII letter, or "Đ" (C4 90).
    private func startsCapital(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        (bytes[k] >= 0x41 && bytes[k] <= 0x5A) || (bytes[k] == 0xC4 && k + 1 < bytes.count && bytes[k + 1] == 0x90)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// After "12/" or "19-" comes a letter, or a legal year "2015/" and a letter;
    /// dates and fractions ("15/4/2016", "1/3") stop here without building strings.
    private func startsSymbol(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = bytes[k]
        if isASCIILetter(b) || b >= 0xC3 { return true }
        guard k + 5 < bytes.count else { return false }
        for d in 0..<4 where !isDigit(bytes[k + d]) { return false }
        return bytes[k + 4] == 0x2F && (isASCIILetter(bytes[k + 5]) || bytes[k + 5] >= 0xC3)
    }
    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }
    private func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// A number starts a token only after a space or punctuation, not inside a word or a longer number.
    private func mayPrecede(_ b: UInt8) -> Bool {
        if b >= 0x80 { return b == 0x9C || b == 0x9D || b == 0x98 || b == 0x99 || b == 0x93 } // “ ” ‘ ’ – end bytes
        return !(isDigit(b) || isASCIILetter(b) || b == 0x2F || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x26 || b == 0x5C)
    }

    /// Letters (Vietnamese ones included), digits, "-", "/", "&" and "."; punctuation from
    /// the U+2000 block (quotes, dashes) ends the token.
    private func isSymbolByte(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = bytes[k]
        if b < 0x80 { return isDigit(b) || isASCIILetter(b) || b == 0x2D || b == 0x2F || b == 0x26 || b == 0x2E }
        if b >= 0x80 && b < 0xC0 { return true } // continuation of a letter already accepted
        if b == 0xE2 { return false }
        return true
    }

    private func hasUpperCaseLetter(_ s: String) -> Bool {
        // an ASCII capital settles it without Unicode properties, as in nearly every symbol
        s.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } || s.unicodeScalars.contains { $0.properties.isUppercase }
    }

    /// "Kế hoạch số " before the identifier: returns the type word and where it starts.
    private func typeWordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (String?, Int) {
        var k = start
        while k > 0, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x3A { k -= 1 }
        // "số" or "Số"
        if k >= 4, bytes[k - 4] == 0x73 || bytes[k - 4] == 0x53, matches(bytes, k - 3, Self.oAcuteCircumflex),
           k == 4 || bytes[k - 5] == 0x20 {
            k -= 4
            while k > 0, bytes[k - 1] == 0x20 { k -= 1 }
        }
        guard k > 0 else { return (nil, start) }
        // only the forms ending in the byte before: in the order of `typeWordForms`, so the same form wins
        for (word, form) in Self.typeWordFormsByLastByte[Int(bytes[k - 1])] where k >= form.count && matches(bytes, k - form.count, form) {
            let before = k - form.count
            if before > 0, isASCIILetter(bytes[before - 1]) || (bytes[before - 1] >= 0x80 && bytes[before - 1] < 0xC0) { continue }
            return (word, before)
        }
        return (nil, start)
    }

    /// `typeWordForms` one after another, filed by the last byte of the form: a citation's type word is looked for
    /// among the few that can end where it would, not among all hundred.
    private static let typeWordFormsByLastByte: [[(String, [UInt8])]] = {
        var table = [[(String, [UInt8])]](repeating: [], count: 256)
        for (word, forms) in typeWordForms {
            for form in forms { table[Int(form[form.count - 1])].append((word, form)) }
        }
        return table
    }()

    private static let oAcuteCircumflex = Array("ố".utf8)
    /// Each type word as written in running text: "Kế hoạch", "kế hoạch", "KẾ HOẠCH".
    private static let typeWordForms: [(String, [[UInt8]])] = typeWords.map { word in
        let lower = word.lowercased()
        let capitalised = lower.prefix(1).uppercased() + lower.dropFirst()
        return (word, Array(Set([word, lower, capitalised, word.uppercased()])).sorted().map { Array($0.utf8) })
    }

    /// ", ngày 15/4/2016" or " ngày 05 tháng 01 năm 2020" after the identifier; a date
    /// whose year has more than four digits ("08/6/20210") is returned as written, not read.
    private func dateAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (DocumentDate?, Int, String?) {
        var k = start
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x2C { k += 1 }
        guard matches(bytes, k, Self.ngay) else { return (nil, start, nil) }
        let dateStart = k + Self.ngay.count
        let (date, end) = readDate(bytes, k)
        if date == nil, let typo = mistypedYear(bytes, from: dateStart) { return (nil, start, typo) }
        return (date, end, nil)
    }

    /// The written date, when a run of five or more digits stands where its year should be.
    private func mistypedYear(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        let limit = min(bytes.count, start + 40)
        var k = start
        while k < limit, bytes[k] == 0x20 { k += 1 }
        let begin = k
        var run = 0
        while k < limit {
            let b = bytes[k]
            if isDigit(b) { run += 1; k += 1; continue }
            if run >= 5 { break }
            if b == 0x2C || b == 0x3B || b == 0x29 || b == 0x0A { return nil }
            run = 0
            k += 1
        }
        guard run >= 5 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<k]), as: UTF8.self)
    }

    private func readDate(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (DocumentDate?, Int) {
        var k = start
        k += Self.ngay.count
        while k < bytes.count, bytes[k] == 0x20 { k += 1 }
        // d/m/yyyy, read byte by byte
        func number(_ at: inout Int, maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while at < bytes.count, digits < maxDigits, isDigit(bytes[at]) {
                value = value * 10 + Int(bytes[at] - 0x30)
                at += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        var p = k
        if let d = number(&p, maxDigits: 2), p < bytes.count, bytes[p] == 0x2F {
            p += 1
            if let m = number(&p, maxDigits: 2), p < bytes.count, bytes[p] == 0x2F {
                p += 1
                let yearStart = p
                if let y = number(&p, maxDigits: 4), p - yearStart == 4, p == bytes.count || !isDigit(bytes[p]),
                   let date = DocumentDate(year: y, month: m, day: d) { return (date, p) }
            }
            return (nil, start)
        }
        let tail = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<min(bytes.count, k + 40)]), as: UTF8.self)
        if let date = DocumentDate.parseOfficial("ngày " + tail) {
            let consumed = tail.range(of: String(date.year)).map { tail.utf8.distance(from: tail.startIndex, to: $0.upperBound) } ?? 0
            return (date, k + consumed)
        }
        return (nil, start)
    }

    /// "của Ủy ban nhân dân tỉnh" after the identifier or its date, up to a
    /// word that starts the summary ("về", "ban hành", ...) or punctuation; and where it ends.
    private func issuerAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> (String?, Int) {
        var k = start
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x2C { k += 1 }
        guard matches(bytes, k, Self.cua) else { return (nil, start) }
        k += Self.cua.count
        let begin = k
        var end = k
        var words = 0
        let limit = min(bytes.count, k + 160)
        while k < limit, words < 12 {
            // at a word start: stop before a word that opens the summary
            if k > begin, Self.mayStartStopWord(bytes[k]), Self.stopWords.contains(where: { $0[0] == bytes[k] && matches(bytes, k, $0) }) {
                break
            }
            var wordEnd = k
            var stop = false
            while wordEnd < limit, bytes[wordEnd] != 0x20 {
                let b = bytes[wordEnd]
                // , ; . " ( ) newline : and the first byte of curly quotes
                if b == 0x2C || b == 0x3B || b == 0x2E || b == 0x22 || b == 0x28 || b == 0x29 || b == 0x0A || b == 0x3A
                    || b == 0xE2 { stop = true; break }
                wordEnd += 1
            }
            if wordEnd > k { end = wordEnd; words += 1 }
            if stop { break }
            k = wordEnd
            while k < limit, bytes[k] == 0x20 { k += 1 }
        }
        guard end > begin else { return (nil, start) }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self), end)
    }

    /// Whether `b` is the first byte of one of `stopWords` (v, b, h, q, p, t, g, "(" and the lead byte of "“"): most words
    /// of an issuer start otherwise, and are not compared with the ten.
    static func mayStartStopWord(_ b: UInt8) -> Bool {
        switch b {
        case 0x76, 0x62, 0x68, 0x71, 0x70, 0x74, 0x67, 0x28, 0xE2: true
        default: false
        }
    }

    private static let cua = Array("của ".utf8)
    private static let ngay = Array("ngày".utf8)

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= bytes.count else { return false }
        for i in 0..<word.count where bytes[at + i] != word[i] { return false }
        return true
    }
    static let stopWords: [[UInt8]] = ["về ", "ban hành", "hướng dẫn", "quy định", "phê duyệt", "triển khai", "thực hiện",
                                               "giữa ", "(khóa", "“"].map { Array($0.utf8) }
}

extension CitationScanner {
    /// Identifiers that look like a slip of the keyboard: a legal-style symbol
    /// whose hyphen is missing ("92/2017/NĐCP" for "92/2017/NĐ-CP").
    public static func suggestion(for number: DocumentNumber, types: DocumentTypeTable) -> String? {
        guard !number.symbol.contains("-"), !number.symbol.contains("/"), types.typeForSymbolCode(number.symbol) == nil else { return nil }
        for type in types.types where type.code.count >= 2 && number.symbol.hasPrefix(type.code) {
            let rest = number.symbol.dropFirst(type.code.count)
            guard rest.count >= 2, rest.allSatisfy({ $0.isUppercase || $0.isNumber }), rest.first!.isLetter else { continue }
            let fixed = "\(type.code)-\(rest)"
            var written = number.number ?? ""
            if let year = number.year { written += "/\(year)" }
            return written + (number.style == .party ? "-" : "/") + fixed
        }
        return nil
    }
}

import Foundation
