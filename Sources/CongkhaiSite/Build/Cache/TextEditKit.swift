import CongkhaiDomain
import Foundation

/// What the shortcut for edited texts (`TextEdits`) needs of the last build besides the cache's head,
/// kept beside it in the cache folder: small tables, read in milliseconds, where the cache's sources
/// file (every document as read) takes most of a second to decode at 10,000 documents.
struct TextEditKit: Codable {
    static let fileName = "text-edits.bin"

    /// The cache key of the build that wrote it: a kit of another build is not used.
    var key = ""
    /// Every content file's size and time ([size, nanoseconds]) when that build began: the files
    /// whose stamps differ now are the ones that changed.
    var stamps: [String: [Int64]] = [:]
    /// The digests the site marker's content digest was made from, by content path.
    var markerDigests: [String: String] = [:]
    /// Each document's address, by content path: where links in a text lead.
    var urls: [String: String] = [:]
    var attachments: [String: AttachmentFile] = [:]
    /// Documents by number key, in the corpus's order, and their years: how a citation in running
    /// text resolves (the citation graph's own index, `CitationGraph(resolving:years:)`).
    var numbers: [String: [String]] = [:]
    var years: [String: Int] = [:]
    /// Each document's number in the search index and the name of its context file (`SearchFiles`).
    var searchNumbers: [String: Int] = [:]
    var contextNames: [String: String] = [:]

    init() {}

    /// The kit of a build that has just linked its corpus.
    init(key: String, stamps: FileStamps?, corpus: Corpus, records: [DocumentRecord], markerDigests: [String: String]) {
        self.key = key
        self.stamps = stamps?.stamps.mapValues { [Int64($0.size), $0.modified] } ?? [:]
        self.markerDigests = markerDigests
        attachments = corpus.attachments
        for doc in corpus.documents {
            urls[doc.source] = doc.url
            if let number = doc.metadata.number, number.number != nil { numbers[number.key, default: []].append(doc.source) }
            if let year = doc.year { years[doc.source] = year }
        }
        (searchNumbers, contextNames) = SearchFiles.numbersAndContextNames(records)
    }

    var addresses: Corpus.Addresses {
        Corpus.Addresses(urls: Dictionary(uniqueKeysWithValues: urls.map { (DocumentID($0.key), $0.value) }), attachments: attachments)
    }

    /// Citations resolve against this index as they did in the build that wrote it.
    var resolution: CitationGraph {
        CitationGraph(resolving: numbers.mapValues { $0.map(DocumentID.init) },
                      years: Dictionary(uniqueKeysWithValues: years.map { (DocumentID($0.key), $0.value) }))
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
