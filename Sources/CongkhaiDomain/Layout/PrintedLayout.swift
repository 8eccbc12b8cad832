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

    /// Line of the type heading ("BÁO CÁO"), when there is one.
    public var typeHeadingLine: Int?
    /// True when a "Số:" line was printed, even blank (a draft's "Số: /BC-...").
    public var sawNumberLine = false

    public struct Finding: Sendable, Equatable {
        public let line: Int
        /// English text of a finding written before the catalogues; empty when `key` is set.
        public let message: String
        public let hint: String
        public var key: MessageKey?
        public var arguments: [String: String] = [:]

        public init(line: Int, message: String, hint: String) {
            self.line = line
            self.message = message
            self.hint = hint
        }

        public init(line: Int, _ key: MessageKey, _ arguments: [String: String] = [:]) {
            self.line = line
            self.message = ""
            self.hint = ""
            self.key = key
            self.arguments = arguments
        }

        /// The warning for `file`.
        public func diagnostic(file: String) -> Diagnostic {
            if let key { return Diagnostic(.warning, file: file, line: line, key, arguments) }
            return Diagnostic(.warning, file: file, line: line, message, hint: hint)
        }
    }
}

/// "PHỤ LỤC SỐ LIỆU" / "(Kèm theo Báo cáo số ... )" and its content.
public struct Appendix: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    public var lines: [SourceLine]
}
