import CongkhaiDomain
import CongkhaiMarkdown
import Foundation

/// Renders a document's Markdown (body, appendices, procedure sections) to
/// HTML: citations in running text become links to the documents they name,
/// and every link target is decided by the link resolver.
struct DocumentTextRenderer {
    let addresses: Corpus.Addresses
    let graph: CitationGraph
    let strings: UIStrings
    private let markdown = MarkdownRenderer()
    private let scanner = CitationScanner()

    init(addresses: Corpus.Addresses, graph: CitationGraph, strings: UIStrings) {
        self.addresses = addresses
        self.graph = graph
        self.strings = strings
    }

    func render(_ doc: Document) -> (RenderedText, [Diagnostic]) {
        let root = Routes.root(of: doc.url)
        var diagnostics: [Diagnostic] = []
        var text = RenderedText()
        text.attachments = doc.attachments
        let resolver = LinkResolver(doc: doc, addresses: addresses, root: root)
        let linker = citationLinker(from: doc.id, root: root)
        let tableLabel = strings["table"]

        func render(_ source: UnsafeBufferPointer<UInt8>, lineMap: ShapedMarkdown, _ options: RenderOptions) -> RenderedMarkdown {
            let out = markdown.render(utf8: source, options: options, linkText: linker) { target in
                resolver.decide(target, lineMap: lineMap, diagnostics: &diagnostics, attachments: &text.attachments)
            }
            report(rawHTML: out.rawHTMLRemovals, map: lineMap, doc: doc, into: &diagnostics)
            return out
        }
        func render(_ shaped: ShapedMarkdown, _ options: RenderOptions) -> RenderedMarkdown {
            var source = shaped.text
            return source.withUTF8 { render($0, lineMap: shaped, options) }
        }

        // A procedure's text is its sections (the reader took them from the body).
        if let procedure = doc.procedure {
            let options = RenderOptions(minimumHeadingLevel: 3, tableLabel: tableLabel)
            func section(_ markdown: String) -> String { render(ShapedMarkdown(text: markdown, lineMap: []), options).html }
            for key in Procedure.Section.allCases {
                if case .markdown(let source)? = procedure.sections[key] { text.procedureSections[key] = section(source) }
            }
            text.otherSections = procedure.otherSections.map { section($0.markdown) }
            text.downloads = downloads(procedure, doc: doc, diagnostics: &diagnostics)
            return (text, diagnostics)
        }
        let bodyOptions = RenderOptions(tableLabel: tableLabel)
        func appendixOptions(_ i: Int) -> RenderOptions {
            RenderOptions(minimumHeadingLevel: 3, idPrefix: "pl\(i + 1)-", tableLabel: tableLabel)
        }
        // The Markdown of a document unpacked for rendering (`Document.unpacked`) is read from the layout's bytes,
        // body then appendices, as below.
        let unpacked = doc.packedMarkdown?.withParts { parts -> [RenderedMarkdown]? in
            guard parts.count == doc.appendices.count + 1 else { return nil }
            return parts.enumerated().map { i, part in
                render(part.text, lineMap: ShapedMarkdown(text: "", lineMap: part.lineMap), i == 0 ? bodyOptions : appendixOptions(i - 1))
            }
        } ?? nil
        let body = unpacked?[0] ?? render(doc.body, bodyOptions)
        text.bodyHTML = OfficialMarkup.apply(body.html, typeCode: doc.metadata.type?.code)
        text.headings = body.headings
        for (i, appendix) in doc.appendices.enumerated() {
            let out = unpacked?[i + 1] ?? render(appendix.body, appendixOptions(i))
            text.appendices.append(.init(id: "phu-luc-\(i + 1)", title: appendix.title.isEmpty ? strings["appendix"] : appendix.title,
                                         subtitle: appendix.subtitle, html: out.html))
        }
        return (text, diagnostics)
    }

