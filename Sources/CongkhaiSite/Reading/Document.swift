import CongkhaiDomain

/// One document as the build knows it after reading: its metadata, its body
/// and appendices as Markdown, and where it will be published.
public struct Document: Sendable {
    /// Path of the content file, relative to the content folder.
    public let source: String
    public var metadata: DocumentMetadata
    public let hadFrontMatter: Bool
    public let hasPrintedHeader: Bool
    public var body: ShapedMarkdown
    public var appendices: [ShapedAppendix]
    /// Front-matter keys beyond the common ones, for later steps (procedures, relations).
    public let extra: [String: YAMLValue]
    public var diagnostics: [Diagnostic]

    /// Site path of the page, relative to the root, ending in "/": "van-ban/2020/545-kh-stttt-vp/".
    /// For an administrative procedure (type TTHC): its structured parts.
    public var procedure: Procedure?
    /// Citations found in the body and appendices, with their source lines.
    public var citations: [LocatedCitation] = []

    public var url = ""
    public var attachments: [AttachmentFile] = []

    public struct ShapedAppendix: Sendable {
        public let title: String
        public let subtitle: String?
        public let body: ShapedMarkdown
    }

    public var year: Int? { metadata.year }
    public var isProcedure: Bool { procedure != nil }
}

public struct LocatedCitation: Sendable {
    public let citation: Citation
    /// Line in the content file, where known.
    public let line: Int?
}
