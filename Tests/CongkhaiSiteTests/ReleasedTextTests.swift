@testable import CongkhaiSite
import Foundation
import Testing

/// The Markdown step lets each rendered text go once its page, twin and search passages are made
/// (`DocumentRecord.releaseText`): a text asked for after that is made again, never blank, and one that cannot be
/// made again is kept. The build never holds every text at once.
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

    /// A build's records after the Markdown step: their texts were let go, and are read again from the sources.
    @Test func aBuildLetsTheTextsGoAndReadsThemAgainIfAsked() throws {
        let fixture = try SiteFixture(files: [
            "2024/ke-hoach.md": "---\ntype: KH\nnumber: 05/KH-SNV\ndate: 2024-02-20\ntitle: Kế hoạch thử\n---\nNội dung kế hoạch.\n",
        ])
        let options = SiteBuilder.Options(content: fixture.content, theme: SiteFixture.theme, output: fixture.output)
        let (_, state) = try SiteBuilder(options).run(into: PageSink(.memory)) { _ in }
        let record = try #require(state.records.first)
        #expect(record.textSource.isReleased, "the Markdown step let the text go")
        #expect(record.text.bodyHTML.contains("Nội dung kế hoạch."))
    }

    /// Forty documents, rendered four at a time (those of one search context file) on each core: the build holds a
    /// few texts at once, never all of them, and what is made of each is made from its own. Holding every text
    /// from the Markdown step to the search index fails the first expectation.
    @Test func aBuildHoldsAFewTextsAtOnceNotAll() throws {
        var sources: [String: String] = [:]
        for n in 1...40 {
            sources["2024/bao-cao-\(n).md"] = """
            ---
            type: BC
            number: \(n)/BC-SNV
            date: 2024-03-\(String(format: "%02d", n % 28 + 1))
            title: Báo cáo thứ \(n)
            ---
            Nội dung riêng của báo cáo số \(n).
            """
        }
        let fixture = try SiteFixture(files: sources)
        defer { fixture.remove() }
        let options = SiteBuilder.Options(content: fixture.content, theme: SiteFixture.theme, output: fixture.output)
        let sink = PageSink(.memory)
        let (_, state) = try SiteBuilder(options).run(into: sink) { _ in }
        sink.drain()
        let files = sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(state.heldTexts.most <= min(SearchFiles.textsPerFile * cores, 39), "at most one context file's texts per core")
        #expect(state.records.allSatisfy { $0.textSource.isReleased })
        for n in [1, 17, 40] {
            let record = try #require(state.records.first { $0.source == "2024/bao-cao-\(n).md" })
            #expect(try #require(files[Routes.file(of: record.url)]).contains("Nội dung riêng của báo cáo số \(n)."))
            #expect(try #require(files[Routes.twin(of: record.url)]).contains("báo cáo số \(n)."))
        }
    }
}
