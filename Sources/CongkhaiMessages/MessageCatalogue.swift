import CongkhaiDomain
import Foundation
import Yams

/// The words of the command line, in one language: read from `Resources/messages/<language>.yml`,
/// a flat list of `key: text` where `{name}` is a placeholder filled at print time.
/// Diagnostics carry a key (`MessageKey`) and values; the command line's own words have keys in `CommandText`.
public struct MessageCatalogue: Sendable {
    public let language: Language
    public let texts: [String: String]

    public init(language: Language, texts: [String: String]) {
        self.language = language
        self.texts = texts
    }

    /// The catalogue shipped with the program. A missing or broken file is a defect of the
    /// program (the tests catch it), so it falls back to the keys themselves rather than stopping.
    public static func bundled(_ language: Language) -> MessageCatalogue {
        MessageCatalogue(language: language, texts: (try? texts(of: language)) ?? [:])
    }

    public static func texts(of language: Language) throws -> [String: String] {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "yml", subdirectory: "messages") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try parse(String(decoding: Data(contentsOf: url), as: UTF8.self))
    }

    public static func parse(_ yaml: String) throws -> [String: String] {
        guard let node = try Yams.compose(yaml: yaml), case .mapping(let mapping) = node else { return [:] }
        var texts: [String: String] = [:]
        for (key, value) in mapping {
            guard let key = key.string, let value = value.string else { continue }
            texts[key] = value
        }
        return texts
    }

    /// The text of a key with its placeholders filled; an unknown key shows itself, so a gap is visible, not silent.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        Self.fill(texts[key] ?? key, arguments)
    }

    public func text(_ key: CommandText, _ arguments: [String: String] = [:]) -> String {
        text(key.rawValue, arguments)
    }

    /// "2024/bao-cao.md:12: cảnh báo: ...\n    → ..." in this catalogue's language.
    public func render(_ diagnostic: Diagnostic) -> String {
        var s = Diagnostic.printable(diagnostic.file)
        if let line = diagnostic.line { s += ":\(line)" }
        s += ": " + text("severity." + diagnostic.severity.rawValue) + ": "
        let (message, hint) = words(of: diagnostic)
        s += Diagnostic.printable(message)
        if let hint { s += "\n    → " + Diagnostic.printable(hint) }
        return s
    }

    /// What is wrong and what to do, in this language (a diagnostic without a key keeps its English text).
    public func words(of diagnostic: Diagnostic) -> (message: String, hint: String?) {
        var (message, hint): (String, String?)
        if let key = diagnostic.key {
            message = text(key.rawValue, diagnostic.arguments)
            hint = texts[key.rawValue + ".hint"].map { Self.fill($0, diagnostic.arguments) }
        } else {
            (message, hint) = (diagnostic.text, diagnostic.textHint)
        }
        if diagnostic.arguments[Diagnostic.keptOnlineArgument] != nil {
            let kept = MessageKey.previousVersionKept.rawValue
            message += "; " + text(kept)
            hint = (hint.map { $0 + "; " } ?? "") + text(kept + ".hint")
        }
        return (message, hint)
    }

    /// `{name}` → its value. Values come from content: they are inserted as they are, never read as placeholders.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholders a text uses, for the test that both languages use the same.
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// The catalogue the command line speaks, chosen once at start (`Messages.use`).
public enum Messages {
    nonisolated(unsafe) public private(set) static var current = MessageCatalogue.bundled(.vi)

    public static func use(_ language: Language) { current = .bundled(language) }
}

extension MessageCatalogue {
    /// A build step's name ("reading documents") in this language: `step.reading-documents` in the catalogue,
    /// else the English name (a step added without its catalogue entry still shows).
    public func stepName(_ english: String) -> String {
        texts["step." + english.replacingOccurrences(of: " ", with: "-")] ?? english
    }
}

extension Diagnostic {
    /// What is wrong, in English (for logs and tests; the command line prints `Messages.current.render`).
    public var message: String { MessageCatalogue.english.words(of: self).message }
    /// What to do, in English.
    public var hint: String? { MessageCatalogue.english.words(of: self).hint }
}

extension MessageCatalogue {
    static let english = MessageCatalogue.bundled(.en)
}

extension Diagnostic {
    /// The whole diagnostic as the command line prints it, in English.
    public var english: String { MessageCatalogue.english.render(self) }
}
