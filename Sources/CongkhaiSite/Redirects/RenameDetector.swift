import Foundation

/// Finds pages that moved between two builds: the same content file (`source`
/// in api/documents.json or api/procedures.json) published at a new URL, after
/// a renumbering, a corrected year or a renamed file kept in its place.
public enum RenameDetector {
    public struct Entry: Equatable, Sendable {
        public var url: String
        public var source: String

        public init(url: String, source: String) {
            self.url = url
            self.source = source
        }
    }

    /// The entries of a catalogue file's list (`documents` or `procedures`); nothing for a file that is not one.
    /// Decoded into these two fields only: a 10,000-document catalogue as Foundation objects
    /// took seconds and hundreds of megabytes on every build.
    public static func entries(catalogue data: Data?) -> [Entry] {
        guard let data, let catalogue = try? JSONDecoder().decode(CatalogueFile.self, from: data) else { return [] }
        return ((catalogue.documents ?? []) + (catalogue.procedures ?? [])).compactMap { item in
            guard let url = item.url, let source = item.source else { return nil }
            return Entry(url: url, source: source)
        }
    }

    private struct CatalogueFile: Decodable {
        let documents: [Item]?
        let procedures: [Item]?
        struct Item: Decodable { let url: String?; let source: String? }
    }

    /// A redirect from every old URL whose source file now publishes elsewhere, unless something new answers at the old URL.
    public static func renames(previous: [Entry], current: [Entry]) -> [Redirect] {
        let currentURLs = Set(current.map(\.url))
        var newURL: [String: String] = [:]
        for entry in current { newURL[entry.source] = entry.url }
        return previous.compactMap { old in
            guard !currentURLs.contains(old.url), let url = newURL[old.source], url != old.url else { return nil }
            return Redirect(from: old.url, to: url, origin: .rename(source: old.source))
        }.sorted { $0.from < $1.from }
    }
}
