import CongkhaiDomain
import Foundation

/// Turns a content file into a document: text checks, front matter, the
/// printed layout, then the two merged field by field (front matter wins).
struct DocumentReader: Sendable {
    let types: DocumentTypeTable
    var recognizer: LayoutRecognizer { LayoutRecognizer(types: types) }

    /// A document, or the error that keeps the file out of the site.
    func read(_ data: Data, path: String) -> Result<Document, Diagnostic> {
        if let problem = SourceText.encodingProblem(data, file: path) { return .failure(problem) }
        guard let decoded = String(validatingUTF8Data: data) else {
            return .failure(Diagnostic(.error, file: path, line: Self.firstInvalidLine(data), .notUTF8))
        }
        let (withoutNULs, nulWarning) = SourceText.removingNULs(decoded, file: path)
        let text = VietnameseText.normalize(withoutNULs)
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(Diagnostic(.error, file: path, .emptyFile))
        }
        let split: (FrontMatter, [Diagnostic])
        switch FrontMatter.split(text, file: path, types: types) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let value): split = value
        }
        let (frontMatter, frontMatterDiagnostics) = split
        var diagnostics = (nulWarning.map { [$0] } ?? []) + frontMatterDiagnostics
            + FrontMatterKeys.unknown(in: frontMatter.extra, file: path)
        let layout = recognizer.recognize(frontMatter.body, firstLine: frontMatter.bodyFirstLine)
        for finding in layout.findings {
            diagnostics.append(finding.diagnostic(file: path))
        }
        var metadata = frontMatter.metadata.filled(from: layout.metadata)
        if let declared = frontMatter.metadata.number, let printed = layout.metadata.number, declared.key != printed.key,
           printed.number != nil {
            diagnostics.append(Diagnostic(.warning, file: path, .numberDisagrees,
                                          ["declared": declared.written, "printed": printed.written]))
        }
        // Every issued document prints "Số:" (a draft "Số: /BC-..."); a type heading without it is most often a line lost in copying.
        if let heading = layout.typeHeadingLine, !layout.sawNumberLine, frontMatter.metadata.number == nil {
            diagnostics.append(Diagnostic(.warning, file: path, line: heading, .numberMissing))
        }
        if metadata.type == nil, let number = metadata.number {
            let isLetter = metadata.title?.hasPrefix("V/v") == true || number.style == .state
            metadata.type = number.type(in: types) ?? (isLetter ? types.lookup("CV") : nil)
        }
        if metadata.type == nil, metadata.title?.hasPrefix("V/v") == true { metadata.type = types.lookup("CV") }
        if metadata.type == nil, path.hasPrefix("thu-tuc/") { metadata.type = types.lookup("TTHC") }
        var body = layout.body
        if metadata.title == nil, !frontMatter.isPresent || frontMatter.metadata.title == nil {
            (metadata.title, body) = Self.titleFromFirstLine(body)
        }
        if metadata.type?.code != "TTHC" {
            diagnostics += missingFields(metadata, path: path, frontMatter: frontMatter.isPresent, header: layout.hasHeader)
        }
        let appendices = layout.appendices.map {
            Document.ShapedAppendix(title: $0.title, subtitle: $0.subtitle, body: BodyShaper.shape($0.lines))
        }
        var document = Document(source: path, metadata: metadata,
                                body: BodyShaper.shape(body), appendices: appendices, extra: frontMatter.extra, diagnostics: diagnostics)
        document.citations = ([document.body] + appendices.map(\.body)).flatMap(Self.citations)
        document.checkCitations()
        document.standards = document.findStandards()
        if metadata.type?.code == "TTHC" { readProcedure(&document, frontMatterLine: frontMatter.isPresent ? 1 : nil) }
        return .success(document)
    }

    /// A procedure's parts, and a warning naming every mandatory part it lacks.
    func readProcedure(_ document: inout Document, frontMatterLine: Int?) {
        let m = document.metadata
        let (procedure, findings) = ProcedureReader().read(values: document.extra, title: m.title, field: m.field, status: m.status,
                                                           body: document.body.text, sourceLine: document.body.sourceLine)
        for finding in findings {
            document.diagnostics.append(Diagnostic(.warning, file: document.source, line: finding.line, finding.key, finding.arguments))
        }
        var missing = procedure.missingParts
        if procedure.code == nil { missing.insert("mã thủ tục (code)", at: 0) }
        if !missing.isEmpty {
            document.diagnostics.append(Diagnostic(.warning, file: document.source, line: 1, .procedureLacks,
                                                   ["parts": missing.joined(separator: ", ")]))
        }
        document.procedure = procedure
    }

    /// Citations in shaped Markdown, each with the content line it stands on.
    static func citations(in markdown: ShapedMarkdown) -> [LocatedCitation] {
        // with the issuer after "của": the cited-documents index says who issued an external document
        let found = CitationScanner().scan(markdown.text, details: true)
        guard !found.isEmpty else { return [] }
        var text = markdown.text
        // Newlines found by memchr over the contiguous bytes: iterating String.UTF8View, then testing each byte,
        // were a few per cent of reading.
        return text.withUTF8 { bytes in
            var located: [LocatedCitation] = []
            var line = 1
            var offset = 0
            for citation in found {
                let end = min(citation.linkRange.lowerBound, bytes.count)
                while offset < end {
                    let newline = bytes.index(of: 0x0A, from: offset)
                    guard newline < end else { break }
                    line += 1
                    offset = newline + 1
                }
                offset = max(offset, end)
                located.append(LocatedCitation(citation: citation, line: markdown.sourceLine(line)))
            }
            return located
        }
    }

    /// With neither a summary nor a heading, the first line names the document.
    /// A short first paragraph is taken as the title; a long one stays in the body.
    static func titleFromFirstLine(_ body: [SourceLine]) -> (String?, [SourceLine]) {
        guard let first = body.first else { return (nil, body) }
        let clean = first.text.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ "))
        let singleLine = body.count == 1 || body[1].startsParagraph
        if singleLine, clean.count <= 200, !clean.isEmpty {
            return (clean, Array(body.dropFirst()))
        }
        let words = clean.split(separator: " ").prefix(20).joined(separator: " ")
        return (words + (clean.count > words.count ? "…" : ""), body)
    }

    /// Without front matter or a printed header, every missing field is named;
    /// otherwise only those a reader cannot do without (type, year, summary):
    /// a blank number or a year-only date is normal in a published draft.
    func missingFields(_ m: DocumentMetadata, path: String, frontMatter: Bool, header: Bool) -> [Diagnostic] {
        let bare = !frontMatter && !header
        var missing: [String] = []
        if m.type == nil { missing.append("type") }
        if bare, m.number == nil { missing.append("number") }
        if m.year == nil { missing.append("date") }
        if m.title == nil { missing.append("title") }
        guard !missing.isEmpty else { return [] }
        return [Diagnostic(.warning, file: path, line: 1, bare ? .missingFieldsBare : .missingFields,
                           ["fields": missing.joined(separator: ", ")])]
    }

    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if byte == 0x0A { line += 1; index += 1; continue }
            let length: Int
            switch byte {
            case 0x00..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: return line
            }
            let end = index + length
            guard end <= data.endIndex else { return line }
            if length > 1, String(data: data[index..<end], encoding: .utf8) == nil { return line }
            index = end
        }
        return line
    }
}

extension String {
    /// Decodes UTF-8, refusing invalid input instead of repairing it.
    init?(validatingUTF8Data data: Data) {
        guard let s = String(validating: data, as: UTF8.self) else { return nil }
        self = s
    }
}
