@testable import CongkhaiSite
import Foundation
import Testing

/// The preview's page of an edited text, made from the last build, must be the page a full
/// build makes of the edited content, byte for byte; and the shortcut must stand aside for
/// every edit that changes what other pages show.
@Suite(.serialized) struct QuickPagesTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// A full build of the content as it is now, into a folder of its own, without the cache.
    static func fullBuildPage(_ w: Workspace, _ page: String) throws -> String {
        let folder = w.root.appendingPathComponent("full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try w.build(into: folder, cache: false)
        return try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
    }

    @Test(arguments: [UInt64(3), 11])
    func thePageOfAnEditedTextIsTheFullBuildsPage(seed: UInt64) throws {
        let w = try Workspace()
        w.kept = KeptCache()
        try w.build()
        var random = IncrementalBuildTests.Random(state: seed)
        var shortcuts = 0
        for round in 0..<8 {
            let doc = random.pick(w.documents.filter { !$0.hasPrefix("thu-tuc/") })
            var text = try w.read(doc)
            let sentence = "Đoạn sửa lần \(round): các đơn vị **chủ động** rà soát, báo cáo kết quả trước ngày 15 hằng tháng."
            // at the end (after a letter's signature that is an appendix, or a changed footer: not shortcut), or in the middle
            if random.below(2) == 0 { text += "\n\n" + sentence + "\n" } else { text = Self.inTheMiddle(text, sentence) }
            try w.write(doc, text)
            let quick = w.kept!.quickPages(changed: [doc])
            if let quick {
                shortcuts += 1
                #expect(quick.count == 1)
                for page in quick {
                    #expect(page.html == (try Self.fullBuildPage(w, page.path)), "round \(round): \(doc) (\(page.path))")
                    #expect(page.html.contains("Đoạn sửa lần \(round)"))
                }
            }
            try w.build() // the rebuild that follows, as the preview runs it
        }
        #expect(shortcuts >= 5, "the shortcut applied \(shortcuts) times of 8")
    }

    /// `sentence` as a paragraph of its own before the first paragraph break after the middle of `text`.
    static func inTheMiddle(_ text: String, _ sentence: String) -> String {
        guard let end = text.range(of: "\n\n", range: text.index(text.startIndex, offsetBy: text.count / 2)..<text.endIndex) else {
            return text + "\n\n" + sentence + "\n"
        }
        var text = text
        text.insert(contentsOf: "\n\n" + sentence, at: end.lowerBound)
        return text
    }

    @Test func anEditThatChangesWhatOtherPagesShowIsNotShortcut() throws {
        let w = try Workspace()
        w.kept = KeptCache()
        try w.build()
        let docs = w.documents.filter { !$0.hasPrefix("thu-tuc/") }
        let numbered = try #require(try docs.first { try w.read($0).contains("number: \"") })
        // a number (its address and every list move)
        let text = try w.read(numbered)
        let number = try #require(text.range(of: #"number: "\d+"#, options: .regularExpression))
        try w.write(numbered, text.replacingCharacters(in: number, with: "number: \"987"))
        #expect(w.kept!.quickPages(changed: [numbered]) == nil)
        try w.build()
        // a citation in the text (the cited document's page lists it)
        let other = try #require(docs.first { $0 != numbered })
        try w.write(other, try w.read(other) + "\n\nThực hiện Kế hoạch số 987/KH-STTTT của Sở Thông tin và Truyền thông.\n")
        #expect(w.kept!.quickPages(changed: [other]) == nil)
        try w.build()
        // a file that is not a document of the last build, and one that is gone
        try w.write("2025/moi.md", "---\ntype: TB\nnumber: \"5/TB-STTTT\"\ndate: 2025-03-03\ntitle: Thông báo mới\n---\n\nNội dung.\n")
        #expect(w.kept!.quickPages(changed: ["2025/moi.md"]) == nil)
        #expect(w.kept!.quickPages(changed: ["site.yml"]) == nil)
        try FileManager.default.removeItem(at: w.content.appendingPathComponent(other))
        #expect(w.kept!.quickPages(changed: [other]) == nil)
        // and a text-only edit still is
        let plain = try #require(docs.first { $0 != numbered && $0 != other })
        try w.write(plain, Self.inTheMiddle(try w.read(plain), "Một câu thêm."))
        #expect(w.kept!.quickPages(changed: [plain])?.count == 1)
        // A build that fails lets the last one go (the preview would hold both in memory): no shortcut until a good one.
        let template = "templates/base.mustache"
        let good = try w.read(template, in: w.theme)
        try w.write(template, good + "{{#chua_dong <b>\n", in: w.theme)
        #expect(throws: (any Error).self) { try w.build() }
        #expect(w.kept!.quickPages(changed: [plain]) == nil)
        try w.write(template, good, in: w.theme)
        try w.build()
        try w.write(plain, Self.inTheMiddle(try w.read(plain), "Một câu nữa."))
        #expect(w.kept!.quickPages(changed: [plain])?.count == 1)
    }
}
