/// Reads a procedure from its front matter and from Markdown sections with
/// the standard headings ("## Trình tự thực hiện", ...). Both may be mixed;
/// front matter wins where both give the same part.
public struct ProcedureReader: Sendable {
    public struct Finding: Sendable, Equatable {
        public let line: Int?
        public let key: MessageKey
        public var arguments: [String: String] = [:]
    }

    public init() {}

    /// `field` and `status` are common front-matter keys, read with the document's metadata.
    /// `sourceLine` maps a line of `body` to the line of the content file.
    public func read(values: [String: YAMLValue], title: String?, field: String? = nil, status: String? = nil, body: String,
                     sourceLine: (Int) -> Int? = { $0 }) -> (Procedure, [Finding]) {
        var p = Procedure()
        var findings: [Finding] = []
        readSections(body, into: &p)
        findings += rawHTMLFindings(body, sourceLine: sourceLine)
        readIntroLines(body, into: &p)
        func text(_ key: String) -> String? { values[key]?.text.flatMap { $0.isEmpty ? nil : VietnameseText.normalize($0) } }
        p.code = text("code") ?? title.flatMap(ProcedureCode.find) ?? p.code
        // a portal export's "Tên thủ tục:" line wins over a title made from the first line
        if let title, p.name == nil || !VietnameseText.fold(title).hasPrefix("ten thu tuc") { p.name = Self.withoutCode(title) }
        p.field = field ?? p.field
        p.level = text("level") ?? p.level
        p.agency = text("agency") ?? p.agency
        p.competentAgency = text("competent_agency") ?? p.competentAgency
        p.coordinatingAgency = text("coordinating_agency") ?? p.coordinatingAgency
        p.submissionAddress = text("submission_address") ?? p.submissionAddress
        p.onlineLevel = text("online_level")
        for (key, section) in [("steps", Procedure.Section.steps), ("hours", .hours), ("method", .method), ("time_limit", .timeLimit),
                               ("applicants", .applicants), ("result", .result), ("fees", .fees), ("conditions", .conditions)] {
            if let value = values[key], let list = value.texts, !list.isEmpty {
                p.sections[section] = .text(list.map { VietnameseText.normalize($0) }.joined(separator: "\n"))
            }
        }
        if let agency = p.agency, p.sections[.agency] == nil { p.sections[.agency] = .text(agency) }
        if let status { (p.status, p.statusText) = Self.status(status) }
        p.channels = list(values["channels"], &findings) { item in
            guard let channel = item["channel"]?.text ?? item.text else { return nil }
            return Procedure.Channel(channel: channel, timeLimit: item["time_limit"]?.text, fee: item["fee"]?.text,
                                     description: item["description"]?.text)
        }
        p.dossier = list(values["dossier"], &findings) { item in
            guard let document = item["document"]?.text ?? item.text else { return nil }
            return Procedure.DossierItem(document: document, template: item["template"]?.text, quantity: item["quantity"]?.text)
        }
        p.legalBasis = list(values["legal_basis"], &findings) { item in
            if let text = item.text { return Procedure.LegalBasis(number: nil, summary: text, date: nil, issuer: nil) }
            return Procedure.LegalBasis(number: item["number"]?.text, summary: item["summary"]?.text, date: item["date"]?.text,
                                        issuer: item["issuer"]?.text)
        }
        p.forms = values["forms"]?.texts ?? []
        if let announced = values["announced_by"] { p.announcedBy = Self.announcement(announced) }
        p.history = list(values["history"], &findings) { Self.announcement($0) }
        return (p, findings)
    }

    /// "Cấp phép (mã 1.004492)" → "Cấp phép": the code is shown on its own.
    static func withoutCode(_ title: String) -> String {
        // Foundation's search goes through NSString; without a "(" (which has no other spelling) it finds nothing.
        guard title.utf8.contains(UInt8(ascii: "(")) else { return title }
        guard let open = title.range(of: "(mã "), let close = title[open.upperBound...].firstIndex(of: ")") else { return title }
        let trimmed = (title[..<open.lowerBound] + title[title.index(after: close)...]).trimmingScalars(in: .whitespaces)
        return trimmed.isEmpty ? title : trimmed
    }

