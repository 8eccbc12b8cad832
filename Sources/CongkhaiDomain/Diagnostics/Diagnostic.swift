/// A problem found in the content, said so that office staff can fix it:
/// the file, the line where it makes sense, what is wrong and what to do.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, Codable {
        /// The document builds, perhaps with less information.
        case warning
        /// The document cannot be published as it is and is left out.
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// Path relative to the content folder (or the site configuration file).
    public var file: String
    public var line: Int?
    /// What is wrong, as a key of the message catalogues (`Sources/CongkhaiMessages/Resources/messages/`) and the
    /// values of its placeholders; the words are chosen at print time, in the reader's language.
    public var key: MessageKey?
    public var arguments: [String: String] = [:]
    /// The text of a diagnostic written before the catalogues (English only; `key` is nil). New code gives a key;
    /// `message` and `hint` (CongkhaiMessages) give the words of either kind.
    public var text: String
    public var textHint: String?
    /// The build step that reported it ("reading documents"), stamped by the build.
    public var step: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.text = message
        self.textHint = hint
    }

    /// A diagnostic in the catalogues: `Diagnostic(.warning, file: f, line: 3, .attachmentNotFound, ["name": name])`.
    public init(_ severity: Severity, file: String, line: Int? = nil, _ key: MessageKey, _ arguments: [String: String] = [:]) {
        self.severity = severity
        self.file = file
        self.line = line
        self.key = key
        self.arguments = arguments
        self.text = ""
    }

    /// Marks a problem with a published document whose previous version stays online: the
    /// message says so after the problem (`MessageKey.previousVersionKept`).
    public static let keptOnlineArgument = "kept-online"

    /// What orders two diagnostics of one line: the text, or the key and its values.
    public var sortText: String {
        guard let key else { return text }
        return key.rawValue + arguments.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
    }

    /// Without a catalogue (in logs and test failures): the English text, or the key and its values.
    public var description: String {
        if key != nil { return "\(Self.printable(file))\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(Self.printable(sortText))" }
        var s = Self.printable(file)
        if let line { s += ":\(line)" }
        s += ": \(severity.rawValue): \(Self.printable(text))"
        if let textHint { s += "\n    → \(Self.printable(textHint))" }
        return s
    }

    /// File names and link targets come from content: control characters
    /// (ESC, newlines) are shown as escapes so they cannot forge a log line or drive a terminal.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { out += "\\u{" + String(scalar.value, radix: 16) + "}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
