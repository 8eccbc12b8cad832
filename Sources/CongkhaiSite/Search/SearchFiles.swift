import CongkhaiDomain
import Foundation

/// The search index as files the search page loads with `<script>` elements,
/// because browsers refuse `fetch` and WebAssembly to a page opened from disk:
/// every file is one call to the page's script (`CKSearch.words(...)` and so on).
/// Each file a query loads costs a few milliseconds in the browser however small
/// it is, so the layout is made for few files per query.
///
/// - `muc-luc.js`: the list of word shards, the filter values, and for every
///   document its year, type and field, so that filters apply before any
///   document row is loaded, and the script knows where each document's row and
///   context are without loading anything else;
/// - `tu/<key>.js`: the words whose folded form begins with `key`, with their postings;
/// - `vb/<n>.js`: document rows (address, type, number, date, summary), `rowsPerShard` documents a file in the
///   order of their dates, oldest first: the first results of a query, newest first among equals, and those of a
///   year, sit in one or two files, and the page loads the newest two at once, beside the word shards, so that
///   a common query shows its list without a second round of files;
/// - `nd/<type>-<n>.js`: the passages of `textsPerFile` documents' texts around the first use of
///   each of their words, to show a result's matched words in context. A document's passages are
///   named by its place among those of its type, oldest first, and sit in file n = place / `textsPerFile`:
///   a new document (the newest, mostly) leaves the names of the others as they were, so a rebuild keeps
///   their files. The page loads them once the list is shown.
///
/// Documents are numbered newest first, so that equal scores list the newer first.
struct SearchFiles {
    static let folder = Routes.searchIndex
    static let manifest = folder + "muc-luc.js"
    static func wordShard(_ key: String) -> String { folder + "tu/" + key + ".js" }
    static func rowShard(_ key: String) -> String { folder + "vb/\(key).js" }
    /// A context file, by its name (`textFileName`).
    static func text(_ name: String) -> String { folder + "nd/\(name).js" }

    /// Rows per document shard: the rows of a result page sit in a few of them.
    static let rowsPerShard = 500
    /// Bytes of a word shard before it is cut one letter deeper.
    static let wordShardBudget = 24_000
    /// Characters of a document's text that are searched and kept for context: a longer text from its beginning only.
    static let textLimit = 60_000
    /// Bytes of text kept before and after the first use of each word (see `passages`).
    static let contextBefore = 50, contextAfter = 100
    /// Documents whose passages share a context file. Creating a file took about as long as making its
    /// passages, and 10,000 of them made the index step a fifth of the build; a query shows 20 results, whose
    /// passages (1.8 KB each, compressed) then load in at most 20 files of four, 150 KB at most.
    static let textsPerFile = 4

    let records: [DocumentRecord]
    let procedureTypeName: String
    /// The records in the index's order (`ordered`): the document numbers.
    let documents: [DocumentRecord]
    /// Where each document's context is (`places`), by document number.
    let places: [(type: String, place: Int)]
    /// The context files: each one's path and its documents' numbers, in the order of their places.
    let textFiles: [(path: String, members: [Int])]

    init(records: [DocumentRecord], procedureTypeName: String) {
        self.records = records
        self.procedureTypeName = procedureTypeName
        documents = Self.ordered(records)
        places = Self.places(documents)
        textFiles = Self.textFiles(places)
    }

