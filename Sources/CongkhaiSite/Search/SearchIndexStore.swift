import CongkhaiDomain
import Foundation

/// The word index of the previous build, kept in the build cache's folder (`search-index.bin`), so that a
/// rebuild in which a few texts changed patches their words into it and makes again only the word shards of
/// the groups those words are in (`SearchIndex.group`), keeping the others online: making the index again from
/// every document's stored words took 1.5 s of a one-document rebuild at 10,000 documents.
///
/// Trusted only for the site it describes: every word shard it names must be online with the digest it
/// recorded, as the build cache lists the previous build's files (so a build that wrote it and then failed is
/// not believed), and the documents must be numbered as before. Anything else, and the index is made whole.
struct SearchIndexStore {
    static let fileName = "search-index.bin"
    private static let magic = Array("congkhai-search-index 2\n".utf8)

    struct Word {
        var folded: String
        var exact: String
        var postings: [UInt32]
    }

    /// By document number: the document's id and the key of its words (`SearchTermsStore.key`).
    var documents: [(id: String, key: String)] = []
    /// Every word shard's key with the digest of its file, in key order.
    var shards: [(key: String, digest: String)] = []
    /// The digest of the records the manifest and the rows were made from (`BuildState.recordsDigest`).
    var recordsDigest = ""
    /// The manifest's and the row files' paths and digests: kept as they are when the records did not change.
    var others: [(path: String, digest: String)] = []
    /// By group (`SearchIndex.group`), its words in (folded, exact) order.
    var groups: [String: [Word]] = [:]
    /// The file this store was read from, and where each group's part of it is: a group that did not change is
    /// written back as those bytes (encoding every group again was most of the time a patched rebuild spent saving).
    private var read: [UInt8] = []
    private var readGroups: [String: Range<Int>] = [:]

    private init() {}

    // MARK: made from a whole index

    /// The store of an index made whole: `shards` as written, their files' digests, the index's postings.
    init(documents: [(id: String, key: String)], shards: [SearchIndex.Shard], files: [String], index: SearchIndex) {
        self.documents = documents
        self.shards = zip(shards, files).map { ($0.key, ContentDigest.of(Data($1.utf8))) }
        for shard in shards {
            let group = SearchIndex.group(shardKey: shard.key)
            for word in shard.words {
                for form in word.forms {
                    groups[group, default: []].append(Word(folded: word.folded, exact: form.exact, postings: index.postings[form.exact]!))
                }
            }
        }
    }

    // MARK: patching

    /// What a patch makes: the shards to write (the groups the changed words are in), the keys of the shards
    /// kept as they are online, and the store for the next build.
    struct Patch {
        var written: [SearchIndex.Shard]
        var kept: [String]
        var store: SearchIndexStore
    }

