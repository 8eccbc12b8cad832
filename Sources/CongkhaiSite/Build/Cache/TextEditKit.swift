import CongkhaiDomain
import Foundation

/// What the shortcut for edited texts (`TextEdits`) needs of the last build besides the cache's head,
/// kept beside it in the cache folder. Its tables are lines of tab-separated fields in one string each,
/// not Codable dictionaries: through `CompactCoder` ten thousand entries took a tenth of a second each
/// way, most of the shortcut's time, where a string is copied whole and its lines split with memchr.
struct TextEditKit: Codable {
    static let fileName = "text-edits.bin"

    /// The cache key of the build that wrote it: a kit of another build is not used.
    var key = ""
    /// "path \t size \t nanoseconds" of every content file when that build began: the files whose
    /// stamps differ now are the ones that changed.
    var stamps = ""
    /// "sha256  path" of every file the site marker's content digest is made from, in path order:
    /// the very text `ContentDigest.ofFiles` digests.
    var markerLines = ""
    /// "path \t address \t year \t number key \t number in the search index \t context file" of every
    /// document, in the corpus's order: where links in a text lead, how its citations resolve (the
    /// citation graph's own index), and its place in the search index (`SearchFiles`).
    var documents = ""
    var attachments: [String: AttachmentFile] = [:]

    init() {}

    /// The kit of a build that has just written its site; nil when a path holds a tab or a line break.
    init?(key: String, stamps: FileStamps?, corpus: Corpus, records: [DocumentRecord], markerDigests: [String: String]) {
        self.key = key
        self.stamps = Self.stampLines(stamps?.stamps ?? [:])
        guard !markerDigests.keys.contains(where: { $0.contains("\n") }) else { return nil }
        markerLines = ContentDigest.lines(markerDigests)
        attachments = corpus.attachments
        let search = SearchFiles.numbersAndContextNames(records)
        var lines: [String] = []
        for doc in corpus.documents {
            let number = doc.metadata.number.flatMap { $0.number == nil ? nil : $0.key } ?? ""
            let fields = [doc.source, doc.url, doc.year.map(String.init) ?? "", number, search.numbers[doc.source].map(String.init) ?? "",
                          search.names[doc.source] ?? ""]
            guard !fields.contains(where: { $0.contains("\t") || $0.contains("\n") }) else { return nil }
            lines.append(fields.joined(separator: "\t") + "\n")
        }
        documents = lines.joined()
        guard !self.stamps.isEmpty || stamps == nil else { return nil }
    }

    static func stampLines(_ stamps: [String: FileStamps.Stamp]) -> String {
        PackedLines.text(stamps.keys.sorted().map { [$0, String(stamps[$0]!.size), String(stamps[$0]!.modified)] }) ?? ""
    }

    /// The stamps as stored, by path.
    var stampsByPath: [String: FileStamps.Stamp] {
        var out: [String: FileStamps.Stamp] = [:]
        PackedLines.forEachRow(in: stamps) { fields in
            guard fields.count == 3, let size = Int(fields[1]), let modified = Int64(fields[2]) else { return }
            out[fields[0]] = FileStamps.Stamp(size: size, modified: modified)
        }
        return out
    }

    /// A document of the kit.
    struct Document {
        let url: String
        let year: Int?
        let numberKey: String
        let searchNumber: Int?
        let contextName: String
    }

    /// The documents by path, and their paths in the corpus's order.
    var documentsByPath: (byPath: [String: Document], order: [String]) {
        var byPath: [String: Document] = [:], order: [String] = []
        PackedLines.forEachRow(in: documents) { fields in
            guard fields.count == 6 else { return }
            byPath[fields[0]] = Document(url: fields[1], year: Int(fields[2]), numberKey: fields[3], searchNumber: Int(fields[4]),
                                         contextName: fields[5])
            order.append(fields[0])
        }
        return (byPath, order)
    }

    /// Where links in a text lead, as the corpus's `addresses` gave them.
    static func addresses(_ documents: [String: Document], attachments: [String: AttachmentFile]) -> Corpus.Addresses {
        let urls = Dictionary(uniqueKeysWithValues: documents.map { (DocumentID($0.key), $0.value.url) })
        return Corpus.Addresses(urls: urls, attachments: attachments)
    }

    /// Citations resolve against this index as they did in the build that wrote it.
    static func resolution(_ documents: [String: Document], order: [String]) -> CitationGraph {
        var byKey: [String: [DocumentID]] = [:], years: [DocumentID: Int] = [:]
        for path in order {
            let doc = documents[path]!
            if !doc.numberKey.isEmpty { byKey[doc.numberKey, default: []].append(DocumentID(path)) }
            if let year = doc.year { years[DocumentID(path)] = year }
        }
        return CitationGraph(resolving: byKey, years: years)
    }


    static func load(from folder: URL) -> TextEditKit? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        return try? CompactCoder.decode(TextEditKit.self, from: data)
    }

    /// Written to a new file renamed over the old one: never half written.
    func save(to folder: URL) throws {
        let temporary = folder.appendingPathComponent(Self.fileName + ".new")
        try Data(try CompactCoder.encode(self)).write(to: temporary)
        guard rename(temporary.path, folder.appendingPathComponent(Self.fileName).path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path])
        }
    }

    static func remove(from folder: URL) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(fileName))
    }
}
