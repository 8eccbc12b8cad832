import CongkhaiDomain
@testable import CongkhaiSite
import Testing

/// A rebuild patches the changed documents' words into the previous index and makes again only the shards of the
/// groups those words are in (`SearchIndexStore.patched`): the shards must be those the whole index gives, byte for
/// byte, or the patch must say it cannot be made.
@Suite struct SearchIndexPatchTests {
    /// Words that share first letters (so that small budgets cut groups deeper), a few with a "_" group
    /// ("1.5", "ßa"), accented forms of the same folded word.
    static let vocabulary = ["tha", "thai", "than", "thanh", "thành", "thánh", "the", "thi", "thoi", "ba", "bà", "bá", "ban",
                             "bản", "bao", "báo", "bảo", "a", "an", "anh", "1", "12", "125", "1.5", "1.25", "1ßa", "1ß", "ßa",
                             "dan", "dân",
                             "dẫn", "van", "vận", "văn", "x", "xa", "xã", "545", "kh", "stttt", "ng", "nga", "ngày", "nghị"]

    /// The rebuild tests' SplitMix64: a failing case is replayed from its seed.
    typealias Generator = IncrementalBuildTests.Random

    static func randomTerms(_ random: inout Generator) -> [String: Bool] {
        var terms: [String: Bool] = [:]
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            let word = vocabulary.randomElement(using: &random)!
            for key in SearchTerms.exactKeys(in: word) { terms[key] = (terms[key] ?? false) || Bool.random(using: &random) }
        }
        return terms
    }

    static func index(_ documents: [[String: Bool]]) -> SearchIndex {
        var index = SearchIndex()
        for (number, terms) in documents.enumerated() { index.add(document: number, terms: terms) }
        return index
    }

    static func store(_ documents: [[String: Bool]], budget: Int, listed: [(id: String, key: String)]? = nil)
        -> (SearchIndexStore, [SearchIndex.Shard]) {
        let index = index(documents)
        let shards = index.shards(budget: budget)
        let files = shards.map(SearchFiles.shardFile)
        let listed = listed ?? documents.indices.map { (id: "d\($0)", key: "k\($0)") }
        return (SearchIndexStore(documents: listed, shards: shards, files: files, index: index), shards)
    }

    @Test func aPatchedIndexHasTheShardsOfTheWholeOne() throws {
        var random = Generator(state: 12)
        var patched = 0, refused = 0
        for round in 0..<400 {
            let budget = [60, 120, 400, 24_000][round % 4]
            var documents = (0..<Int.random(in: 1...30, using: &random)).map { _ in Self.randomTerms(&random) }
            // as read back from its file, as a rebuild has it (its unchanged groups are written back as read)
            let before = try #require(Self.store(documents, budget: budget).0.encoded().withUnsafeBytes { SearchIndexStore.decode($0) })
            let changed = Array(Set((0..<Int.random(in: 1...3, using: &random)).map { _ in
                Int.random(in: 0..<documents.count, using: &random)
            })).sorted()
            for number in changed { documents[number] = Self.randomTerms(&random) }
            let listed = documents.indices.map { (id: "d\($0)", key: changed.contains($0) ? "new\($0)" : "k\($0)") }
            let (whole, wholeShards) = Self.store(documents, budget: budget, listed: listed)
            guard let patch = before.patched(changed: changed.map { ($0, documents[$0].map { ($0.key, $0.value) }) },
                                             documents: listed, budget: budget) else {
                refused += 1
                continue
            }
            patched += 1
            // every shard of the whole index: written by the patch, or kept as it was (the same file)
            let written = Dictionary(uniqueKeysWithValues: patch.written.map { ($0.key, SearchFiles.shardFile($0)) })
            let beforeFiles = Dictionary(uniqueKeysWithValues: before.shards.map { ($0.key, $0.digest) })
            #expect(patch.store.shards.map(\.key) == wholeShards.map(\.key), "round \(round)")
            for (shard, digest) in zip(wholeShards, whole.shards) {
                if let text = written[shard.key] {
                    #expect(text == SearchFiles.shardFile(shard), "round \(round): \(shard.key)")
                } else {
                    #expect(patch.kept.contains(shard.key) && beforeFiles[shard.key] == digest.digest, "round \(round): \(shard.key)")
                }
            }
            // and the store for the next build is the whole index's
            let recorded = patch.store.recording(patch.written.map { ($0.key, SearchFiles.shardFile($0)) })
            #expect(recorded.shards.map(\.digest) == whole.shards.map(\.digest), "round \(round)")
            #expect(recorded.groups.keys.sorted() == whole.groups.keys.sorted(), "round \(round)")
            #expect(recorded.encoded() == whole.encoded(), "round \(round): the file for the next build")
            for (group, words) in whole.groups {
                let mine = recorded.groups[group] ?? []
                #expect(mine.map(\.exact) == words.map(\.exact), "round \(round): \(group)")
                #expect(mine.map(\.postings) == words.map(\.postings), "round \(round): \(group)")
            }
        }
        // both ways are tried
        #expect(patched > 100 && refused > 10, "\(patched) patched, \(refused) refused")
    }

    /// A text's words as one line (`SearchIndex.termLineAndFirstUses`, what the index step holds and the cache
    /// stores), read back word by word, are the words found as a dictionary, with the same head marks.
    @Test func storedWordsAreWrittenAsTheRuleSays() {
        var random = Generator(state: 3)
        for _ in 0..<300 {
            let head = (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.vocabulary.randomElement(using: &random)! }
            let body = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.vocabulary.randomElement(using: &random)! }
                .joined(separator: " ")
            let rule = SearchIndex.termsAndFirstUses(head: head, body: body).terms
            var bodyBytes = body
            let line = bodyBytes.withUTF8 { SearchIndex.termLineAndFirstUses(head: head, bodyUTF8: $0).line }
            var read: [String: Bool] = [:]
            SearchTermsStore.forEachTerm(in: Substring(line)) { read[$0] = $1 }
            #expect(read == rule, "\(line)")
            // and one part's words are that part of them
            var part: [String: Bool] = [:]
            SearchTermsStore.forEachTerm(in: Substring(line), part: 1, of: 2) { part[$0] = $1 }
            #expect(part == rule.filter { SearchIndex.part(of: $0.key, count: 2) == 1 })
        }
    }

    @Test func theStoreReadsBackAsWritten() throws {
        var random = Generator(state: 7)
        let documents = (0..<40).map { _ in Self.randomTerms(&random) }
        var (store, _) = Self.store(documents, budget: 100)
        store = store.recording(records: "records", written: [(path: "a", text: "x")], kept: [(path: "b", digest: "d")])
        let bytes = store.encoded()
        let read = try #require(bytes.withUnsafeBytes { SearchIndexStore.decode($0) })
        #expect(read.encoded() == bytes)
        #expect(read.recordsDigest == "records" && read.others.map(\.path) == ["a", "b"])
        // a truncated file is not read
        #expect(Array(bytes.dropLast()).withUnsafeBytes { SearchIndexStore.decode($0) } == nil)
    }
}
