import CongkhaiDomain
import CongkhaiMarkdown
import Foundation

/// A page that is not a document: the department's introduction, its
/// organisation, the information-access contact point (đầu mối cung cấp
/// thông tin), request forms. A file under `trang/`, or with `type: trang` in
/// its front matter, is one. It has no official layout, number or date of
/// issue; it is listed in the menu (in the order of `pages:` in site.yml) and
/// is a page of the route table like any other, so that the sitemap and the
/// search find it.
public struct PlainPage: Sendable {
    /// The content file, relative to the content folder.
    public let source: String
    /// "trang/gioi-thieu/".
    public let url: String
    public let title: String
    /// From front matter `description:`, else the first paragraph: what a link preview says.
    public let description: String
    /// From front matter `date:` or `published:`: the "last updated" of the page.
    public let updated: DocumentDate?
    /// The rendered text, links decided as in documents.
    public let html: String
    /// The file name without `.md`: how site.yml's `pages:` names it.
    public let name: String

    /// The folder of plain pages, and their addresses' prefix.
    public static let folder = "trang"
    static let type = DocumentType(code: "trang", name: "Trang")

    /// Whether a content file is a plain page: under `trang/`, or declaring
    /// `type: trang` in its front matter (only the front matter's lines are looked at).
    /// `head`: the file's first `headLength` bytes (all of a shorter file).
    static func isPlainPage(path: String, head: Data) -> Bool {
        if path.hasPrefix(folder + "/") { return true }
        if let answer = head.withUnsafeBytes({ typeByBytes($0.bindMemory(to: UInt8.self)) }) { return answer }
        return typeByCharacters(head)
    }

    /// How much of a file `isPlainPage` is given: its front matter's first lines.
    static let headLength = 4096

