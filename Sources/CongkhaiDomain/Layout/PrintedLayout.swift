/// A document as the printed page lays it out: the header (issuing body,
/// number, place and date), the type heading and summary, the body, the
/// footer (recipients and signature) and the appendices.
public struct PrintedLayout: Sendable {
    /// What the header, heading and footer said.
    public var metadata = DocumentMetadata()
    /// True when a printed header (number, date or issuing body) was found.
    public var hasHeader = false
    /// Body lines, without the header and footer lines.
    public var body: [SourceLine] = []
    public var appendices: [Appendix] = []
    public var wasUnwrapped = false
    /// Problems met while reading the layout (a number that is not one, ...).
    public var findings: [Finding] = []

    public struct Finding: Sendable, Equatable {
        public let line: Int
        public let message: String
        public let hint: String
    }
}

/// "PHỤ LỤC SỐ LIỆU" / "(Kèm theo Báo cáo số ... )" and its content.
public struct Appendix: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    public var lines: [SourceLine]
}
