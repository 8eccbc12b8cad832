import Foundation

/// One page of the public record: a document or a procedure, with the content
/// file it came from (so a move to a new URL can be told from a removal).
public struct PublishedEntry: Equatable, Hashable, Sendable {
    public enum Kind: String, Sendable { case document, procedure }

    public var url: String
    public var title: String
    public var source: String?
    public var kind: Kind

    public init(url: String, title: String, source: String?, kind: Kind) {
        self.url = url
        self.title = title
        self.source = source
        self.kind = kind
    }
}

/// The documents and procedures a site publishes, read from its open catalogues
/// (`api/documents.json`, `api/procedures.json`).
public struct SiteCatalogue: Equatable, Sendable {
    public static let documentsPath = "api/documents.json"
    public static let proceduresPath = "api/procedures.json"

    public var entries: [PublishedEntry]

    public init(entries: [PublishedEntry]) {
        self.entries = entries
    }

    public var documentCount: Int { entries.filter { $0.kind == .document }.count }
    public var procedureCount: Int { entries.filter { $0.kind == .procedure }.count }

    /// Reads both catalogues through `read` (a local file or one fetched over ssh); a missing one counts as empty.
    public init(reading read: (String) throws -> Data?) throws {
        var entries: [PublishedEntry] = []
        if let data = try read(Self.documentsPath) {
            entries += try Self.parse(data, list: "documents", kind: .document, titleKey: "title")
        }
        if let data = try read(Self.proceduresPath) {
            entries += try Self.parse(data, list: "procedures", kind: .procedure, titleKey: "name")
        }
        self.entries = entries
    }

    static func parse(_ data: Data, list: String, kind: PublishedEntry.Kind, titleKey: String) throws -> [PublishedEntry] {
        let file = kind == .document ? documentsPath : proceduresPath
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = json[list] as? [[String: Any]] else {
            throw PublishFailure(.notACatalogue, ["file": file, "list": list])
        }
        return items.compactMap { item in
            guard let url = item["url"] as? String else { return nil }
            let title = (item[titleKey] as? String) ?? (item["number"] as? String) ?? url
            return PublishedEntry(url: url, title: title, source: item["source"] as? String, kind: kind)
        }
    }
}
