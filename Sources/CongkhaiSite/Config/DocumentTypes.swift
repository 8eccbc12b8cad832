import CongkhaiDomain
import CongkhaiMessages
import Foundation
import Yams

extension DocumentTypeTable {
    /// The table shipped with congkhai.
    public static func bundled() throws -> DocumentTypeTable {
        guard let url = Bundle.module.url(forResource: "document-types", withExtension: "yml") else {
            throw BuildFailure(.typeTableMissing)
        }
        return try DocumentTypeTable(yaml: String(contentsOf: url, encoding: .utf8))
    }

    /// The table a site's documents are read with: the shipped one plus the
    /// types its `site.yml` adds (for tools that read documents outside a build, such as import).
    public static func forSite(content: URL) throws -> DocumentTypeTable {
        try bundled().adding(SiteConfig.load(contentDirectory: content).0.extraTypes)
    }

    init(yaml: String) throws {
        self.init(try Self.entries(yaml))
    }

    static func entries(_ yaml: String) throws -> [DocumentType] {
        guard let node = try Yams.compose(yaml: yaml), case .sequence(let items) = node else { return [] }
        return entries(Array(items))
    }

    /// `{code, name, aliases}` entries, from the shipped table or a site's `document_types:`.
    static func entries(_ items: [Node]) -> [DocumentType] {
        items.compactMap { item -> DocumentType? in
            guard let code = item["code"]?.string, let name = item["name"]?.string else { return nil }
            return DocumentType(code: code, name: name, aliases: item["aliases"]?.sequence?.compactMap(\.string) ?? [])
        }
    }

    /// The table with a site's own types added (a site's entry replaces one with the same code).
    func adding(_ extra: [DocumentType]) -> DocumentTypeTable {
        guard !extra.isEmpty else { return self }
        let codes = Set(extra.map(\.code))
        return DocumentTypeTable(types.filter { !codes.contains($0.code) } + extra)
    }
}

/// A failure that stops the whole build; the message says what to do.
public struct BuildFailure: Error, CustomStringConvertible {
    /// What went wrong, as a key of the message catalogues and its values (nil for a failure written before them).
    public var key: MessageKey?
    public var arguments: [String: String] = [:]
    private let text: String
    public init(_ description: String) { self.text = description }
    public init(_ key: MessageKey, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
        self.text = ""
    }

    /// In English (logs, tests); the command line prints the key's text in the user's language.
    public var description: String { key.map { MessageCatalogue.bundled(.en).text($0.rawValue, arguments) } ?? text }

    /// Any error in plain words (in the command line's language when the failure has a key): a build failure
    /// as it is, a file-system error as what happened and where, never a raw NSCocoaErrorDomain dump.
    public static func describe(_ error: Error) -> String {
        if let failure = error as? BuildFailure, let key = failure.key { return Messages.current.text(key.rawValue, failure.arguments) }
        return (error as? BuildFailure)?.description ?? Diagnostic.printable(FileProblem.describe(error))
    }
}
