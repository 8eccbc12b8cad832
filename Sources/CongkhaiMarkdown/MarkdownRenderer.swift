import CCmarkGFM
import Foundation

/// Renders Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks),
/// in its safe mode: raw HTML is omitted and unsafe link targets dropped.
///
/// Debian's cmark-gfm 0.29.0.gfm.6 is not thread-safe: the strikethrough
/// extension adds its character to a process-wide table when a parser takes
/// it and removes it in `cmark_parser_finish`, and registering the core
/// extensions from two threads at once can abort. So the extensions are
/// registered once, and parsing (from creating the parser to finishing it)
/// happens under one process-wide lock. The AST passes and the HTML renderer
/// touch only the document's own tree and run in parallel;
/// MarkdownConcurrencyTests checks that the output does not change.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// The version of the cmark-gfm library in use: "0.29.0.gfm.6".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Renders `markdown`, letting `rewrite` decide each link and image target
    /// and `linkText` turn parts of plain text (outside links and headings) into links.
    public func render(_ markdown: String, options: RenderOptions = RenderOptions(),
                       linkText: TextLinker? = nil,
                       rewrite: (LinkTarget) -> LinkDecision = { _ in .keep }) -> RenderedMarkdown {
        var markdown = markdown
        return markdown.withUTF8 { render(utf8: $0, options: options, linkText: linkText, rewrite: rewrite) }
    }

    /// As `render(_:options:linkText:rewrite:)` for Markdown given as its UTF-8 bytes, up to the first NUL byte if
    /// any (as a C string would end there): a text kept as bytes need not become a String, which checks every byte.
    public func render(utf8 markdown: UnsafeBufferPointer<UInt8>, options: RenderOptions = RenderOptions(),
                       linkText: TextLinker? = nil,
                       rewrite: (LinkTarget) -> LinkDecision = { _ in .keep }) -> RenderedMarkdown {
        let length = markdown.baseAddress.flatMap { base in
            memchr(base, 0, markdown.count).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) }
        } ?? markdown.count
        CmarkRuntime.shared.lock.lock()
        let parser = CmarkRuntime.shared.makeParser()
        if let base = markdown.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: markdown.count) { cmark_parser_feed(parser, $0, length) }
        } else {
            "".withCString { cmark_parser_feed(parser, $0, 0) }
        }
        let root = cmark_parser_finish(parser)!
        CmarkRuntime.shared.lock.unlock()

        var result = RenderedMarkdown()
        withoutActuallyEscaping(rewrite) { rewrite in
            TreeWalker(root: root, options: options, rewrite: rewrite, linkText: linkText).apply(into: &result)
        }

        let extensions = cmark_parser_get_syntax_extensions(parser)
        // style="text-align: …" rather than the align attribute HTML5 made obsolete
        let html = cmark_render_html(root, CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES, extensions)!
        cmark_node_free(root)
        cmark_parser_free(parser)

        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        result.html = HTMLPostprocessor.finish(bytes, headings: result.headings, tableLabel: options.tableLabel)
        free(html)
        return result
    }
}

public struct RenderOptions: Sendable {
    /// Body headings start at this level: the page's `<h1>` is the document title.
    public var minimumHeadingLevel: Int32 = 2
    /// Prefix for heading ids, so several rendered parts on one page stay unique.
    public var idPrefix: String = ""
    /// The accessible name of the scrollable box around each table, from the theme's strings.
    public var tableLabel: String = "Table"

    public init(minimumHeadingLevel: Int32 = 2, idPrefix: String = "", tableLabel: String = "Table") {
        self.minimumHeadingLevel = minimumHeadingLevel
        self.idPrefix = idPrefix
        self.tableLabel = tableLabel
    }
}

/// Turns parts of plain text into links. `mayLink` sees a text node's UTF-8
/// bytes first: most nodes hold nothing to link, and those it rules out are
/// never made a Swift String nor handed to `link`.
public struct TextLinker {
    /// False only for text in which `link` would find nothing to link.
    public let mayLink: (UnsafeBufferPointer<UInt8>) -> Bool
    public let link: (String) -> [TextPiece]

    public init(mayLink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }, link: @escaping (String) -> [TextPiece]) {
        self.mayLink = mayLink
        self.link = link
    }
}

/// A link or image target found in the Markdown, with its source line.
public struct LinkTarget: Sendable {
    public let url: String
    public let isImage: Bool
    /// Line in the Markdown text (1-based).
    public let line: Int
}

/// A part of a text run: kept as text, or made a link (the text is unchanged).
public enum TextPiece: Sendable, Equatable {
    case text(String)
    case link(String, url: String)
}

public enum LinkDecision: Sendable {
    case keep
    case replace(String)
    /// The link is dropped and its text kept: for unsafe or broken targets.
    case unlink
}

public struct RenderedMarkdown: Sendable {
    public var html = ""
    public var headings: [Heading] = []
    /// What the raw-HTML allow-list removed, with its line in the Markdown text.
    public var rawHTMLRemovals: [HTMLSanitizer.Removal] = []

    public struct Heading: Sendable, Equatable, Codable {
        public let level: Int
        public let text: String
        public let id: String
    }
}

/// The one registration of the core extensions, and the lock around cmark-gfm.
final class CmarkRuntime: @unchecked Sendable {
    static let shared = CmarkRuntime()
    let lock = NSLock()
    private let extensionNames = ["table", "strikethrough", "autolink"]

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
    }

    /// Must be called with the lock held.
    func makeParser() -> OpaquePointer {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        return parser
    }
}