    /// "Thủ tục cấp giấy phép ..." → "Cấp giấy phép ...", as the national database names it: pages already say "Thủ tục".
    static func withoutLabel(_ name: String) -> String {
        guard name.hasPrefix("Thủ tục ") else { return name }
        let rest = name.dropFirst("Thủ tục ".count)
        guard let first = rest.first, first.isLowercase, !rest.hasPrefix("hành chính") else { return name }
        return first.uppercased() + rest.dropFirst()
    }

    /// "Không có thông tin" is how the national portal exports an empty part; "Không" (no fee) is an answer.
    static func isNoInformation(_ text: String) -> Bool {
        // Every section's text is asked, and folding a long one is costly. A text whose first scalar is ASCII, not a
        // trimmed character and not "k" folds to a text that starts with that scalar (lowered) and is not trimmed.
        if let first = text.utf8.first, first < 0x80, first | 0x20 != UInt8(ascii: "k"),
           first != 0x20, first != 0x09, first != UInt8(ascii: "."), first != UInt8(ascii: "*"), first != UInt8(ascii: "_") {
            return false
        }
        return isNoInformationByFolding(text)
    }

    static func isNoInformationByFolding(_ text: String) -> Bool {
        let folded = VietnameseText.fold(text).trimmingScalars(in: Self.noInformationEdges)
        return folded == "khong co thong tin"
    }

