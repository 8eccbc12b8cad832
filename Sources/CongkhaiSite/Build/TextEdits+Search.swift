import CongkhaiDomain
import Foundation

/// The search index after texts were edited (see `TextEdits`): each edited document's passages in its context
/// file (read back from the site, the document's line replaced), and
/// the word shards of the words that came into its text or went out of it. A word shard lists a word's
/// documents, so only the documents' numbers change there; the shards of one two-letter group are cut
/// from that group's words alone (`SearchIndex.shards`), so the group is read back from the site, its
/// words' document lists changed, and cut again as the full build would cut it.
extension TextEdits {
    /// The index files to write, and the word shards to remove (a group cut into fewer shards than before).
    struct SearchEdit {
        var files: [(path: String, text: String)] = []
        var removed: [String] = []
    }

    func searchFiles(_ edited: [Edited]) -> SearchEdit? {
        let site = options.output.resolvingSymlinksInPath()
        // the full build lists the shards in key order: a list that is not cannot be patched by key
        guard let shardKeys = Self.shardKeys(site: site), shardKeys == shardKeys.sorted() else { return nil }
        var keysNow = shardKeys
        var files: [(path: String, text: String)] = []
        // the context files read back, by path, with the edited documents' lines replaced
        var contextFiles: [String: String] = [:]
        // (document number, words added to its body, words gone from it), by two-letter group
        var changes: [String: [(document: Int, added: Set<String>, removed: Set<String>)]] = [:]
        for one in edited {
            guard let document = documents[one.path]?.searchNumber, let name = documents[one.path]?.contextName, !name.isEmpty else {
                return nil
            }
            // the body's words alone: the head's are the same as before, and a word of both stays in the head
            let text = SearchFiles.plainTextUTF8(one.text)
            let now = text.withUnsafeBufferPointer { SearchIndex.termsAndFirstUses(head: [], bodyUTF8: $0) }
            let line = SearchFiles.textFile(name: name, text: SearchFiles.passages(of: text, firstUses: now.firstUses))
            let path = SearchFiles.text(SearchFiles.textFileName(name))
            guard let online = contextFiles[path] ?? FileManager.default.contents(atPath: site.appendingPathComponent(path).path)
                    .map({ String(decoding: $0, as: UTF8.self) }),
                  let replaced = SearchFiles.replacingPassages(named: name, in: online, with: String(decoding: line, as: UTF8.self))
            else { return nil }
            contextFiles[path] = replaced
            let was = Set(SearchFiles.plainTextUTF8(one.old).withUnsafeBufferPointer {
                SearchIndex.termsAndFirstUses(head: [], bodyUTF8: $0).terms.keys
            })
            let words = Set(now.terms.keys)
            let added = words.subtracting(was), removed = was.subtracting(words)
            var groups: [String: (added: Set<String>, removed: Set<String>)] = [:]
            func group(_ word: String) -> String { SearchIndex.group(folded: SearchTerms.fold(exactKey: word)) }
            for word in added { groups[group(word), default: ([], [])].added.insert(word) }
            for word in removed { groups[group(word), default: ([], [])].removed.insert(word) }
            for (group, change) in groups { changes[group, default: []].append((document, change.added, change.removed)) }
        }
        files += contextFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (group, documents) in changes.sorted(by: { $0.key < $1.key }) {
            // "_" stands for every character that is not a letter or digit: the words of such a group are not
            // next to each other in folded order, and the full build cuts each run of them apart
            guard !group.contains("_") else { return nil }
            let keys = shardKeys.filter { SearchIndex.group(shardKey: $0) == group }
            let shardFiles = keys.map { site.appendingPathComponent(SearchFiles.wordShard($0)) }
            guard !keys.isEmpty, var postings = Self.readPostings(shardFiles) else {
                return nil
            }
            for change in documents {
                let mine = UInt32(change.document) << 1
                for word in change.removed {
                    // a word of the head stays: it is still in the document
                    postings[word]?.removeAll { $0 == mine }
                    if postings[word]?.isEmpty == true { postings[word] = nil }
                }
                for word in change.added where !(postings[word] ?? []).contains(where: { $0 >> 1 == change.document }) {
                    var list = postings[word] ?? []
                    list.insert(mine, at: list.firstIndex { $0 >> 1 > change.document } ?? list.count)
                    postings[word] = list
                }
            }
            var index = SearchIndex()
            for (word, list) in postings {
                for posting in list { index.add(document: Int(posting >> 1), key: word, inHead: posting & 1 == 1) }
            }
            let shards = index.shards(budget: SearchFiles.wordShardBudget)
            // a group cut otherwise changes the list of shards: the manifest and the search page name them
            let cut = shards.map(\.key)
            guard cut.allSatisfy({ SearchIndex.group(shardKey: $0) == group }) else { return nil }
            keysNow = (keysNow.filter { SearchIndex.group(shardKey: $0) != group } + cut).sorted()
            files += shards.map { (SearchFiles.wordShard($0.key), SearchFiles.shardFile($0)) }
        }
        var edit = SearchEdit(files: files)
        if keysNow != shardKeys {
            guard let listed = Self.listingShards(keysNow, instead: shardKeys, site: site) else { return nil }
            edit.files += listed
            edit.removed = Set(shardKeys).subtracting(keysNow).sorted().map(SearchFiles.wordShard)
        }
        return edit
    }