    /// The index with the words of the documents `changed` (by number) replaced by their new `terms`; nil when a
    /// changed word is in a group whose shards cannot be made apart (its key holds "_"): the caller makes the
    /// index whole. `documents` is the new list (the same ids in the same order, some keys changed).
    func patched(changed: [(number: Int, terms: [(key: String, inHead: Bool)])], documents: [(id: String, key: String)],
                 budget: Int) -> Patch? {
        // where each exact word is: its group and place
        var place: [String: (group: String, index: Int)] = [:]
        place.reserveCapacity(groups.values.reduce(0) { $0 + $1.count })
        for (group, words) in groups { for (i, word) in words.enumerated() { place[word.exact] = (group, i) } }
        var groups = self.groups
        var touched = Set<String>()  // groups whose words changed
        for change in changed {
            let document = UInt32(change.number)
            // its words before: every list that holds it
            for group in groups.keys {
                var words = groups[group]!
                var changedHere = false
                for i in words.indices {
                    let (at, found) = Self.position(of: document, in: words[i].postings)
                    if found {
                        words[i].postings.remove(at: at)
                        changedHere = true
                    }
                }
                if changedHere {
                    groups[group] = words
                    touched.insert(group)
                }
            }
            // its words now
            for (key, inHead) in change.terms {
                let posting = document << 1 | (inHead ? 1 : 0)
                if let at = place[key] {
                    let (i, _) = Self.position(of: document, in: groups[at.group]![at.index].postings)
                    groups[at.group]![at.index].postings.insert(posting, at: i)
                    touched.insert(at.group)
                } else {
                    let folded = SearchTerms.fold(exactKey: key)
                    let group = SearchIndex.group(folded: folded)
                    place[key] = (group, groups[group, default: []].count)
                    groups[group, default: []].append(Word(folded: folded, exact: key, postings: [posting]))
                    touched.insert(group)
                }
            }
        }
        // a group whose words are the same as before keeps its shards
        let affected = touched.filter { group in
            let before = self.groups[group] ?? [], after = groups[group]!.filter { !$0.postings.isEmpty }
            return before.count != after.count || zip(before, after).contains { $0.exact != $1.exact || $0.postings != $1.postings }
        }
        if affected.contains(where: { $0.contains("_") }) { return nil }

        var store = SearchIndexStore()
        store.documents = documents
        store.groups = self.groups // a group touched but the same as before stays as it was
        store.read = read
        store.readGroups = readGroups.filter { !affected.contains($0.key) }
        var written: [SearchIndex.Shard] = []
        for group in affected {
            let words = groups[group]!.filter { !$0.postings.isEmpty }
                .sorted { $0.folded != $1.folded ? $0.folded < $1.folded : $0.exact < $1.exact }
            store.groups[group] = words.isEmpty ? nil : words
            var byFolded: [SearchIndex.Word] = []
            for word in words {
                let form = (exact: word.exact, postings: SearchIndex.encode(word.postings))
                if byFolded.last?.folded == word.folded { byFolded[byFolded.count - 1].forms.append(form) } else {
                    byFolded.append((folded: word.folded, forms: [form]))
                }
            }
            written += SearchIndex.shards(of: byFolded, budget: budget)
        }
        let kept = shards.filter { !affected.contains(SearchIndex.group(shardKey: $0.key)) }
        store.shards = kept + written.map { ($0.key, "") } // digests of the written ones: `recording(_:)`
        store.shards.sort { $0.key < $1.key }
        return Patch(written: written, kept: kept.map(\.key), store: store)
    }

    /// The store with the digests of the shard files written for it.
    func recording(_ files: [(key: String, text: String)]) -> SearchIndexStore {
        var store = self
        let digests = Dictionary(files.map { ($0.key, ContentDigest.of(Data($0.text.utf8))) }, uniquingKeysWith: { a, _ in a })
        for i in store.shards.indices { if let digest = digests[store.shards[i].key] { store.shards[i].digest = digest } }
        return store
    }

    /// The store describing the manifest and rows too: those written (path and text) and those `kept` as online.
    func recording(records: String, written: [(path: String, text: String)], kept: [(path: String, digest: String)]) -> SearchIndexStore {
        var store = self
        store.recordsDigest = records
        store.others = (kept + written.map { ($0.path, ContentDigest.of(Data($0.text.utf8))) }).sorted { $0.path < $1.path }
        return store
    }