    /// What a rebuild can reuse of a document: the words found in it by the previous build
    /// (as `SearchTermsStore` keeps them), and whether its text file online is already the one it would write.
    struct Reuse {
        var terms: (DocumentRecord) -> Substring? = { _ in nil }
        /// Whether a context file (by its path) online is already the one it would write.
        var textFileKept: (String) -> Bool = { _ in false }
        /// A document's line in its context file online (path, name), to write again as it is: the passages
        /// of a document kept from the previous build, whose text cannot be read now.
        var previousPassages: (_ path: String, _ name: String) -> Data? = { _, _ in nil }
        /// The previous build's index, when it describes the site online (`SearchIndexStore.load`).
        var previousIndex: SearchIndexStore?
        /// Keeps index files online as they are (`PageSink.keep`); false when one of them is not there.
        var keepFiles: ([String]) -> Bool = { _ in false }
        /// The digest of every record (`BuildState.recordsDigest`): the manifest and the rows are made from the records.
        var recordsDigest = ""
        /// The key of a document's words in the index kept for the next build (`SearchIndexStore`), when the build
        /// keeps a cache: equal keys, equal words. Cheaper than the stored words' key, made only when those are.
        var patchKey: (DocumentRecord) -> String? = { _ in nil }
        /// Whether the build renders the document's text (see `patching`).
        var rendersNow: (DocumentRecord) -> Bool = { _ in true }
    }

    /// The records, newest first (by date, then address): the document numbers of the index.
    static func ordered(_ records: [DocumentRecord]) -> [DocumentRecord] {
        records.sorted { a, b in
            switch (a.metadata.date, b.metadata.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.url < b.url
            }
        }
    }

    /// Where each document's row and context are: its type (`typeSlug`) and its place among the documents of
    /// that type, oldest first. The script works the same out from the manifest's types.
    static func places(_ ordered: [DocumentRecord]) -> [(type: String, place: Int)] {
        var next: [String: Int] = [:]
        var places = [(type: String, place: Int)](repeating: ("", 0), count: ordered.count)
        for number in ordered.indices.reversed() {
            let type = typeSlug(ordered[number])
            places[number] = (type, next[type, default: 0])
            next[type, default: 0] += 1
        }
        return places
    }

    /// The context files of documents at these places (see `textFiles`), oldest first within a type.
    static func textFiles(_ places: [(type: String, place: Int)]) -> [(path: String, members: [Int])] {
        var files: [(path: String, members: [Int])] = [], byPath: [String: Int] = [:]
        for number in places.indices.reversed() {
            let path = text(textFileName(contextName(places[number])))
            if let i = byPath[path] {
                files[i].members.append(number)
            } else {
                byPath[path] = files.count
                files.append((path, [number]))
            }
        }
        return files
    }

    /// The name of a document's passages in its context file: its type and place.
    static func contextName(_ place: (type: String, place: Int)) -> String { "\(place.type)-\(place.place)" }

    /// The name of the context file that holds the passages named `contextName` ("bao-cao-13" is in "bao-cao-3").
    static func textFileName(_ contextName: String) -> String {
        guard let dash = contextName.lastIndex(of: "-"), let place = Int(contextName[contextName.index(after: dash)...]) else {
            return contextName
        }
        return "\(contextName[..<dash])-\(place / textsPerFile)"
    }

    /// What each context file is made from, for the build cache: its documents' names, each with the key of its
    /// text (`input`), in the order the file holds them.
    func textFileParts(input: (DocumentRecord) -> String) -> [(path: String, parts: [(id: DocumentID, name: String, input: String)])] {
        textFiles.map { file in
            (file.path, file.members.map { (documents[$0].id, Self.contextName(places[$0]), input(documents[$0])) })
        }
    }

    /// A document's words: as one line (`SearchTermsStore`), found in its text now or as the previous build
    /// stored them.
    enum Terms {
        case stored(Substring)
        /// The same as in the previous build's index, which is patched: not gathered.
        case unchanged

        /// The line as `SearchTermsStore` keeps it.
        var line: String { String(storedLine) }

        var storedLine: Substring {
            switch self {
            case .stored(let line): return line
            case .unchanged: preconditionFailure() // the words of an unchanged document are not gathered
            }
        }
    }

    /// What the index step makes.
    struct Made {
        /// Path and text of each file to write.
        var files: [(path: String, text: String)]
        /// Each record's words, in the order of `records`; nil when the previous index was patched, which needs
        /// the words of the changed documents only.
        var terms: [Terms]?
        /// Every word shard's key, in order.
        var shardKeys: [String]
        /// The index to keep for the next build, when the build keeps a cache.
        var store: SearchIndexStore?
    }

