/// A cell of a header table in which a converter ran several printed lines
/// together: "Số: 2214/BHT-QLN V/v: hướng dẫn ...", "CỘNG HÒA ... Độc lập -
/// Tự do - Hạnh phúc ------- Hà Nội, ngày ...". It is split back at the
/// places where a printed header starts a new line; nothing here is general
/// text splitting, only the breaks a header has.
enum HeaderCell {
    /// The printed lines of a cell, rules dropped.
    static func lines(_ cell: String) -> [String] {
        var pieces: [String] = []
        for part in cell.components(separatedBy: "<br>") {
            for run in splitAtRules(part) { pieces += splitAtLineStarts(run) }
        }
        return pieces.map { $0.trimmingScalars(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "BỘ HẠ TẦNG ĐÔ THỊ -------": a run of three or more dashes, underscores or
    /// equals signs is the short rule printed under a name.
    static func splitAtRules(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var rule = ""
        for ch in text {
            if "-_=–—".contains(ch) {
                rule.append(ch)
                continue
            }
            if rule.count >= 3 {
                out.append(current)
                current = ""
            } else {
                current += rule
            }
            rule = ""
            current.append(ch)
        }
        if rule.count < 3 { current += rule }
        out.append(current)
        return out
    }

    /// Words that start a printed line of a header when they follow other text.
    private static let lineStarts = ["Số:", "Số ", "V/v", "V/V", "Về việc", "Độc lập", "Kính gửi"]

    /// Names of bodies that start a new line under the body above them
    /// ("ỦY BAN NHÂN DÂN TỈNH SÔNG LAM SỞ TÀI CHÍNH"), in a run of capitals.
    private static let bodyStarts = ["SỞ ", "PHÒNG ", "CHI CỤC ", "TỔNG CỤC ", "CỤC ", "TRUNG TÂM ", "VĂN PHÒNG ", "BAN ", "THUẾ ",
                                     "ĐẢNG ỦY ", "ĐẢNG UỶ "]

    /// Words that make one name with the body word after them ("ỦY BAN", "BỘ QUỐC PHÒNG", "HỌC VIỆN").
    private static let notBeforeABody: Set<String> = [
        "ỦY", "UỶ", "CHI", "TỔNG", "CỤC", "PHÓ", "VĂN", "QUỐC", "HỌC", "BỆNH", "TIỂU", "TRƯỞNG",
    ]

    static func splitAtLineStarts(_ text: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [[String]] = []
        let dateStarts = dateLineStarts(words)
        for (i, word) in words.enumerated() {
            let here = words[i...].prefix(3).joined(separator: " ") + " "
            let startsLine = lineStarts.contains { start in
                here.hasPrefix(start) && (start != "Số " || words.count > i + 1 && startsNumber(words[i + 1]))
            }
            let previous = i > 0 ? words[i - 1] : ""
            let startsBody = i > 0 && isCapitals(previous) && isCapitals(word)
                && bodyStarts.contains { here.hasPrefix($0) } && !notBeforeABody.contains(previous)
            let afterMotto = previous.hasSuffix("phúc") && i > 1 && words[i - 2] == "Hạnh"
            if out.isEmpty || startsLine || startsBody || afterMotto || dateStarts.contains(i) {
                out.append([word])
            } else {
                out[out.count - 1].append(word)
            }
        }
        return out.map { $0.joined(separator: " ") }
    }

    private static func startsNumber(_ word: String) -> Bool {
        guard let f = word.first else { return false }
        return f.isNumber || f == "/" || f == "." || f == "…" || f == "_"
    }

    /// "Sông", "Lam", "TP.": a word of a place name, not of a name in capitals above it.
    private static func isPlaceWord(_ word: String) -> Bool {
        !isCapitals(word) || (word.hasSuffix(".") && word.count <= 4)
    }

    private static func isCapitals(_ word: String) -> Bool {
        word.contains(where: \.isLetter) && !word.contains(where: \.isLowercase)
    }

    /// "... Hạnh phúc Hà Nội, ngày": the place-and-date line starts at the place,
    /// up to four capitalised words (not capitals) before the comma and "ngày".
    private static func dateLineStarts(_ words: [String]) -> Set<Int> {
        var starts: Set<Int> = []
        for k in words.indices where words[k].hasPrefix("ngày") && k > 0 {
            var j = k - 1
            if words[j] == "," { j -= 1 } else if !words[j].hasSuffix(",") { continue }
            guard j >= 0 else { continue }
            var start = j
            while start > 0, j - start < 3, let f = words[start - 1].first, f.isUppercase, isPlaceWord(words[start - 1]) { start -= 1 }
            if let f = words[start].first, f.isUppercase { starts.insert(start) }
        }
        return starts
    }
}
