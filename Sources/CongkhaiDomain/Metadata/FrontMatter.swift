import Yams

/// YAML front matter between `---` lines at the top of a file.
public struct FrontMatter: Sendable {
    /// The text after the front matter, and the line (1-based) where it starts.
    public let body: Substring
    public let bodyFirstLine: Int
    public let metadata: DocumentMetadata
    /// Keys the document type needs beyond the common ones (procedure fields, relations).
    public let extra: [String: YAMLValue]
    public let isPresent: Bool

    /// Splits and reads front matter. A malformed block is an error diagnostic:
    /// the caller leaves the document out rather than guess.
    public static func split(_ text: String, file: String, types: DocumentTypeTable) -> Result<(FrontMatter, [Diagnostic]), Diagnostic> {
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else {
            let none = FrontMatter(body: Substring(text), bodyFirstLine: 1, metadata: DocumentMetadata(), extra: [:], isPresent: false)
            return .success((none, []))
        }
        // find the closing line "---" (or "...")
        var lineNumber = 1
        // "---" alone is a whole file: the YAML would start past its end
        let yamlStart = text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) ?? text.endIndex
        var searchStart = yamlStart
        var yamlEnd: String.Index?
        var bodyStart = text.endIndex
        while searchStart < text.endIndex {
            lineNumber += 1
            let lineEnd = lineFeed(in: text, from: searchStart) ?? text.endIndex
            let line = text[searchStart..<lineEnd]
            if line == "---" || line == "..." {
                yamlEnd = searchStart
                bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                break
            }
            searchStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        guard let yamlEnd else {
            return .failure(Diagnostic(.error, file: file, line: 1, .frontMatterUnclosed))
        }
        let yaml = String(text[yamlStart..<yamlEnd])
        if let line = YAMLAliases.firstAnchorOrAlias(in: yaml) {
            return .failure(Diagnostic(.error, file: file, line: line + 2, .frontMatterAnchor))
        }
        let pairs: [FlatYAML.Pair]
        if let flat = FlatYAML.pairs(in: yaml) {
            pairs = flat
        } else {
            switch composedPairs(yaml, file: file) {
            case .success(let composed): pairs = composed
            case .failure(let problem): return .failure(problem)
            }
        }
        var values: [String: YAMLValue] = [:]
        for (written, value) in pairs { values[FrontMatterAliases.canonical(written)] = value }
        var diagnostics: [Diagnostic] = []
        let reader = FrontMatterReader(values: values, file: file, types: types)
        let metadata = reader.read(into: &diagnostics)
        let known = FrontMatterReader.commonKeys
        let extra = values.filter { !known.contains($0.key) }
        let frontMatter = FrontMatter(body: text[bodyStart...], bodyFirstLine: lineNumber + 1, metadata: metadata, extra: extra,
                                      isPresent: true)
        return .success((frontMatter, diagnostics))
    }

    /// The keys and values of the mapping Yams composes from the YAML, in order (none for an empty one); the error
    /// diagnostic when it is malformed or not a mapping.
    static func composedPairs(_ yaml: String, file: String) -> Result<[FlatYAML.Pair], Diagnostic> {
        let node: Node?
        do {
            // The encoding is named: Yams' default reads the whole process environment on every call (a third
            // of the time front matter took).
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            let (line, problem) = Self.describe(error)
            return .failure(Diagnostic(.error, file: file, line: line.map { $0 + 1 }, .frontMatterInvalid, ["problem": problem]))
        } catch {
            return .failure(Diagnostic(.error, file: file, line: 1, .frontMatterUnreadable, ["problem": "\(error)"]))
        }
        guard let node else { return .success([]) }
        guard case .mapping(let mapping) = node else {
            return .failure(Diagnostic(.error, file: file, line: 2, .frontMatterNotMapping))
        }
        return .success(mapping.compactMap { key, value in key.string.map { ($0, YAMLValue(value, lineOffset: 1)) } })
    }

