/// A key of the message catalogues from one of the key lists (`ImportText`, `ArchiveText`, `PublishText`).
public protocol CatalogueKey: RawRepresentable, Sendable where RawValue == String {}

extension MessageCatalogue {
    public func text<Key: CatalogueKey>(_ key: Key, _ arguments: [String: String] = [:]) -> String {
        text(key.rawValue, arguments)
    }
}

/// A failure that names its problem by a catalogue key and its values, as `BuildFailure` does: the library
/// that throws it has no words of its own; `description` is English (logs, tests) and the command line
/// prints `words`, in the user's language.
public protocol CataloguedFailure: Error, CustomStringConvertible {
    var messageKey: String { get }
    var arguments: [String: String] { get }
    /// In the command line's language.
    var words: String { get }
}

extension CataloguedFailure {
    public var description: String { MessageCatalogue.english.text(messageKey, arguments) }
    public var words: String { Messages.current.text(messageKey, arguments) }
}

extension MessageCatalogue {
    /// The English catalogue, for the English `description` of failures and findings (logs, tests).
    public static var englishForLogs: MessageCatalogue { english }
}
