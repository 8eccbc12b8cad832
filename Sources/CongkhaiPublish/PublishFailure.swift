import CongkhaiMessages

/// A publish, rollback or listing that cannot go on, said so that office staff
/// know what is wrong and what to do. Nothing has been switched when it is thrown.
/// It carries a catalogue key and its values; the command line prints `words` in the user's language.
public struct PublishFailure: CataloguedFailure, Sendable {
    public let key: PublishText
    public let arguments: [String: String]
    public var messageKey: String { key.rawValue }

    public init(_ key: PublishText, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}
