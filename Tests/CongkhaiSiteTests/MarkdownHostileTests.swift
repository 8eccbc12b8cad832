import CongkhaiMarkdown
import Foundation
import Testing

/// Markdown that once crashed, aborted or hung the tree walker: links and
/// images nested in images, all removed because their targets are refused.
@Suite struct MarkdownHostileTests {
    let renderer = MarkdownRenderer()

    /// Every image is refused (a missing file), every link kept.
    func renderRefusingImages(_ markdown: String) -> String {
        renderer.render(markdown) { $0.isImage ? .unlink : .keep }.html
    }

    @Test func anImageInsideARefusedImageIsReplacedByItsText() {
        let html = renderRefusingImages("![![x](y.png)](y.png)\n")
        #expect(html.contains("<p>x</p>"))
        #expect(!html.contains("<img"))
    }

    @Test func aRefusedLinkInsideARefusedImageEnds() {
        let html = renderer.render("![a [b](javascript:x)](y.png)\n") { _ in .unlink }.html
        #expect(html.contains("<p>a b</p>"))
        #expect(!html.contains("javascript"))
    }

    @Test func aKeptLinkInsideARefusedImageBecomesText() {
        let html = renderRefusingImages("![a [b](https://example.gov.vn/)](y.png) và [c](https://example.gov.vn/c)\n")
        #expect(html.contains("a b và"))
        #expect(html.contains("<a href=\"https://example.gov.vn/c\">c</a>"))
        #expect(!html.contains("<img"))
    }

    @Test func twentyThousandNestedImagesBecomeOneText() {
        let depth = 20_000
        let markdown = String(repeating: "![", count: depth) + "x" + String(repeating: "](y.png)", count: depth) + "\n"
        let html = renderRefusingImages(markdown)
        #expect(html.contains("<p>x</p>"))
        #expect(!html.contains("<img"))
    }

    @Test func nestedRefusedLinksAndImagesKeepAllTheirWords() {
        let markdown = "![một ![hai [ba](javascript:b)](z.png) bốn](y.png) năm\n"
        let html = renderer.render(markdown) { _ in .unlink }.html
        #expect(html.contains("<p>một hai ba bốn năm</p>"))
    }
}
