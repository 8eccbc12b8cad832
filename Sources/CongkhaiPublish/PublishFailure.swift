/// A publish, rollback or listing that cannot go on, said so that office staff
/// know what is wrong and what to do. Nothing has been switched when it is thrown.
public struct PublishFailure: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