    static let noInformationEdges = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".*_"))
    static let introValueEdges = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".*"))
    static let introKeyEdges = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "*-:"))

    static func status(_ text: String) -> (Procedure.Status, String) {
        let f = VietnameseText.fold(text)
        if f.contains("bai bo") { return (.abolished, text) }
        if f.contains("sua doi") || f.contains("bo sung") { return (.amended, text) }
        if f.contains("thay the") { return (.replacing, text) }
        return (.current, text)
    }

    static func announcement(_ value: YAMLValue) -> Procedure.Announcement? {
        if let text = value.text {
            let number = text.split(separator: " ").first.map(String.init)
            let punctuation = CharacterSet(charactersIn: ",;()")
            let date = text.split(separator: " ").lazy
                .compactMap { DocumentDate.parseShort(String($0).trimmingCharacters(in: punctuation)) }.first
            return Procedure.Announcement(number: number, date: date, status: nil, note: nil)
        }
        guard value["number"] != nil || value["date"] != nil || value["note"] != nil else { return nil }
        return Procedure.Announcement(number: value["number"]?.text, date: value["date"]?.text.flatMap(DocumentDate.parseISO),
                                      status: value["status"]?.text, note: value["note"]?.text)
    }

    private func list<T>(_ value: YAMLValue?, _ findings: inout [Finding], _ make: (YAMLValue) -> T?) -> [T] {
        guard let value else { return [] }
        guard case .list(let items, _) = value else {
            findings.append(Finding(line: value.line, key: .procedureNotAList))
            return []
        }
        return items.compactMap(make)
    }

    /// "## Trình tự thực hiện" and the text under it, up to the next heading of the same or a higher level.
    func readSections(_ body: String, into p: inout Procedure) {
        var current: (title: String, level: Int, lines: [Substring])?
        func flush() {
            guard let c = current else { return }
            let text = c.lines.joined(separator: "\n").trimmingScalars(in: .whitespacesAndNewlines)
            guard !text.isEmpty, !Self.isNoInformation(text) else { return }
            if let section = Procedure.Section.matching(heading: c.title) { p.sections[section] = .markdown(text) }
            else { p.otherSections.append(.init(title: c.title, markdown: text)) }
        }
        for line in Self.linesSplitAtLineFeeds(body) {
            let level = line.prefix(while: { $0 == "#" }).count
            if level > 0, line.dropFirst(level).first == " ", current == nil || level <= current!.level {
                flush()
                current = (line.dropFirst(level).trimmingScalars(in: .whitespaces), level, [])
            } else {
                current?.lines.append(line)
            }
        }
        flush()
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)` on the bytes, where walking Characters was
    /// most of reading the sections: a line feed is a Character of its own unless a carriage return stands before it.
    static func linesSplitAtLineFeeds(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        var previous: UInt8 = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// Raw HTML in the sections is left out of the procedure's page; each line holding some is named.
    func rawHTMLFindings(_ body: String, sourceLine: (Int) -> Int?) -> [Finding] {
        // every tag opens with "<": a body without one (most) has none, and is not split into lines
        guard RawHTMLFinder.mayHoldTag(body.utf8) else { return [] }
        guard let firstHeading = body.hasPrefix("#") ? body.startIndex : body.range(of: "\n#")?.lowerBound else { return [] }
        let offset = body[..<firstHeading].utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return RawHTMLFinder.lines(in: body[firstHeading...]).map { line in
            Finding(line: sourceLine(line + offset), key: .procedureRawHTML)
        }
    }

    /// "Lĩnh vực: Báo chí. Cơ quan thực hiện: Sở ..." in the opening text, and the
    /// "Key: value" lines of a national-portal export ("Tên thủ tục:", "Mã thủ tục:",
    /// "Số quyết định:", "Đối tượng thực hiện:", ...). "Không có thông tin" is no value.
    func readIntroLines(_ body: String, into p: inout Procedure) {
        // The same Characters as `body.prefix(introLimit).prefix(while: { $0 != "#" })`, walked only up to the first "#"
        // (where the intro ends, well before the limit) rather than to the limit first.
        let intro = body.prefix(while: { $0 != "#" }).prefix(Self.introLimit)
        for line in intro.split(separator: "\n") {
            let clean = LineText.clean(line)
            // a line that starts with a known key holds one value, full stops included
            let parts = Self.introKey(clean) != nil ? [clean] : clean.components(separatedBy: ". ")
            for part in parts {
                let pieces = part.split(separator: ":", maxSplits: 1)
                guard pieces.count == 2, let key = Self.introKey(String(pieces[0])) else { continue }
                let value = pieces[1].trimmingScalars(in: Self.introValueEdges)
                guard !value.isEmpty, !Self.isNoInformation(value) else { continue }
                key.apply(value, &p)
            }
        }
    }

    /// The opening text read for "Key: value" lines; a portal export's keys fit well within it.
    static let introLimit = 8000

    static func introKey(_ label: String) -> IntroKey? {
        let folded = VietnameseText.fold(label).trimmingScalars(in: Self.introKeyEdges)
        return IntroKey(rawValue: folded)
    }

    enum IntroKey: String {
        case name = "ten thu tuc", code = "ma thu tuc", shortCode = "ma", decision = "so quyet dinh", level = "cap thuc hien"
        case field = "linh vuc", applicants = "doi tuong thuc hien", agency = "co quan thuc hien"
        case competentAgency = "co quan co tham quyen", submissionAddress = "dia chi tiep nhan ho so"
        case coordinatingAgency = "co quan phoi hop", result = "ket qua thuc hien"

        func apply(_ value: String, _ p: inout Procedure) {
            switch self {
            // the export writes "Tên thủ tục: Thủ tục cấp ..."; a name given in front matter is kept as written
            case .name: p.name = p.name ?? ProcedureReader.withoutLabel(value)
            case .code, .shortCode: p.code = p.code ?? value
            case .decision: p.announcedBy = p.announcedBy ?? Procedure.Announcement(number: value, date: nil, status: nil, note: nil)
            case .level: p.level = p.level ?? value
            case .field: p.field = p.field ?? value
            case .agency: p.agency = p.agency ?? value
            case .competentAgency: p.competentAgency = p.competentAgency ?? value
            case .submissionAddress: p.submissionAddress = p.submissionAddress ?? value
            case .coordinatingAgency: p.coordinatingAgency = p.coordinatingAgency ?? value
            case .applicants: if p.sections[.applicants] == nil { p.sections[.applicants] = .text(value) }
            case .result: if p.sections[.result] == nil { p.sections[.result] = .text(value) }
            }
        }
    }
}

import Foundation
