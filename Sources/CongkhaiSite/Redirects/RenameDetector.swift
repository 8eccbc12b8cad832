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
    public static func entries(catalogue data: Data?) -> [Entry] {
        guard let data, let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        let items = (json["documents"] as? [[String: Any]] ?? []) + (json["procedures"] as? [[String: Any]] ?? [])
        return items.compactMap { item in
            guard let url = item["url"] as? String, let source = item["source"] as? String else { return nil }
            return Entry(url: url, source: source)
        }
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