    /// The first `headLength` bytes of a file, or none when it cannot be read: for a file too large to be read whole.
    static func head(of file: URL) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: headLength)) ?? Data()
    }

    /// Whether the front matter at the start of `head` says `type: trang`, read as Characters. Line by line up to the
    /// closing "---" only: splitting the whole head first took more time than reading the front matter. The first
    /// line is the opening "---"; empty lines say nothing.
    static func typeByCharacters(_ head: Data) -> Bool {
        guard let text = String(data: head, encoding: .utf8) ?? String(data: head.dropLast(4), encoding: .utf8),
              text.hasPrefix("---") else { return false }
        var rest = text[(text.firstIndex(of: "\n") ?? text.endIndex)...]
        while !rest.isEmpty {
            rest = rest.dropFirst()
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = rest[end...]
            if line.isEmpty { continue }
            if let answer = typeLine(line) { return answer }
        }
        return false
    }

    /// The answer of `typeByCharacters`, found on the bytes, or nil when only that reading can tell.
    /// Every file of the site comes through here, most with a front matter of Vietnamese lines that say nothing of
    /// the type: making the head a String (Foundation's took 100,000 instructions for 4 KB) and walking it
    /// Character by Character took most of this step.
    /// - A head that starts with neither "---" nor a byte order mark is no plain page.
    /// - Without "\r" ("\r\n" is one Character, not a "\n"), the text's lines are its bytes' lines. A line that is
    ///   not blank and whose first byte after spaces and tabs is an ASCII byte other than "-" and "t" can neither
    ///   be the closing "---" nor start with "type:", trimmed (`typeLine` trims no other ASCII byte): it is passed
    ///   over without being made a String.
    private static func typeByBytes(_ head: UnsafeBufferPointer<UInt8>) -> Bool? {
        let dash = UInt8(ascii: "-")
        guard head.count >= 3, head[0] == dash, head[1] == dash, head[2] == dash else {
            return head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? nil : false
        }
        if head.count > 3, head[3] >= 0x80 { return nil } // a mark joined to the third dash: no "---" Character
        // Foundation's decoding, which the reading by Characters starts with, is strict: so is this one.
        let text: UnsafeBufferPointer<UInt8>
        if String(validating: head, as: UTF8.self) != nil {
            text = head
        } else if String(validating: UnsafeBufferPointer(rebasing: head.dropLast(4)), as: UTF8.self) != nil {
            text = UnsafeBufferPointer(rebasing: head.dropLast(4))
        } else {
            return false
        }
        if text.index(of: 0x0D, from: 0) < text.count { return nil }
        var start = text.index(of: 0x0A, from: 0) + 1 // the first line is the opening "---"
        while start < text.count {
            let end = text.index(of: 0x0A, from: start)
            var first = start
            while first < end, text[first] == 0x20 || text[first] == 0x09 { first += 1 }
            if first < end, text[first] >= 0x80 || text[first] == dash || text[first] == UInt8(ascii: "t") {
                let line = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
                if let answer = typeLine(line[...]) { return answer }
            }
            start = end + 1
        }
        return false
    }

    /// What a front matter line says of the page being plain: false for the closing "---" (no type said),
    /// whether the type is plain for a "type:" line, nil for any other line.
    private static func typeLine(_ line: Substring) -> Bool? {
        let clean = line.trimmingCharacters(in: .whitespaces)
        if clean == "---" { return false }
        guard clean.hasPrefix("type:") else { return nil }
        let value = clean.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        return VietnameseText.fold(value).lowercased() == folder
    }

    /// Reads and renders one plain page; a file that cannot be read is an error naming it.
    static func read(_ data: Data, path: String, types: DocumentTypeTable, addresses: Corpus.Addresses,
                     tableLabel: String) -> Result<(PlainPage, [Diagnostic]), Diagnostic> {
        guard let decoded = String(validatingUTF8Data: data) else {
            return .failure(Diagnostic(.error, file: path, .notUTF8))
        }
        let text = VietnameseText.normalize(decoded)
        let frontMatter: FrontMatter
        var diagnostics: [Diagnostic]
        switch FrontMatter.split(text, file: path, types: types.adding([type])) {
        case .failure(let problem): return .failure(problem)
        case .success(let (value, found)): (frontMatter, diagnostics) = (value, found)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let slug = VietnameseText.slug(name)
        let url = folder + "/" + (slug.isEmpty ? "trang" : slug) + "/"
        var lines = frontMatter.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Without a title in front matter, a first "# Title" line is the title, and the page's <h1>: it is not repeated.
        var title = frontMatter.metadata.title
        if title == nil, let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
           lines[first].hasPrefix("# ") {
            title = lines[first].dropFirst(2).trimmingCharacters(in: .whitespaces)
            lines[first] = ""
        }
        let withoutTitle = lines.joined(separator: "\n")
        let shaped = ShapedMarkdown(text: withoutTitle, lineMap: lines.indices.map { $0 + frontMatter.bodyFirstLine })
        let resolver = LinkResolver(source: path, addresses: addresses, root: Routes.root(of: url))
        var ignored: [AttachmentFile] = []
        let rendered = MarkdownRenderer().render(shaped.text, options: RenderOptions(tableLabel: tableLabel), rewrite: { target in
            resolver.decide(target, lineMap: shaped, diagnostics: &diagnostics, attachments: &ignored)
        })
        for removal in rendered.rawHTMLRemovals {
            diagnostics.append(Diagnostic(.warning, file: path, line: shaped.sourceLine(removal.line), .rawHTMLRemoved,
                                          ["what": removal.what]))
        }
        let description = frontMatter.extra["description"]?.text ?? firstParagraph(withoutTitle) ?? title ?? name
        let page = PlainPage(source: path, url: url, title: title ?? name, description: description,
                             updated: frontMatter.metadata.published ?? frontMatter.metadata.date, html: rendered.html, name: name)
        return .success((page, diagnostics))
    }

    /// The first paragraph of plain text, without Markdown marks, short enough for a link preview.
    static func firstParagraph(_ markdown: String) -> String? {
        let paragraph = markdown.components(separatedBy: "\n\n").lazy.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("|") && !$0.hasPrefix("-") && !$0.hasPrefix("!") }
        guard let paragraph else { return nil }
        let plain = paragraph.replacingOccurrences(of: "\n", with: " ").filter { !"*_`[]".contains($0) }
        return plain.count > 200 ? String(plain.prefix(199)) + "…" : plain
    }

    /// The menu's order: the names site.yml lists under `pages:`, in that order, then the rest by title.
    static func menuOrder(_ pages: [PlainPage], order: [String]) -> [PlainPage] {
        let rank = Dictionary(order.enumerated().map { (VietnameseText.slug($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
        return pages.sorted { a, b in
            switch (rank[VietnameseText.slug(a.name)], rank[VietnameseText.slug(b.name)]) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return VietnameseText.collationLess(a.title, b.title) || (a.title == b.title && a.url < b.url)
            }
        }
    }
}

extension Routes {
    /// The plain pages' addresses, for the route table (`allPages`), the sitemap and the search.
    static func plainPages(_ pages: [PlainPage]) -> [String] { pages.map(\.url) }
}
