import CongkhaiDomain
import Foundation

extension BuildStep {
    /// `tim-kiem/` and its index, made from the records and the words the Markdown step found in their texts (see
    /// SearchFiles and `SearchGathering`). Made from every record's words: a rebuild in which no record and no
    /// text changed keeps it whole; a rebuild in which few texts changed patches their words into the previous
    /// build's index and writes the word shards they are in (SearchIndexStore); any other rebuild takes the words
    /// of unchanged texts from the cache and finds those of the others. Either way only the context files of
    /// changed texts are written.
    static let search = BuildStep("writing the search index", dependsOnRecordsAndTexts: true) { state in
        let gathering = state.searchGathering ?? state.gatherSearch()
        state.searchGathering = nil
        let search = gathering.search
        // the keys of the index kept for the next build, now that every text's are known
        gathering.reuse.recordsDigest = state.recordsDigest
        let made = search.finish(gathered: gathering.gathered, patching: gathering.patching, reuse: gathering.reuse)
        for file in made.files { state.sink.write(file.path, file.text) }
        if state.options.useCache {
            let cacheFolder = BuildCache.folder(for: state.options.output)
            // after a patch the stored words stay as they were: keyed by what they were found in, those of a
            // changed text are not found again, and a later build finds them once more if it needs them
            if let terms = made.terms {
                let keys = gathering.termsKeys.all
                // Written now, as the index's store is, unless a preview keeps them in memory: held for the cache's
                // save at the end, they were 180 MB at 100,000 documents. Keyed by what they were found in, lines
                // written by a build that then fails are still true.
                if state.options.keptCache == nil {
                    SearchTermsStore.save(keys: keys, lines: terms.map(\.storedLine), in: cacheFolder)
                } else {
                    state.next.searchTerms = Dictionary(zip(keys, parallelMap(terms, \.line)), uniquingKeysWith: { a, _ in a })
                }
            }
            if let store = made.store { store.save(in: cacheFolder) } else { SearchIndexStore.remove(from: cacheFolder) }
        }
        state.writePages([{ SearchPage(frame: state.pageFrame, shardKeys: made.shardKeys, documentCount: state.records.count).render() }])
    }
}

/// What the search index is made from, gathered by the Markdown step as it renders each text (the words and the
/// passages of its context file), then made into the index by the search step.
final class SearchGathering {
    let search: SearchFiles
    var reuse: SearchFiles.Reuse
    /// The stored words' keys, made only if asked for (a digest of each text's inputs and head texts).
    let termsKeys: SearchTermsStore.Keys
    /// The documents whose words change in a patch of the previous index (nil: the index is made whole).
    let patching: Set<Int>?
    /// Each document's words, by document number, as they are gathered.
    var gathered: [SearchFiles.Terms]

    init(search: SearchFiles, reuse: SearchFiles.Reuse, termsKeys: SearchTermsStore.Keys) {
        self.search = search
        self.reuse = reuse
        self.termsKeys = termsKeys
        patching = search.patching(reusing: reuse)
        gathered = Array(repeating: .unchanged, count: search.documents.count)
    }
}

extension BuildState {
    /// The search index's plan, before any text is read: what it can reuse of the previous build, and which
    /// documents' words a patch changes. The context files it keeps belong to the search step.
    func gatherSearch() -> SearchGathering {
        let cacheFolder = BuildCache.folder(for: options.output)
        // read only if needed: a patched index needs no stored words, and reading them took most of such a rebuild
        let stored = SearchTermsStore.Lazy(previous == nil ? { [:] }
            : { [kept = previousSearchTerms] in kept ?? SearchTermsStore.load(from: cacheFolder) })
        let termsKeys = SearchTermsStore.Keys(options.useCache ? records : [])
        let search = SearchFiles(records: records, procedureTypeName: theme.string("procedures"))
        let reuse = searchReuse(search, cacheFolder: cacheFolder, stored: stored, termsKeys: termsKeys)
        return SearchGathering(search: search, reuse: reuse, termsKeys: termsKeys)
    }

    fileprivate func searchReuse(_ search: SearchFiles, cacheFolder: URL, stored: SearchTermsStore.Lazy,
                                 termsKeys: SearchTermsStore.Keys) -> SearchFiles.Reuse {
        let keptTexts = keepSharedFiles(search.textFileParts { $0.renderKey }, for: BuildStep.search.name)
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
        if options.useCache {
            // the text's inputs and the record (which holds the head texts): equal keys, equal words
            reuse.patchKey = { record in record.renderKey + " " + record.digest }
            reuse.rendersNow = { [toRender] record in toRender.contains(record.id) }
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
