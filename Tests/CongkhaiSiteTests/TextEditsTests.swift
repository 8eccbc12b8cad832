import Foundation
import Testing
@testable import CongkhaiSite

/// The shortcut for edited texts (`TextEdits`): taken when only texts changed, never otherwise, and
/// always the site a full build makes. The randomised rebuild test (IncrementalBuildTests, even seeds)
/// runs it too, among other edits.
@Suite struct TextEditsTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// Builds with the cache, and says whether the shortcut made the site (no document was read again).
    static func rebuild(_ w: Workspace) throws -> (report: BuildReport, shortcut: Bool) {
        let report = try w.build()
        let steps = report.timings.map(\.step)
        return (report, steps.contains("making the pages of edited texts") && !steps.contains("reading documents"))
    }

    /// The site equals a full build's of the same content, made without the cache into a copy of it.
    static func expectSameAsFullBuild(_ w: Workspace, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = w.root.appendingPathComponent("Full-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: w.site, to: fresh)
        try w.build(into: fresh, cache: false)
        let a = try SiteFixture.files(in: w.site), b = try SiteFixture.files(in: fresh)
        let differing = Set(a.keys).symmetricDifference(b.keys).sorted() + a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "after \(what): \(differing.prefix(8))", sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: fresh)
    }

    static let doc = "2024/huong-dan-ky-so.md"

    @Test func aSentenceAddedTakesTheShortcutAndGivesTheFullBuildsSite() throws {
        let w = try Workspace()
        try w.build()
        let text = try w.read(Self.doc)
        try w.write(Self.doc, text + "\n\nCác đơn vị triển khai chữ ký số cho văn bản đi trước ngày 30/6/2025 và báo cáo kết quả.\n")
        let first = try Self.rebuild(w)
        #expect(first.shortcut)
        #expect(first.report.written && first.report.errors.isEmpty)
        try Self.expectSameAsFullBuild(w, "a sentence added")
        // A word changed in the middle, and another edit after it: each on the site as it was left.
        try w.write(Self.doc, try w.read(Self.doc).replacingOccurrences(of: "người có thẩm quyền", with: "người được giao thẩm quyền"))
        #expect(try Self.rebuild(w).shortcut)
        try Self.expectSameAsFullBuild(w, "words changed")
        // Back as it was: the usual rebuild that follows must not trust what the shortcut did not work out.
        try w.write(Self.doc, text)
        try w.write("site.yml", try w.read("site.yml") + "\n# sửa\n")
        #expect(try !Self.rebuild(w).shortcut)
        try Self.expectSameAsFullBuild(w, "the text put back, with a usual rebuild")
        try w.write(Self.doc, text + "\n\nĐoạn thêm.\n")
        #expect(try Self.rebuild(w).shortcut)
        try w.write(Self.doc, text)
        #expect(try Self.rebuild(w).shortcut)
        try Self.expectSameAsFullBuild(w, "the text put back by the shortcut")
    }

    /// Words of one group of shards ("kh"), as many as asked: "khaaa", "khbaa" and so on.
    static func khWords(_ count: Int) -> String {
        let letters = Array("abcdeghiklmnopqrstuvxy")
        return (0..<count).map { i in
            "kh" + String(letters[i % letters.count]) + String(letters[i / letters.count % letters.count])
                + String(letters[i / (letters.count * letters.count) % letters.count])
        }.joined(separator: " ")
    }

    /// An edit whose new words push the group "kh" past its budget (24 KB): the full build cuts it one letter
    /// deeper, so the list of shards changes in the manifest and on the search page; taking them out again puts
    /// the group back in one shard, and the deeper shards' files go. The shortcut does both as the full build.
    @Test func aTextThatChangesTheListOfShardsTakesTheShortcut() throws {
        let w = try Workspace()
        let text = try w.read(Self.doc)
        try w.write(Self.doc, text + "\n\nTừ thử: " + Self.khWords(900) + ".\n")
        try w.build()
        let before = try SiteFixture.files(in: w.site).keys.filter { $0.contains("/chi-muc/tu/kh") }
        #expect(before == ["tim-kiem/chi-muc/tu/kh.js"], "\(before.sorted())")
        try w.write(Self.doc, text + "\n\nTừ thử: " + Self.khWords(1_400) + ".\n")
        #expect(try Self.rebuild(w).shortcut)
        let cut = try SiteFixture.files(in: w.site).keys.filter { $0.contains("/chi-muc/tu/kh") }
        #expect(cut.count > 1, "\(cut.sorted())")
        try Self.expectSameAsFullBuild(w, "a group cut deeper")
        try w.write(Self.doc, text)
        #expect(try Self.rebuild(w).shortcut)
        #expect(try SiteFixture.files(in: w.site).keys.filter { $0.contains("/chi-muc/tu/kh") } == ["tim-kiem/chi-muc/tu/kh.js"])
        try Self.expectSameAsFullBuild(w, "the group back in one shard")
    }

    /// Random edits of texts alone, one to three documents at a time (sentences put in between paragraphs, a
    /// paragraph taken out, a word changed): after each, the site equals a full build's. Some take the usual rebuild (a
    /// paragraph with a citation taken out, a warning's line moved, a word of a new shard): enough take the shortcut.
    @Test(arguments: [UInt64(11), 2026])
    func randomTextEditsGiveTheFullBuildsSite(seed: UInt64) throws {
        let w = try Workspace()
        try w.build()
        var random = IncrementalBuildTests.Random(state: seed)
        let sentences = ["Các đơn vị khẩn trương triển khai, báo cáo kết quả về Sở trước ngày 20 hằng tháng.",
                         "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Văn phòng Sở.",
                         "Thủy lợi, hóa chất và ủy quyền được nêu để thử cách bỏ dấu cũ và mới."]
        let words = ["nghiêm túc", "kịp thời", "đầy đủ", "chuyển đổi số", "an toàn"]
        let docs = w.documents.filter { !$0.hasPrefix("thu-tuc/") && !$0.hasPrefix("trang/") }
        var shortcuts = 0
        for round in 1...8 {
            var done: [String] = []
            for _ in 0...random.below(3) {
                let doc = random.pick(docs)
                let text = try w.read(doc)
                guard let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex) else { continue }
                var body = text[end.upperBound...].components(separatedBy: "\n\n")
                let at = random.below(body.count)
                switch random.below(3) {
                case 0: body.insert(random.pick(sentences), at: at)
                case 1 where !body[at].hasPrefix("#") && body.count > 2: body.remove(at: at)
                default: body[at] = body[at].replacingOccurrences(of: " và ", with: " \(random.pick(words)) và ")
                }
                try w.write(doc, String(text[..<end.upperBound]) + body.joined(separator: "\n\n"))
                done.append(doc)
            }
            if try Self.rebuild(w).shortcut { shortcuts += 1 }
            try Self.expectSameAsFullBuild(w, "seed \(seed) round \(round): \(done)")
        }
        #expect(shortcuts >= 3, "the shortcut was taken \(shortcuts) times in 8")
    }

    /// Each of these changes what a list, a link or another page shows: the usual rebuild makes the site.
    @Test(arguments: ["number", "citation", "attachment link", "new file", "deleted file", "procedure", "broken front matter"])
    func otherEditsTakeTheUsualRebuild(edit: String) throws {
        let w = try Workspace()
        try w.build()
        let text = try w.read(Self.doc)
        switch edit {
        case "number": try w.write(Self.doc, text.replacingOccurrences(of: #"number: ""#, with: #"number: "9"#))
        case "citation": try w.write(Self.doc, text + "\n\nThực hiện Kế hoạch số 545/KH-STTTT-VP ngày 15/3/2024.\n")
        case "attachment link":
            try w.write(Self.doc, text + "\n\nSố liệu: [bảng](so-lieu-an-toan-thong-tin-2024.pdf).\n")
        case "new file":
            try w.write(Self.doc, text + "\n\nĐoạn thêm.\n")
            try w.write("2024/thong-bao-moi.md",
                        "---\ntype: TB\nnumber: \"77/TB-STTTT\"\ndate: 2024-05-02\ntitle: Thông báo mới\n---\n\nNội dung.\n")
        case "deleted file":
            try w.write(Self.doc, text + "\n\nĐoạn thêm.\n")
            let other = w.documents.first { $0.hasPrefix("2024/") && $0 != Self.doc && !$0.contains("bao-cao-an-toan") }!
            try FileManager.default.removeItem(at: w.content.appendingPathComponent(other))
        case "procedure":
            let procedure = w.documents.first { $0.hasPrefix("thu-tuc/") }!
            try w.write(procedure, try w.read(procedure).replacingOccurrences(of: "ngày làm việc", with: "ngày làm việc liên tục"))
        default:
            try w.write(Self.doc, text.replacingOccurrences(of: "title:", with: "title: Hướng dẫn: ký số:\n  - x\n bad:"))
        }
        #expect(try !Self.rebuild(w).shortcut)
        // A published document that cannot be read stays online (IncrementalBuildTests): a full build has no old version.
        if edit != "broken front matter" { try Self.expectSameAsFullBuild(w, edit) }
    }

    /// The report of a shortcut is the last build's: a problem that linking found at a line of the text (a citation of
    /// another year) could move with an edit above it, so such a text takes the usual rebuild, which reports the new line.
    @Test func aTextWithALinkingProblemAtALineTakesTheUsualRebuild() throws {
        let w = try Workspace()
        let doc = Self.doc
        let citing = "\n\nCăn cứ Hướng dẫn số 03/HD-STTTT ngày 11/3/2023 của Sở."
        try w.write(doc, try w.read(doc) + citing + "\n")
        try w.build()
        try w.write(doc, try w.read(doc).replacingOccurrences(of: citing, with: "\n\nMột đoạn được thêm." + citing))
        let (report, shortcut) = try Self.rebuild(w)
        #expect(!shortcut)
        let full = try w.build(into: w.root.appendingPathComponent("Fresh"), cache: false)
        let lines = { (r: BuildReport) in r.diagnostics.filter { $0.file == doc }.map { "\($0.line ?? 0) \($0.text)" } }
        #expect(lines(report) == lines(full))
        #expect(!lines(full).isEmpty)
    }

    /// A theme that shows the body other than once, as it is (here escaped, in a second place), gets the usual rebuild:
    /// the shortcut replaces the text where the page holds it, which would leave the second copy as it was.
    @Test func aThemeShowingTheTextTwiceTakesTheUsualRebuild() throws {
        let w = try Workspace()
        let template = "templates/document.mustache"
        try w.write(template, try w.read(template, in: w.theme) + "<!-- {{bodyHTML}} -->\n", in: w.theme)
        try w.build()
        try w.write(Self.doc, try w.read(Self.doc) + "\n\nĐoạn thêm về chữ ký số.\n")
        #expect(try !Self.rebuild(w).shortcut)
        try Self.expectSameAsFullBuild(w, "a body edit with the text shown twice")
    }

    @Test func theTextIsFoundOnceOrNotAtAll() {
        let page = Array("<p>a</p><main><p>body</p></main><p>body</p>".utf8)
        #expect(TextEdits.replacingOnce(Array("<main><p>body</p></main>".utf8), with: Array("<main>x</main>".utf8), in: page)
            .map { String(decoding: $0, as: UTF8.self) } == "<p>a</p><main>x</main><p>body</p>")
        #expect(TextEdits.replacingOnce(Array("<p>body</p>".utf8), with: [], in: page) == nil)
        #expect(TextEdits.replacingOnce(Array("<p>none</p>".utf8), with: [], in: page) == nil)
        #expect(TextEdits.occurrences(of: Array("aa".utf8), in: Array("aaaa".utf8), atMost: 5) == [0, 1, 2])
        #expect(TextEdits.sectionHeadings("<h2 id=\"a\">A</h2><p>x</p><h3>y</h3><h2 id=\"b\">B <em>c</em></h2>")
            == ["<h2 id=\"a\">A</h2>", "<h2 id=\"b\">B <em>c</em></h2>"])
    }
}