    /// Where a document's posting is, or would go, in a list in document order.
    static func position(of document: UInt32, in list: [UInt32]) -> (index: Int, found: Bool) {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            let here = list[middle] >> 1
            if here == document { return (middle, true) }
            if here < document { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    // MARK: the file

    /// The store of the previous build, if it describes the site online: `online` gives the digest of a file
    /// of the site the build cache describes, `shardCount` how many word shards that site has.
    static func load(from folder: URL, online: (String) -> String?, shardCount: Int) -> SearchIndexStore? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        guard let store = data.withUnsafeBytes({ decode($0) }) else { return nil }
        guard store.shards.count == shardCount,
              store.shards.allSatisfy({ online(SearchFiles.wordShard($0.key)) == $0.digest }),
              store.others.allSatisfy({ online($0.path) == $0.digest }) else { return nil }
        return store
    }

    /// Writes the store into the cache's folder; a store that cannot be written is removed, never left stale.
    func save(in folder: URL) {
        // a megabyte at a time: the whole file made in memory and copied was three times its size (125 MB at
        // 100,000 documents) at the end of a full build
        BuildCache.saveFile(Self.fileName, in: folder) { handle in try encode { try handle.write(contentsOf: $0) } }
    }

    static func remove(from folder: URL) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(fileName))
    }

    private static let isLittleEndian = UInt32(1).littleEndian == 1

    /// The file's bytes, whole (see `encode`).
    func encoded() -> [UInt8] {
        var whole: [UInt8] = []
        encode { whole.append(contentsOf: $0) }
        return whole
    }

    /// Lengths and postings as little-endian UInt32, strings as their length and UTF-8 bytes, handed to `write` a
    /// megabyte or so at a time.
    func encode(_ write: ([UInt8]) throws -> Void) rethrows {
        var out = Self.magic
        out.reserveCapacity(1 << 20)
        func number(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out.append(contentsOf: $0) } }
        func text(_ value: String) { number(value.utf8.count); out.append(contentsOf: value.utf8) }
        number(documents.count)
        for document in documents { text(document.id); text(document.key) }
        number(shards.count)
        for shard in shards { text(shard.key); text(shard.digest) }
        text(recordsDigest)
        number(others.count)
        for file in others { text(file.path); text(file.digest) }
        number(groups.count)
        for group in groups.keys.sorted() {
            try out.flush(to: write)
            if let range = readGroups[group] {
                out.append(contentsOf: read[range])
                continue
            }
            let words = groups[group]!
            text(group)
            number(words.count)
            for word in words {
                text(word.folded)
                text(word.exact)
                number(word.postings.count)
                // the whole list at once: the file holds millions of postings
                if Self.isLittleEndian {
                    word.postings.withUnsafeBytes { out.append(contentsOf: $0) }
                } else {
                    for posting in word.postings { withUnsafeBytes(of: posting.littleEndian) { out.append(contentsOf: $0) } }
                }
            }
        }
        try out.flush(over: 1, to: write)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> SearchIndexStore? {
        var at = 0
        func number() -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        }
        func text() -> String? {
            guard let count = number(), at + count <= bytes.count else { return nil }
            defer { at += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + count]), as: UTF8.self)
        }
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        at = magic.count
        var store = SearchIndexStore()
        guard let documentCount = number() else { return nil }
        for _ in 0..<documentCount {
            guard let id = text(), let key = text() else { return nil }
            store.documents.append((id, key))
        }
        guard let shardCount = number() else { return nil }
        for _ in 0..<shardCount {
            guard let key = text(), let digest = text() else { return nil }
            store.shards.append((key, digest))
        }
        guard let recordsDigest = text(), let otherCount = number() else { return nil }
        store.recordsDigest = recordsDigest
        for _ in 0..<otherCount {
            guard let path = text(), let digest = text() else { return nil }
            store.others.append((path, digest))
        }
        guard let groupCount = number() else { return nil }
        for _ in 0..<groupCount {
            let groupStart = at
            guard let group = text(), let wordCount = number() else { return nil }
            var words: [Word] = []
            words.reserveCapacity(wordCount)
            for _ in 0..<wordCount {
                guard let folded = text(), let exact = text(), let count = number(), at + 4 * count <= bytes.count else { return nil }
                let postings = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
                    if isLittleEndian, count > 0 {
                        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at..<at + 4 * count]))
                    } else {
                        for i in 0..<count {
                            buffer[i] = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 4 * i, as: UInt32.self))
                        }
                    }
                    initialized = count
                }
                at += 4 * count
                words.append(Word(folded: folded, exact: exact, postings: postings))
            }
            store.groups[group] = words
            store.readGroups[group] = groupStart..<at
        }
        guard at == bytes.count else { return nil }
        store.read = Array(bytes)
        return store
    }
}
