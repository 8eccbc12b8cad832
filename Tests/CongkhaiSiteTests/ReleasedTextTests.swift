@testable import CongkhaiSite
import Foundation
import Testing

/// The search index lets each rendered text go once it is done with it (`DocumentRecord.releaseText`): a text
/// asked for after that is made again, never blank, and one that cannot be made again is kept.
@Suite struct ReleasedTextTests {
    final class Counter: @unchecked Sendable {
        var calls = 0
    }

    @Test func aReleasedTextIsMadeAgainWhenAskedFor() {
        let counter = Counter()
        var first = RenderedText()
        first.bodyHTML = "<p>Lần đầu</p>"
        let text = LazyText(value: first) {
            counter.calls += 1
            var again = RenderedText()
            again.bodyHTML = "<p>Làm lại</p>"
            return again
        }
        #expect(text.value.bodyHTML == "<p>Lần đầu</p>")
        #expect(counter.calls == 0)
        text.release()
        #expect(text.value.bodyHTML == "<p>Làm lại</p>")
        #expect(text.value.bodyHTML == "<p>Làm lại</p>")
        #expect(counter.calls == 1, "made again once, then kept")
    }

    @Test func aTextThatCannotBeMadeAgainIsKept() {
        var first = RenderedText()
        first.bodyHTML = "<p>Chỉ một lần</p>"
        let text = LazyText(value: first)
        text.release()
        #expect(text.value.bodyHTML == "<p>Chỉ một lần</p>")
    }

    /// A build's records after the search step: their texts were let go, and are read again from the sources.
    @Test func aBuildLetsTheTextsGoAndReadsThemAgainIfAsked() throws {
        let fixture = try SiteFixture(files: [
            "2024/ke-hoach.md": "---\ntype: KH\nnumber: 05/KH-SNV\ndate: 2024-02-20\ntitle: Kế hoạch thử\n---\nNội dung kế hoạch.\n",
        ])
        let options = SiteBuilder.Options(content: fixture.content, theme: SiteFixture.theme, output: fixture.output)
        let (_, state) = try SiteBuilder(options).run(into: PageSink(.memory)) { _ in }
        let record = try #require(state.records.first)
        #expect(record.textSource.isReleased, "the search step let the text go")
        #expect(record.text.bodyHTML.contains("Nội dung kế hoạch."))
    }
}