    /// `text[start...].firstIndex(of: "\n")` on the bytes, walking Characters was a tenth of reading front matter:
    /// a line feed is a Character of its own unless a carriage return stands before it (CR LF is one Character).
    static func lineFeed(in text: String, from start: String.Index) -> String.Index? {
        let utf8 = text.utf8
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 0x0A, index == start || utf8[utf8.index(before: index)] != 0x0D { return index }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// The keys every document may have (type, number, date, title...).
    public static var commonKeys: Set<String> { FrontMatterReader.commonKeys }

    public static func describe(_ error: YamlError) -> (Int?, String) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark.line, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, "the key \(duplicates.joined(separator: ", ")) is given twice")
        default:
            return (nil, "\(error)")
        }
    }
}

/// A YAML value kept as text: numbers such as "1.004492" or "05" must stay
/// exactly as written, so nothing is converted to a float or a date.
public indirect enum YAMLValue: Sendable, Equatable {
    case text(String, line: Int)
    case list([YAMLValue], line: Int)
    case map([(String, YAMLValue)], line: Int)
    case null(line: Int)

    init(_ node: Node, lineOffset: Int) {
        let line = (node.mark?.line ?? 0) + lineOffset
        switch node {
        case .scalar(let s):
            if s.style == .plain && (s.string == "" || s.string == "~" || s.string == "null") { self = .null(line: line) }
            else { self = .text(s.string, line: line) }
        case .sequence(let seq): self = .list(seq.map { YAMLValue($0, lineOffset: lineOffset) }, line: line)
        case .mapping(let map):
            self = .map(map.compactMap { k, v in k.string.map { ($0, YAMLValue(v, lineOffset: lineOffset)) } }, line: line)
        case .alias: self = .null(line: line)
        }
    }

    public var line: Int {
        switch self {
        case .text(_, let l), .list(_, let l), .map(_, let l), .null(let l): return l
        }
    }

    public var text: String? {
        if case .text(let s, _) = self { return Self.trimmed(s) }
        return nil
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`, and `s` itself when neither end has anything to trim:
    /// Foundation's trimming was most of reading a front-matter value.
    static func trimmed(_ s: String) -> String {
        let edges = CharacterSet.whitespacesAndNewlines
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, !edges.contains(first), !edges.contains(last) else {
            return s.trimmingCharacters(in: edges)
        }
        return s
    }

    /// A list of strings; a single string counts as a one-item list.
    public var texts: [String]? {
        switch self {
        case .text(let s, _): return [s]
        case .list(let items, _): return items.compactMap(\.text)
        case .null: return []
        case .map: return nil
        }
    }

    public subscript(key: String) -> YAMLValue? {
        if case .map(let pairs, _) = self { return pairs.first(where: { $0.0 == key })?.1 }
        return nil
    }

    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case let (.text(x, _), .text(y, _)): return x == y
        case let (.list(x, _), .list(y, _)): return x == y
        case let (.map(x, _), .map(y, _)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.null, .null): return true
        default: return false
        }
    }
}

/// Turns front-matter values into metadata, with a warning for each value it cannot use.
struct FrontMatterReader {
    let values: [String: YAMLValue]
    let file: String
    let types: DocumentTypeTable

    static let commonKeys: Set<String> = ["type", "number", "date", "place", "issuer", "parent_issuer", "title", "signer",
                                          "signer_title", "recipients", "attachments", "field", "status", "published", "effective"]

    func read(into diagnostics: inout [Diagnostic]) -> DocumentMetadata {
        var m = DocumentMetadata()
        if let v = values["type"], let s = text(v, "type", &diagnostics) {
            if let type = types.lookup(s) { m.type = type }
            else {
                diagnostics.append(Diagnostic(.warning, file: file, line: v.line, .unknownType, ["value": s]))
            }
        }
        if let v = values["number"], let s = text(v, "number", &diagnostics) {
            if let number = DocumentNumber.parse(s) {
                m.number = number
                if let problem = number.yearProblem {
                    diagnostics.append(Diagnostic(.warning, file: file, line: v.line, problem.key, problem.arguments))
                }
            }
            else {
                diagnostics.append(Diagnostic(.warning, file: file, line: v.line, .notANumber, ["value": s]))
            }
        }
        m.date = date(values["date"], "date", &diagnostics)
        m.published = date(values["published"], "published", &diagnostics)
        m.effective = date(values["effective"], "effective", &diagnostics)
        m.place = values["place"].flatMap { text($0, "place", &diagnostics) }
        m.issuer = values["issuer"].flatMap { text($0, "issuer", &diagnostics) }
        m.parentIssuer = values["parent_issuer"].flatMap { text($0, "parent_issuer", &diagnostics) }
        m.title = values["title"].flatMap { text($0, "title", &diagnostics) }
        m.signer = values["signer"].flatMap { text($0, "signer", &diagnostics) }
        m.field = values["field"].flatMap { text($0, "field", &diagnostics) }
        m.status = values["status"].flatMap { text($0, "status", &diagnostics) }
        m.signerTitle = list(values["signer_title"], "signer_title", &diagnostics)
        m.recipients = list(values["recipients"], "recipients", &diagnostics)
        m.attachments = list(values["attachments"], "attachments", &diagnostics)
        return m
    }

    private func text(_ v: YAMLValue, _ key: String, _ diagnostics: inout [Diagnostic]) -> String? {
        if case .null = v { return nil }
        guard let s = v.text else {
            diagnostics.append(Diagnostic(.warning, file: file, line: v.line, .notSingle, ["key": key]))
            return nil
        }
        return s.isEmpty ? nil : VietnameseText.normalize(s)
    }

    private func list(_ v: YAMLValue?, _ key: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        guard let v else { return [] }
        guard let items = v.texts else {
            diagnostics.append(Diagnostic(.warning, file: file, line: v.line, .notAList, ["key": key]))
            return []
        }
        return items.map { VietnameseText.normalize($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }

    private func date(_ v: YAMLValue?, _ key: String, _ diagnostics: inout [Diagnostic]) -> DocumentDate? {
        guard let v, let s = text(v, key, &diagnostics) else { return nil }
        if let d = DocumentDate.parseISO(s) { return d }
        // The form is right but the day is not in the calendar (31/02/2025): one warning, and the year is kept.
        if let year = DocumentDate.impossibleDateYear(s), let kept = DocumentDate(year: year) {
            diagnostics.append(Diagnostic(.warning, file: file, line: v.line, .impossibleDate,
                                          ["key": key, "value": s, "year": String(year)]))
            return kept
        }
        diagnostics.append(Diagnostic(.warning, file: file, line: v.line, .notADate, ["key": key, "value": s]))
        return nil
    }
}

import Foundation

/// Written to the build cache, so that an unchanged file is not read again. A map
/// keeps its order (a list of pairs), which synthesised coding cannot do for tuples.
extension YAMLValue: Codable {
    private enum CodingKeys: String, CodingKey { case text, list, keys, values, line }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let line = try c.decode(Int.self, forKey: .line)
        if let text = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text, line: line)
        } else if let list = try c.decodeIfPresent([YAMLValue].self, forKey: .list) {
            self = .list(list, line: line)
        } else if let keys = try c.decodeIfPresent([String].self, forKey: .keys) {
            let values = try c.decode([YAMLValue].self, forKey: .values)
            self = .map(Array(zip(keys, values)), line: line)
        } else {
            self = .null(line: line)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        switch self {
        case .text(let s, _): try c.encode(s, forKey: .text)
        case .list(let items, _): try c.encode(items, forKey: .list)
        case .map(let pairs, _):
            try c.encode(pairs.map(\.0), forKey: .keys)
            try c.encode(pairs.map(\.1), forKey: .values)
        case .null: break
        }
    }
}