    /// The documents whose words change, when the previous index can be patched with theirs; nil when the index
    /// is made whole. Decided before any text is read: a document whose text the build renders again changed (its
    /// text's inputs did, and they are part of its key, `Reuse.patchKey`), and the others' keys need no text.
    func patching(reusing reuse: Reuse) -> Set<Int>? {
        guard let previous = reuse.previousIndex, previous.documents.count == documents.count,
              zip(previous.documents, documents).allSatisfy({ $0.id == $1.id.source }) else { return nil }
        let changed = parallelMap(Array(documents.indices)) { number -> Bool? in
            if reuse.rendersNow(documents[number]) { return true }
            return reuse.patchKey(documents[number]).map { $0 != previous.documents[number].key }
        }
        guard !changed.contains(nil) else { return nil }
        let numbers = documents.indices.filter { changed[$0]! }
        return numbers.count <= Self.patchLimit ? Set(numbers) : nil
    }

    /// One context file's documents, read: each one's words, unless a patch keeps them (`.unchanged`), and the
    /// file's text, unless the file online is kept (nil then). Called on any thread, one file at a time; the
    /// caller lets the texts go when done with them.
    func gather(_ file: (path: String, members: [Int]), patching: Set<Int>?, reuse: Reuse) -> (terms: [Terms], text: Data?) {
        let kept = reuse.textFileKept(file.path)
        var passages = Data()
        let terms = file.members.map { number -> Terms in
            let record = documents[number]
            if let patching, !patching.contains(number), kept { return .unchanged }
            // a patch finds the words of the few changed texts again rather than read every stored one
            let cached = patching == nil ? reuse.terms(record).map(Terms.stored) : nil
            if let cached, kept { return cached }
            // the text as bytes from end to end: it is never made a string, which would check every byte of it
            let text = Self.plainTextUTF8(record)
            let found = text.withUnsafeBufferPointer { SearchIndex.termLineAndFirstUses(head: Self.headTexts(record), bodyUTF8: $0) }
            if !kept {
                let name = Self.contextName(places[number])
                passages.append(reuse.previousPassages(file.path, name)
                                ?? Self.textFile(name: name, text: Self.passages(of: text, firstUses: found.firstUses)))
            }
            return cached ?? .stored(Substring(found.line))
        }
        return (terms, kept ? nil : passages)
    }

    /// What the index step writes and each record's words (see `Made`), from the words `gathered` (by document
    /// number, `.unchanged` for those not gathered) and the documents changed in a `patching` of the previous index.
    func finish(gathered: [Terms], patching: Set<Int>?, reuse: Reuse) -> Made {
        // every document's key, for the index the next build patches: those of changed texts are known now
        var listed: [(id: String, key: String)]? = []
        for record in documents {
            guard let key = reuse.patchKey(record) else { listed = nil; break }
            listed!.append((record.id.source, key))
        }
        var words: (written: [(key: String, text: String)], keys: [String], store: SearchIndexStore?)?
        if let previous = reuse.previousIndex, let listed, let patching {
            words = patched(previous, changed: patching.sorted(), terms: gathered, listed: listed, reuse: reuse)
        }
        var terms: [Terms]?
        if words == nil {
            // every document's words: those not gathered for a patch that could not be made, now
            let all = parallelMap(Array(documents.indices)) { number -> Terms in
                guard case .unchanged = gathered[number] else { return gathered[number] }
                let record = documents[number]
                return reuse.terms(record).map(Terms.stored) ?? .stored(Substring(Self.plainTextUTF8(record).withUnsafeBufferPointer {
                    SearchIndex.termLineAndFirstUses(head: Self.headTexts(record), bodyUTF8: $0).line
                }))
            }
            words = wordShards(terms: all, listed: listed)
            terms = all
        }
        let made = words!

        // the manifest and the rows are made from the records (and the manifest names the shards): a patch in which
        // no record changed keeps them as they are online
        var others: [(path: String, text: String)] = []
        var keptOthers: [(path: String, digest: String)] = []
        let rowFiles = (documents.count + Self.rowsPerShard - 1) / Self.rowsPerShard
        if terms == nil, let previous = reuse.previousIndex, previous.recordsDigest == reuse.recordsDigest,
           previous.others.count == rowFiles + 1, previous.shards.map(\.key) == made.keys,
           reuse.keepFiles(previous.others.map(\.path)) {
            keptOthers = previous.others
        } else {
            others.append((Self.manifest, manifest(documents, shards: made.keys)))
            // oldest first, so that a new document (the newest, mostly) changes the last file only
            var rowShards = [[String]](repeating: [], count: rowFiles)
            for number in documents.indices.reversed() {
                rowShards[(documents.count - 1 - number) / Self.rowsPerShard].append(row(documents[number]))
            }
            for (shard, rows) in rowShards.enumerated() {
                others.append((Self.rowShard(String(shard)), "CKSearch.rows(\"\(shard)\",[\n" + rows.joined(separator: ",\n") + "]);\n"))
            }
        }
        let files = others + made.written.map { (Self.wordShard($0.key), $0.text) }
        let byRecord = terms.map { terms in
            let termsByID = Dictionary(uniqueKeysWithValues: zip(documents.map(\.id), terms))
            return records.map { termsByID[$0.id]! }
        }
        let store = made.store?.recording(records: reuse.recordsDigest, written: others, kept: keptOthers)
        return Made(files: files, terms: byRecord, shardKeys: made.keys, store: store)
    }