    /// Makes each resolved citation in running text a link; the text stays as written.
    func citationLinker(from source: DocumentID, root: String) -> TextLinker {
        TextLinker(mayLink: Self.mayHoldCitation) { text in
            // Most citations found lead nowhere (a document outside the site): the text is cut only around those that do.
            var cursor = 0
            let links = scanner.links(text).compactMap { link -> (Range<Int>, String)? in
                guard let target = graph.target(of: link.number, year: link.year, from: source).flatMap({ addresses.urls[$0] }),
                      link.range.lowerBound >= cursor else { return nil }
                cursor = link.range.upperBound
                return (link.range, Routes.href(root, target))
            }
            guard !links.isEmpty else { return [.text(text)] }
            // Pieces cut from the String itself: the scanner's offsets fall between characters (a citation starts and ends
            // with an ASCII byte or a whole letter), so they are copied without decoding the UTF-8 again.
            let utf8 = text.utf8
            func piece(_ range: Range<Int>) -> String {
                let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound), to = utf8.index(from, offsetBy: range.count)
                return String(Substring(utf8[from..<to]))
            }
            var pieces: [TextPiece] = []
            cursor = 0
            for (range, url) in links {
                if range.lowerBound > cursor { pieces.append(.text(piece(cursor..<range.lowerBound))) }
                pieces.append(.link(piece(range), url: url))
                cursor = range.upperBound
            }
            if cursor < utf8.count { pieces.append(.text(piece(cursor..<utf8.count))) }
            return pieces
        }
    }

    /// Whether CitationScanner could find a citation in these bytes. It reports one only where a
    /// run of ASCII digits is followed by "/" or "-" and then by what may start a symbol: a letter
    /// ("15/2020/NĐ-CP", "12-KH/TU"), or a year, a slash and a letter ("05/2015/TT-BCA"). Its other
    /// rules only rule out more, so text with no such place has none: most text nodes, dates
    /// ("ngày 15/4/2016") included. Checking the bytes first spares making them Strings and
    /// scanning them.
    static func mayHoldCitation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/"), hyphen = UInt8(ascii: "-")
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        // as the scanner's startsSymbol: an ASCII letter, or the lead byte of a Vietnamese one (C3 and up)
        func startsLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || byte >= 0xC3
        }
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        // each digit d followed by a separator at d + 1, while d + 2 is still in the text; eight bytes at a time past
        // words without a digit (most of a text node), as the scanner does
        var d = 0
        while d + 2 < n {
            if d + 8 <= n {
                let digits = CitationScanner.digitMask(raw.loadUnaligned(fromByteOffset: d, as: UInt64.self))
                if digits == 0 { d += 8; continue }
                // to the first digit, the loop's bound checked again
                if digits.trailingZeroBitCount >= 8 { d += digits.trailingZeroBitCount >> 3; continue }
            }
            let byte = bytes[d + 1]
            if isDigit(bytes[d]), byte == slash || byte == hyphen {
                let k = d + 2
                if startsLetter(bytes[k]) { return true }
                if k + 5 < n, isDigit(bytes[k]), isDigit(bytes[k + 1]), isDigit(bytes[k + 2]), isDigit(bytes[k + 3]),
                   bytes[k + 4] == slash, startsLetter(bytes[k + 5]) { return true }
            }
            d += 1
        }
        return false
    }

    /// Form templates from `forms:` and the dossier, as links that say what they download.
    func downloads(_ p: Procedure, doc: Document, diagnostics: inout [Diagnostic]) -> [RenderedText.Download] {
        let folder = (doc.source as NSString).deletingLastPathComponent
        return p.namedForms.compactMap { source, label in
            guard case .inside(let path) = ContentPath.resolve(source, from: folder), let file = addresses.attachments[path] else {
                diagnostics.append(Diagnostic(.warning, file: doc.source, .formNotFound, ["name": source]))
                return nil
            }
            return .init(source: source, file: file,
                         label: "\(strings["download_form"]) \(label) (\(file.kind), \(Formatting.size(file.size)))")
        }
    }

    /// Raw HTML keeps its text and simple table structure; each thing the
    /// allow-list removed (a script, an attribute, a tag) is named with its line.
    func report(rawHTML removals: [HTMLSanitizer.Removal], map: ShapedMarkdown, doc: Document, into diagnostics: inout [Diagnostic]) {
        for removal in removals {
            diagnostics.append(Diagnostic(.warning, file: doc.source, line: map.sourceLine(removal.line), .rawHTMLRemoved,
                                          ["what": removal.what]))
        }
    }
}
