@testable import CongkhaiSite
import Foundation
import Testing

/// A rebuild with the cache must give, byte for byte, the site a full build
/// gives from scratch: random edits to the sample site, each followed by a
/// rebuild and a clean full build that are compared file by file.
@Suite(.serialized) struct IncrementalBuildTests {
    /// A small deterministic generator (SplitMix64): a failing sequence is replayed from its seed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// The sample site and a copy of the default theme, in a temporary folder; every
    /// file written gets a time of its own in the past, as edits made minutes apart have.
    final class Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-incr-\(UUID().uuidString)")
        var content: URL { root.appendingPathComponent("Content") }
        var theme: URL { root.appendingPathComponent("Theme") }
        var site: URL { root.appendingPathComponent("Site") }
        private var clock = Date().timeIntervalSince1970 - 3600

        init() throws {
            let fm = FileManager.default
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try fm.copyItem(at: SiteFixture.repository.appendingPathComponent("Content"), to: content)
            try fm.copyItem(at: SiteFixture.theme, to: theme)
            for folder in [content, theme] {
                for case let url as URL in fm.enumerator(at: folder, includingPropertiesForKeys: nil)! where !url.hasDirectoryPath {
                    age(url)
                }
            }
        }

        func age(_ url: URL) {
            clock += 1
            try? FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: clock)], ofItemAtPath: url.path)
        }

        func write(_ path: String, _ text: String, in folder: URL? = nil) throws {
            let url = (folder ?? content).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            age(url)
        }

        func read(_ path: String, in folder: URL? = nil) throws -> String {
            try String(contentsOf: (folder ?? content).appendingPathComponent(path), encoding: .utf8)
        }

        var documents: [String] {
            let base = content.path.count + 1
            return FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
                .compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".md") }.map { String($0.dropFirst(base)) }.sorted()
        }

        /// The preview's way: the cache kept in memory from one build to the next (odd seeds use it).
        var kept: KeptCache?

        @discardableResult
        func build(into output: URL? = nil, cache: Bool = true) throws -> BuildReport {
            var options = SiteBuilder.Options(content: content, theme: theme, output: output ?? site)
            options.useCache = cache
            if output == nil { options.keptCache = kept }
            options.allowShrink = true
            return try SiteBuilder(options).build()
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    /// One random edit of the kinds staff make; returns what it did, for the failure message.
    static func edit(_ w: Workspace, _ random: inout Random, round: Int) throws -> String {
        let docs = w.documents.filter { !$0.hasPrefix("thu-tuc/") }
        let doc = random.pick(docs)
        switch random.below(11) {
        case 0:
            try w.write(doc, try w.read(doc) + "\n\nĐoạn bổ sung lần \(round): các đơn vị báo cáo kết quả trước ngày 15 hằng tháng.\n")
            return "body of \(doc)"
        case 1:
            let text = try w.read(doc)
            guard let range = text.range(of: #"number: "\d+"#, options: .regularExpression) else { return "nothing (\(doc) has no number)" }
            try w.write(doc, text.replacingCharacters(in: range, with: "number: \"\(700 + round)"))
            return "number of \(doc)"
        case 2:
            let text = try w.read(doc)
            guard let range = text.range(of: #"date: 20\d\d"#, options: .regularExpression) else { return "nothing (\(doc) has no date)" }
            try w.write(doc, text.replacingCharacters(in: range, with: "date: 2022"))
            return "year of \(doc)"
        case 3:
            let other = random.pick(docs)
            let text = try w.read(other)
            guard let number = text.range(of: #"number: "[^"]+""#, options: .regularExpression).map({ String(text[$0]) }) else {
                return "nothing (\(other) has no number to cite)"
            }
            let cited = number.dropFirst("number: \"".count).dropLast()
            try w.write(doc, try w.read(doc) + "\n\nThực hiện Kế hoạch số \(cited) của Sở Thông tin và Truyền thông.\n")
            return "citation of \(other) in \(doc)"
        case 4:
            try FileManager.default.removeItem(at: w.content.appendingPathComponent(doc))
            return "deleted \(doc)"
        case 5:
            let path = "2025/thong-bao-moi-\(round).md"
            try w.write(path, """
                ---
                type: TB
                number: "\(300 + round)/TB-STTTT"
                date: 2025-0\(1 + random.below(9))-1\(random.below(10))
                title: Thông báo lịch tiếp công dân đợt \(round)
                ---

                Sở Thông tin và Truyền thông thông báo lịch tiếp công dân đợt \(round) tại trụ sở Sở.
                """)
            return "added \(path)"
        case 6:
            let config = try w.read("site.yml")
            try w.write("site.yml", config + "\n# sửa lần \(round)\n")
            return "site.yml"
        case 7:
            let template = "templates/base.mustache"
            let text = try w.read(template, in: w.theme)
            try w.write(template, text.replacingOccurrences(of: "</body>", with: "<!-- \(round) --></body>"), in: w.theme)
            return "template base.mustache"
        case 8:
            let procedure = random.pick(w.documents.filter { $0.hasPrefix("thu-tuc/") })
            try w.write(procedure, try w.read(procedure)
                .replacingOccurrences(of: "ngày làm việc", with: "ngày làm việc kể từ ngày nhận đủ hồ sơ"))
            return "procedure \(procedure)"
        case 9:
            let linking = random.pick(docs.filter { $0.hasPrefix("2024/") })
            try w.write(linking, try w.read(linking) + "\n\nSố liệu chi tiết: [bảng số liệu](so-lieu-an-toan-thong-tin-2024.pdf).\n")
            return "link to an attachment in \(linking)"
        default:
            return "nothing"
        }
    }

    @Test(arguments: [UInt64(7), 20261124, 99, 4242])
    func aRebuildAfterRandomEditsEqualsAFullBuild(seed: UInt64) throws {
        let w = try Workspace()
        var random = Random(state: seed)
        if seed % 2 == 1 { w.kept = KeptCache() }
        try w.build()
        #expect((w.kept?.cache != nil) == (seed % 2 == 1))
        var done: [String] = []
        for round in 1...10 {
            done.append(try Self.edit(w, &random, round: round))
            // The full build replaces a copy of the same published site (whose moved
            // addresses become redirect pages), without the cache.
            let fresh = w.root.appendingPathComponent("Full-\(round)")
            try FileManager.default.copyItem(at: w.site, to: fresh)
            try w.build(into: fresh, cache: false)
            let incremental = try w.build()
            #expect(incremental.written)
            let a = try SiteFixture.files(in: w.site), b = try SiteFixture.files(in: fresh)
            let differing = Set(a.keys).symmetricDifference(b.keys).sorted() + a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), after \(done.joined(separator: "; ")): \(differing.prefix(8))")
            if let first = differing.first, let x = a[first], let y = b[first], x.count < 5000 {
                Issue.record("\(first): rebuild\n\(String(decoding: x, as: UTF8.self))\nfull\n\(String(decoding: y, as: UTF8.self))")
            }
            if !differing.isEmpty { return }
            try FileManager.default.removeItem(at: fresh)
        }
    }

    /// A rebuild appends the entries that changed to the cache's sources file, and a deleted file's entry
    /// is taken out: read back, the file gives what a whole save of the same cache gives.
    @Test func theSourcesFileGrowsByTheChangeAndReadsBackWhole() throws {
        let w = try Workspace()
        try w.build()
        let folder = BuildCache.folder(for: w.site)
        let file = folder.appendingPathComponent(BuildCache.sourcesName)
        let before = try Data(contentsOf: file)
        let edited = "2024/huong-dan-ky-so.md", deleted = w.documents.filter { !$0.hasPrefix("thu-tuc/") && $0 != edited }[0]
        try w.write(edited, try w.read(edited) + "\n\nBổ sung: hướng dẫn áp dụng từ ngày 01/7/2024.\n")
        try w.build()
        let after = try Data(contentsOf: file)
        #expect(after.prefix(before.count) == before, "the file was written whole, not appended to")
        #expect(after.count > before.count && after.count - before.count < before.count / 10)
        // A deletion changes every render key (a text may link to any address): every entry is appended again.
        try FileManager.default.removeItem(at: w.content.appendingPathComponent(deleted))
        try w.build()
        #expect(try Data(contentsOf: file).prefix(after.count) == after)
        var appended = try #require(BuildCache.loadHead(from: folder))
        let read = appended.loadSources(from: folder)
        #expect(read)
        #expect(appended.sources[deleted] == nil && appended.sources[edited] != nil)
        let whole = w.root.appendingPathComponent("whole-cache")
        try appended.save(to: whole, previous: nil)
        var rewritten = try #require(BuildCache.loadHead(from: whole))
        let readWhole = rewritten.loadSources(from: whole)
        #expect(readWhole)
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        #expect(try json.encode(appended.sources) == json.encode(rewritten.sources))
    }

    @Test func aBodyEditRewritesOnlyItsPageItsTwinTheSearchIndexAndTheMarker() throws {
        let w = try Workspace()
        try w.build()
        let before = try Self.stamps(w.site)
        let doc = "2024/huong-dan-ky-so.md"
        try w.write(doc, try w.read(doc) + "\n\nBổ sung: hướng dẫn áp dụng từ ngày 01/7/2024.\n")
        try w.build()
        let after = try Self.stamps(w.site)
        let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
        // The search index holds every text's words: the shards of the new words change too, and nothing else does.
        let index = changed.filter { $0.hasPrefix("tim-kiem/chi-muc/") }
        #expect(!index.isEmpty, "the new words were not indexed")
        // Of the texts kept for context, only the edited one's file is written again; the rows did not change.
        #expect(index.filter { $0.contains("/nd/") }.count == 1, "\(index)")
        #expect(index.allSatisfy { $0.contains("/nd/") || $0.contains("/tu/") }, "\(index)")
        let rewritten = changed.filter { !$0.hasPrefix("tim-kiem/chi-muc/") }
        #expect(rewritten.count == 3, "\(rewritten)")
        #expect(rewritten.contains(".congkhai-site"))
        #expect(rewritten.contains { $0.hasPrefix("van-ban/2024/") && $0.hasSuffix("/index.html") })
        #expect(rewritten.contains { $0.hasPrefix("van-ban/2024/") && $0.hasSuffix("/index.json") })
    }

    /// Body edits patch the previous build's search index (`SearchIndexStore`) instead of making it from every
    /// document's stored words: new words, a word of a group whose shards are made whole again ("2.5": its key
    /// holds "_"), the edit taken back. After each, the site is a full build's; a patch leaves the stored words as
    /// they were (it does not gather them), so their file says which rebuilds were patched.
    @Test func bodyEditsPatchTheSearchIndexAndEqualAFullBuild() throws {
        let w = try Workspace()
        try w.build()
        let folder = BuildCache.folder(for: w.site)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(SearchIndexStore.fileName).path))
        let doc = "2024/huong-dan-ky-so.md"
        let original = try w.read(doc)
        let edits: [(text: String, patched: Bool)] = [
            (original + "\n\nTừ mới: xylophon zyzzyva.\n", true),
            (original + "\n\nTỷ lệ đạt 2.5 phần trăm.\n", false),
            (original, false),
            (original + "\n\nBổ sung lần nữa: quy trình ký số.\n", true),
        ]
        for (round, edit) in edits.enumerated() {
            try w.write(doc, edit.text)
            let stored = try Data(contentsOf: folder.appendingPathComponent(SearchTermsStore.fileName))
            let fresh = w.root.appendingPathComponent("Full-\(round)")
            try FileManager.default.copyItem(at: w.site, to: fresh)
            try w.build(into: fresh, cache: false)
            try w.build()
            let a = try SiteFixture.files(in: w.site), b = try SiteFixture.files(in: fresh)
            let differing = Set(a.keys).symmetricDifference(b.keys).sorted() + a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "edit \(round): \(differing.prefix(8))")
            let storedAfter = try Data(contentsOf: folder.appendingPathComponent(SearchTermsStore.fileName))
            #expect((stored == storedAfter) == edit.patched, "edit \(round)")
        }
    }

    @Test func nothingChangedIsNothingWritten() throws {
        let w = try Workspace()
        try w.build()
        let before = try Self.stamps(w.site)
        let report = try w.build()
        #expect(report.written)
        #expect(try Self.stamps(w.site) == before)
        #expect(report.documentCount > 20)
    }

    @Test func aPublishedDocumentThatBreaksStaysOnline() throws {
        let w = try Workspace()
        try w.build()
        let doc = "2024/huong-dan-ky-so.md"
        let catalogue = try w.read("api/documents.json", in: w.site)
        let pages = try SiteFixture.files(in: w.site).keys.filter { $0.hasPrefix("van-ban/2024/") }
        // An unquoted colon in a title: the front matter is not YAML any more.
        try w.write(doc, try w.read(doc).replacingOccurrences(of: "title:", with: "title: Hướng dẫn: ký số:\n  - x\n bad:"))
        let report = try w.build()
        let warning = try #require(report.diagnostics.first { $0.file == doc })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("still online"))
        #expect(try w.read("api/documents.json", in: w.site) == catalogue)
        #expect(Set(try SiteFixture.files(in: w.site).keys.filter { $0.hasPrefix("van-ban/2024/") }) == Set(pages))
        // Without the cache there is no previous version to keep.
        let fresh = try w.build(into: w.root.appendingPathComponent("Fresh"), cache: false)
        #expect(fresh.errors.contains { $0.file == doc })
    }

    /// Reports share a context file of the search index: one that breaks keeps its passages there, while the
    /// edit of another one goes in.
    @Test func aBrokenDocumentKeepsItsPassagesBesideAnEditedOnes() throws {
        let w = try Workspace()
        try w.build()
        let contexts = "tim-kiem/chi-muc/nd/bao-cao-0.js"
        let before = try w.read(contexts, in: w.site)
        let broken = "2024/bao-cao-an-toan-thong-tin-2024.md", edited = "2025/bao-cao-6-thang-2025.md"
        try w.write(broken, try w.read(broken).replacingOccurrences(of: "title:", with: "title: Báo cáo: lỗi:\n  - x\n bad:"))
        try w.write(edited, try w.read(edited) + "\n\nBổ sung: số liệu quyết toán được cập nhật tháng chín.\n")
        let report = try w.build()
        #expect(report.diagnostics.contains { $0.file == broken && $0.severity == .warning })
        let after = try w.read(contexts, in: w.site)
        #expect(after.contains("quyết toán được cập nhật tháng chín"))
        // the broken report's line is the one online before, byte for byte
        let lines = { (file: String) in Set(file.split(separator: "\n")) }
        let kept = lines(before).intersection(lines(after))
        #expect(kept.count == lines(before).count - 1, "only the edited report's line changed")
    }

    @Test func aNewFileTakingAPublishedAddressIsTheOneLeftOut() throws {
        let w = try Workspace()
        try w.build()
        let published = "2024/bao-cao-an-toan-thong-tin-2024.md"
        let copy = "2024/ban-sao-bao-cao.md"
        try w.write(copy, try w.read(published).replacingOccurrences(of: "Tình hình", with: "Bản sao tình hình"))
        let report = try w.build()
        #expect(report.errors.map(\.file) == [copy])
        #expect(try w.read("api/documents.json", in: w.site).contains("Tình hình bảo đảm an toàn thông tin mạng"))
    }

    @Test func anInterruptedRebuildIsRepairedByTheNext() throws {
        let w = try Workspace()
        try w.build()
        // As if a rebuild died while putting its files in place: a flag left, a page half changed.
        let cache = SiteBuilder.cacheFolder(for: w.site)
        FileManager.default.createFile(atPath: cache.appendingPathComponent("site-being-changed").path, contents: Data())
        try Data("broken".utf8).write(to: w.site.appendingPathComponent("index.html"))
        try w.build()
        let fresh = w.root.appendingPathComponent("Fresh")
        try w.build(into: fresh, cache: false)
        #expect(try SiteFixture.files(in: w.site) == SiteFixture.files(in: fresh))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("site-being-changed").path))
    }

    /// Inode and modification time of every file: a file written again changes them.
    static func stamps(_ folder: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for path in try SiteFixture.files(in: folder).keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            out[path] = "\(attributes[.systemFileNumber] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
        return out
    }
}

extension SiteFixture {
    static func files(in base: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where !url.hasDirectoryPath {
            out[String(url.path.dropFirst(base.path.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }
}