    /// The previous index with the words of the changed documents patched in; nil when it cannot be
    /// (see `SearchIndexStore.patched`) or the shards it keeps are not online.
    private func patched(_ previous: SearchIndexStore, changed: [Int], terms: [Terms], listed: [(id: String, key: String)],
                         reuse: Reuse) -> (written: [(key: String, text: String)], keys: [String], store: SearchIndexStore?)? {
        guard let patch = previous.patched(changed: changed.map { ($0, Self.termList(terms[$0])) }, documents: listed,
                                           budget: Self.wordShardBudget),
              reuse.keepFiles(patch.kept.map(Self.wordShard)) else { return nil }
        let written = patch.written.map { (key: $0.key, text: Self.shardFile($0)) }
        return (written, patch.store.shards.map(\.key), patch.store.recording(written))
    }

    /// The word shards made from every document's words: the files to write, every shard's key, and the
    /// index to keep when the documents' keys are `listed`.
    private func wordShards(terms: [Terms], listed: [(id: String, key: String)]?)
        -> (written: [(key: String, text: String)], keys: [String], store: SearchIndexStore?) {
        // the words go to the index in two parts at once, each part's words in document order
        let partCount = 2
        let index = SearchIndex(merging: parallelMap(Array(0..<partCount)) { part -> SearchIndex in
            var index = SearchIndex()
            for (number, found) in terms.enumerated() {
                switch found {
                case .stored(let line):
                    SearchTermsStore.forEachTerm(in: line, part: part, of: partCount) { key, inHead in
                        index.add(document: number, key: key, inHead: inHead)
                    }
                case .unchanged: preconditionFailure() // every document's words are gathered for a whole index
                }
            }
            return index
        })
        let shards = index.shards(budget: Self.wordShardBudget)
        let written = shards.map { (key: $0.key, text: Self.shardFile($0)) }
        let store = listed.map { SearchIndexStore(documents: $0, shards: shards, files: written.map(\.text), index: index) }
        return (written, shards.map(\.key), store)
    }

    /// Changed documents beyond which the index is made whole: patching one costs a pass over every word.
    static let patchLimit = 64

    /// A document's words, as a list.
    static func termList(_ terms: Terms) -> [(key: String, inHead: Bool)] {
        switch terms {
        case .stored(let line):
            var list: [(key: String, inHead: Bool)] = []
            SearchTermsStore.forEachTerm(in: line) { list.append(($0, $1)) }
            return list
        case .unchanged: preconditionFailure() // a changed document's words are gathered
        }
    }

