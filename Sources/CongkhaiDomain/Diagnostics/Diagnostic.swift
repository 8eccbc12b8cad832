/// A problem found in the content, said so that office staff can fix it:
/// the file, the line where it makes sense, what is wrong and what to do.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
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
    public var message: String
    public var hint: String?
    /// The build step that reported it ("reading documents"), stamped by the build.
    public var step: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": \(severity.rawValue): \(message)"
        if let hint { s += "\n    → \(hint)" }
        return s
    }
}