    /// The manifest and the search page with the new list of word shards in place of the old: the manifest's
    /// line of shards written again, and the page's one occurrence of the old keys (its `data-shards`) replaced.
    /// Nil when either is not as the full build writes it.
    static func listingShards(_ keys: [String], instead old: [String], site: URL) -> [(path: String, text: String)]? {
        guard !old.isEmpty,
              let manifest = FileManager.default.contents(atPath: site.appendingPathComponent(SearchFiles.manifest).path),
              let page = FileManager.default.contents(atPath: site.appendingPathComponent(Routes.file(of: Routes.search)).path)
        else { return nil }
        var lines = String(decoding: manifest, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let listing = lines.indices.filter { lines[$0].hasPrefix("\"shards\":") }
        guard listing.count == 1, lines[listing[0]] == SearchFiles.shardsLine(old) else { return nil }
        lines[listing[0]] = Substring(SearchFiles.shardsLine(keys))
        guard let newPage = replacingOnce(Array(old.joined(separator: " ").utf8), with: Array(keys.joined(separator: " ").utf8),
                                          in: [UInt8](page)) else { return nil }
        return [(SearchFiles.manifest, lines.joined(separator: "\n")),
                (Routes.file(of: Routes.search), String(decoding: newPage, as: UTF8.self))]
    }

    /// The shard keys the site's manifest lists.
    static func shardKeys(site: URL) -> [String]? {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(SearchFiles.manifest).path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("\"shards\":") }) else { return nil }
        let list = line.dropFirst("\"shards\":".count).dropLast(line.hasSuffix(",") ? 1 : 0)
        return try? JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String]
    }

    /// Every exact word of the given shard files with its postings (`SearchIndex.encode`), as the files hold them.
    static func readPostings(_ files: [URL]) -> [String: [UInt32]]? {
        var postings: [String: [UInt32]] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path),
                  let open = data.firstIndex(of: UInt8(ascii: "{")), let close = data.lastIndex(of: UInt8(ascii: "}")), open < close,
                  let words = try? JSONSerialization.jsonObject(with: data[open...close]) as? [String: [String]] else { return nil }
            for forms in words.values {
                guard forms.count % 2 == 0 else { return nil }
                for i in stride(from: 0, to: forms.count, by: 2) { postings[forms[i]] = SearchIndex.decode(forms[i + 1]) }
            }
        }
        return postings
    }
}
