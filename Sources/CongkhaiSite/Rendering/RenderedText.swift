import CongkhaiDomain
import CongkhaiMarkdown

/// A document's text as HTML, rendered once in its own step and kept on the
/// document, so that the page and every later output (search text, feeds,
/// JSON-LD, the JSON twin) use it instead of rendering again. Links in it are
/// relative to the document's own page.
public struct RenderedText: Sendable {
    public var bodyHTML = ""
    /// The body's headings with their anchors, for the table of contents.
    public var headings: [RenderedMarkdown.Heading] = []
    public var appendices: [Appendix] = []
    /// A procedure's standard sections written as Markdown, as HTML.
    public var procedureSections: [Procedure.Section: String] = [:]
    /// A procedure's other sections, in order, as HTML.
    public var otherSections: [String] = []
    /// Form templates a procedure offers for download.
    public var downloads: [Download] = []
    /// The files named in front matter, then those the text links to.
    public var attachments: [AttachmentFile] = []

    public struct Appendix: Sendable {
        public let id: String
        public let title: String
        public let subtitle: String?
        public let html: String
    }

    public struct Download: Sendable {
        /// As written in the procedure (`forms:` or a dossier template).
        public let source: String
        public let file: AttachmentFile
        /// "Tải mẫu tờ khai ... (DOCX, 24 KB)".
        public let label: String
    }

    /// The words of body and appendices without markup, for outputs that index or summarise text.
    public var plainText: String {
        ([bodyHTML] + appendices.map(\.html)).map(HTMLText.strip).joined(separator: "\n")
    }
}