    /// A word shard's file: one call with its words, each with its forms and their postings.
    static func shardFile(_ shard: SearchIndex.Shard) -> String {
        var out = "CKSearch.words(" + JSONString.quote(shard.key) + ",{"
        for (i, word) in shard.words.enumerated() {
            if i > 0 { out += ",\n" }
            JSONString.quote(word.folded, into: &out)
            out += ":["
            out += word.forms.map { JSONString.quote($0.exact) + "," + JSONString.quote($0.postings) }.joined(separator: ",")
            out += "]"
        }
        out += "});\n"
        return out
    }

    // MARK: rows and filters

    func typeKey(_ record: DocumentRecord) -> (slug: String, name: String)? {
        if record.procedure != nil { return (Self.procedureSlug, procedureTypeName) }
        return record.metadata.type.map { ($0.slug, $0.name) }
    }

    static let procedureSlug = Routes.procedures.replacingOccurrences(of: "/", with: "")

    /// The type part of a document's row and context file names: its type's slug, "_" for a document without one.
    static func typeSlug(_ record: DocumentRecord) -> String {
        record.procedure != nil ? procedureSlug : record.metadata.type?.slug ?? "_"
    }

    static func field(_ record: DocumentRecord) -> String? { record.procedure?.field ?? record.metadata.field }

    private func row(_ record: DocumentRecord) -> String {
        let m = record.metadata
        let summary = record.procedure?.name ?? m.title ?? ""
        let number = record.procedure?.code ?? Formatting.number(m.number) ?? ""
        return "[" + [record.url, typeKey(record)?.name ?? "", number, m.date?.short ?? "", summary]
            .map(JSONString.quote)
            .joined(separator: ",") + "]"
    }

    /// The manifest's line that lists the word shards (the shortcut for edited texts writes it again).
    static func shardsLine(_ keys: [String]) -> String {
        "\"shards\":[" + keys.map(JSONString.quote).joined(separator: ",") + "],"
    }

    private func manifest(_ documents: [DocumentRecord], shards: [String]) -> String {
        let types = Dictionary(documents.compactMap(typeKey).map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        let typeSlugs = types.keys.sorted { VietnameseText.collationLess(types[$0]!, types[$1]!) }
        let fields = Set(documents.compactMap(Self.field)).sorted(by: VietnameseText.collationLess)
        let years = Set(documents.compactMap(\.metadata.year)).sorted(by: >)
        let typeNumber = Dictionary(uniqueKeysWithValues: typeSlugs.enumerated().map { ($1, $0 + 1) })
        let fieldNumber = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1, $0 + 1) })
        func list(_ values: [String]) -> String { "[" + values.map(JSONString.quote).joined(separator: ",") + "]" }
        var out = "CKSearch.manifest({\"count\":\(documents.count),\"rowsPerShard\":\(Self.rowsPerShard),"
        out += "\"textsPerFile\":\(Self.textsPerFile),\n"
        out += Self.shardsLine(shards) + "\n"
        out += "\"types\":[" + typeSlugs.map { "[" + JSONString.quote($0) + "," + JSONString.quote(types[$0]!) + "]" }
            .joined(separator: ",") + "],\n"
        out += "\"fields\":[" + fields.map { "[" + JSONString.quote(VietnameseText.slug($0)) + "," + JSONString.quote($0) + "]" }
            .joined(separator: ",") + "],\n"
        out += "\"years\":[" + years.map(String.init).joined(separator: ",") + "],\n"
        out += "\"year\":[" + documents.map { String($0.metadata.year ?? 0) }.joined(separator: ",") + "],\n"
        out += "\"type\":[" + documents.map { String(typeKey($0).flatMap { typeNumber[$0.slug] } ?? 0) }.joined(separator: ",") + "],\n"
        out += "\"field\":[" + documents.map { String(Self.field($0).flatMap { fieldNumber[$0] } ?? 0) }.joined(separator: ",") + "]});\n"
        return out
    }
}
