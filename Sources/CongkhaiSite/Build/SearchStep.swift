import CongkhaiDomain
import Foundation

extension BuildStep {
    /// `tim-kiem/` and its index, made from the records' text (see SearchFiles).
    /// Made from every record's words: a rebuild in which no record and no text changed keeps it whole;
    /// a rebuild in which few texts changed patches their words into the previous build's index and writes the
    /// word shards they are in (SearchIndexStore); any other rebuild takes the words of unchanged texts from the
    /// cache and finds those of the others. Either way only the text files of changed texts are written.
    static let search = BuildStep("writing the search index", dependsOnRecordsAndTexts: true) { state in
        let cacheFolder = BuildCache.folder(for: state.options.output)
        // read only if needed: a patched index needs no stored words, and reading them took most of such a rebuild
        let stored = SearchTermsStore.Lazy(state.previous == nil ? { [:] }
            : { [kept = state.previousSearchTerms] in kept ?? SearchTermsStore.load(from: cacheFolder) })
        // the stored words' keys, made only if asked for (a digest of each text's inputs and head texts)
        let termsKeys = SearchTermsStore.Keys(state.options.useCache ? state.records : [])
        let search = SearchFiles(records: state.records, procedureTypeName: state.theme.string("procedures"))
        let reuse = state.searchReuse(search, cacheFolder: cacheFolder, stored: stored, termsKeys: termsKeys)
        let made = search.files(reusing: reuse) { state.sink.write($0, $1) }
        for file in made.files { state.sink.write(file.path, file.text) }
        if state.options.useCache {
            // after a patch the stored words stay as they were: keyed by what they were found in, those of a
            // changed text are not found again, and a later build finds them once more if it needs them
            if let terms = made.terms {
                state.next.searchTerms = Dictionary(zip(termsKeys.all, parallelMap(terms, \.line)), uniquingKeysWith: { a, _ in a })
            }
            if let store = made.store { store.save(in: cacheFolder) } else { SearchIndexStore.remove(from: cacheFolder) }
        }
        state.writePages([{ SearchPage(frame: state.pageFrame, shardKeys: made.shardKeys, documentCount: state.records.count).render() }])
    }
}

extension BuildState {
    /// What the search step can reuse of the previous build: the words stored for unchanged texts, the context
    /// files still online, the passages of documents kept from it, and its index to patch (see `SearchFiles.Reuse`).
    fileprivate func searchReuse(_ search: SearchFiles, cacheFolder: URL, stored: SearchTermsStore.Lazy,
                                 termsKeys: SearchTermsStore.Keys) -> SearchFiles.Reuse {
        let keptTexts = keepSharedFiles(search.textFileParts { $0.renderKey })
        var reuse = SearchFiles.Reuse()
        if previous != nil { reuse.terms = { record in termsKeys.key(of: record.id).flatMap { stored.lines[$0] } } }
        reuse.textFileKept = { keptTexts.contains($0) }
        // the passages of a document kept from the previous build are those online: its text cannot be read now
        let keptNames = Set(search.documents.indices.filter { keptFromPrevious.contains(search.documents[$0].id) }
            .map { SearchFiles.contextName(search.places[$0]) })
        if !keptNames.isEmpty {
            let online = options.output
            reuse.previousPassages = { path, name in
                guard keptNames.contains(name), let file = FileManager.default.contents(atPath: online.appendingPathComponent(path).path)
                else { return nil }
                return SearchFiles.passagesLine(named: name, in: file)
            }
        }
        reuse.keepFiles = { [sink] in sink.keep($0) }
        reuse.recordsDigest = recordsDigest
        if options.useCache, recordDigests.count == records.count {
            // the text's inputs and the record (which holds the head texts): equal keys, equal words
            let patchKeys = Dictionary(uniqueKeysWithValues: zip(records, recordDigests).map { record, digest in
                (record.id, record.renderKey + " " + digest)
            })
            reuse.patchKey = { patchKeys[$0.id] }
        }
        if options.useCache, let previous {
            // the previous build's index, trusted for the index files online as the cache lists them
            let shardFolder = SearchFiles.wordShard("").dropLast(".js".count), textFolder = SearchFiles.text("").dropLast(".js".count)
            let online = Dictionary(previous.files.filter { $0.path.hasPrefix(SearchFiles.folder) && !$0.path.hasPrefix(textFolder) }
                .map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            reuse.previousIndex = SearchIndexStore.load(from: cacheFolder, online: { online[$0] },
                                                        shardCount: online.keys.filter { $0.hasPrefix(shardFolder) }.count)
            // without an index to patch, every document's stored words are looked up: their keys made now, on all
            // cores, not by the first document's lookup while the others wait
            if reuse.previousIndex == nil { _ = termsKeys.all }
        }
        return reuse
    }
}
