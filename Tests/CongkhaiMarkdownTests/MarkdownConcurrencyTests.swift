import CongkhaiMarkdown
import Foundation
import Testing

/// Debian's cmark-gfm corrupts output when two threads parse with the
/// strikethrough extension; the renderer serialises parsing. This proves the
/// output is the same whether documents are rendered in parallel or one by one.
@Suite struct MarkdownConcurrencyTests {
    func sample(_ i: Int) -> String {
        """
        ## Mục \(i)

        Văn bản ~~đã bãi bỏ~~ số \(i), xem https://example.gov.vn/\(i) và **điểm** \(i)~.

        | STT | Nội dung ~~cũ~~ | Số |
        |---:|---|---:|
        | \(i) | Hồ sơ ~~\(i)~~ ~x~ | \(i * 7) |

        - mục ~một~ ~~hai~~ ba~~ bốn
        - [liên kết](phu-luc-\(i).pdf)
        """
    }

    @Test func parallelAndSerialRenderingAgree() {
        let renderer = MarkdownRenderer()
        let inputs = (0..<400).map(sample)
        let serial = inputs.map { renderer.render($0).html }
        var parallel = [String](repeating: "", count: inputs.count)
        parallel.withUnsafeMutableBufferPointer { out in
            let buffer = out
            DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
                buffer[i] = renderer.render(inputs[i]).html
            }
        }
        #expect(serial == parallel)
        #expect(serial[3].contains("<del>đã bãi bỏ</del>"))
        #expect(serial[3].contains("<table>"))
        #expect(serial[3].contains("<a href=\"https://example.gov.vn/3\">"))
    }

    @Test func safeModeAndLinkDecisions() {
        let renderer = MarkdownRenderer()
        let out = renderer.render("# Tiêu đề\n\n<b>thô</b> [a](x.pdf) [b](javascript:alert(1)) ![c](y.png)") { target in
            if target.url == "x.pdf" { return .replace("../tep/x.pdf") }
            if target.url.hasPrefix("javascript") { return .unlink }
            return target.isImage ? .unlink : .keep
        }
        #expect(out.html.contains("<h2 id=\"tieu-de\">Tiêu đề</h2>"))
        #expect(out.html.contains("<a href=\"../tep/x.pdf\">a</a>"))
        #expect(!out.html.contains("javascript"))
        #expect(!out.html.contains("<img"))
        #expect(out.html.contains(" b "))
        // raw <b> is on the allow-list: kept, nothing to report
        #expect(out.html.contains("<b>thô</b>"))
        #expect(out.rawHTMLRemovals.isEmpty)
    }
}
