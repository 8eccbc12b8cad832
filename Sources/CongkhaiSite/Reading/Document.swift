import CongkhaiDomain

/// One document as the build knows it after reading: its metadata, its body
/// and appendices as Markdown, and where it will be published.
public struct Document: Sendable, Codable {
    /// Path of the content file, relative to the content folder.
    public let source: String
    /// Its identity from one build to the next: the content file, not a position in a list.
    public var id: DocumentID { DocumentID(source) }
    public var metadata: DocumentMetadata
    public var body: ShapedMarkdown
    public var appendices: [ShapedAppendix]
    /// Front-matter keys beyond the common ones, for later steps (procedures, relations).
    public let extra: [String: YAMLValue]
    public var diagnostics: [Diagnostic]

    /// For an administrative procedure (type TTHC): its structured parts.
    public var procedure: Procedure? {
        get { procedureBox?.value }
        set { procedureBox = newValue.map(Boxed.init) }
    }
    var procedureBox: Boxed<Procedure>?
    /// Citations found in the body and appendices, with their source lines.
    @PackedCitations public var citations: [LocatedCitation] = []
    /// Technical standards and regulations named in the body and appendices, each once.
    public var standards: [TechnicalStandard] = []

    /// Site path of the page, relative to the root, ending in "/": "van-ban/2020/545-kh-stttt-vp/".
    public var url = ""
    /// Files named in front matter; the rendered text adds those its links lead to.
    public var attachments: [AttachmentFile] = []
    /// The body, appendices and procedure sections as HTML, rendered once and used by every output.
    public var rendered: RenderedText?
    /// The body's and appendices' Markdown from reading until rendering, when they read empty (`packMarkdown()`).
    var packedMarkdown: PackedMarkdown?
    /// SHA-256 of the content file as read.
    public var sourceDigest = ""
    /// Names what reading gave that lists and links show (see `ReadDigest`): the digest of the
    /// first version of the file read with these facts.
    public var readKey = ""

    public struct ShapedAppendix: Sendable, Codable {
        public let title: String
        public let subtitle: String?
        public let body: ShapedMarkdown
    }

    /// The build cache keeps what reading made, never what later steps add (the rendered text).
    private enum CodingKeys: String, CodingKey {
        case source, metadata, body, appendices, extra, diagnostics, procedureBox = "procedure", citations, standards, url, attachments
        case sourceDigest
        case readKey
    }

    public var year: Int? { metadata.year }
    public var isProcedure: Bool { procedure != nil }
}

public struct LocatedCitation: Sendable, Codable {
    public let citation: Citation
    /// Line in the content file, where known.
    public let line: Int?
}

/// A document's identity: the path of its content file, relative to the
/// content folder. Stable when other files are added or removed.
public struct DocumentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let source: String
    public init(_ source: String) { self.source = source }
    public static func < (a: DocumentID, b: DocumentID) -> Bool { a.source < b.source }
    public var description: String { source }
}
