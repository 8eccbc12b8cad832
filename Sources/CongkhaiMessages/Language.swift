import Foundation
import Yams

/// The language of the command line's messages: Vietnamese unless the user asks otherwise.
public enum Language: String, CaseIterable, Sendable {
    case vi, en

    /// `--lang vi|en`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `en_US.UTF-8` is English), else `language:`
    /// in the content folder's site.yml, else Vietnamese. "C" and "POSIX" say nothing about a language and are skipped.
    public static func resolve(argument: String?, environment: [String: String], siteYML: URL?) -> Language {
        if let argument, let language = Language(code: argument) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if value == "C" || value.hasPrefix("C.") || value == "POSIX" { continue }
            if let language = Language(code: value) { return language }
            // A locale of another language (fr_FR): English is closer to it than Vietnamese.
            return .en
        }
        if let siteYML, let language = siteLanguage(siteYML) { return language }
        return .vi
    }

    /// "vi", "vi_VN.UTF-8", "en-GB" → the language; anything else → nil.
    public init?(code: String) {
        let prefix = code.lowercased().prefix { $0.isLetter }
        guard let language = Language(rawValue: String(prefix)) else { return nil }
        self = language
    }

    /// `language:` of a site.yml, read on its own before anything else (the messages of the
    /// build that reads the file properly are already in this language).
    static func siteLanguage(_ url: URL) -> Language? {
        guard let data = try? Data(contentsOf: url), data.count < 1 << 20, let text = String(data: data, encoding: .utf8),
              let node = try? Yams.compose(yaml: text), let value = node["language"]?.string else { return nil }
        return Language(code: value)
    }
}
