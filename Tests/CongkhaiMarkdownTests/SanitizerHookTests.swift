import CCmarkGFM
import Foundation
import Testing
@testable import CongkhaiMarkdown

/// The hook the renderer needs: a raw HTML node replaced by a custom node that
/// carries the sanitized HTML, which cmark-gfm writes verbatim in its safe mode.
@Suite struct SanitizerHookTests {
    @Test func customNodeCarriesSanitizedHTMLThroughSafeMode() throws {
        let markdown = "Bảng số liệu:\n\n<table onclick=\"x\"><tr><td colspan=2>Tổng</td></tr></table>\n\n"
            + "m<sup>2</sup> và <script>alert(1)</script>\n"
        CmarkRuntime.shared.lock.lock()
        defer { CmarkRuntime.shared.lock.unlock() }
        let parser = CmarkRuntime.shared.makeParser()
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let root = try #require(cmark_parser_finish(parser))
        var blocks: [OpaquePointer] = []
        var inlines: [OpaquePointer] = []
        let iter = cmark_iter_new(root)
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK { blocks.append(node) }
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE, !inlines.contains(node) { inlines.append(node) }
        }
        cmark_iter_free(iter)
        var removed: [HTMLSanitizer.Removal] = []
        func replace(_ node: OpaquePointer, by result: HTMLSanitizer.Result, type: cmark_node_type) {
            // the line is the original node's: a new node has none
            let startLine = Int(cmark_node_get_start_line(node))
            let custom = cmark_node_new(type)!
            cmark_node_set_on_enter(custom, result.html)
            cmark_node_insert_before(node, custom)
            cmark_node_unlink(node)
            cmark_node_free(node)
            removed += result.removed.map { .init(line: $0.line + startLine - 1, what: $0.what) }
        }
        for node in blocks {
            let result = HTMLSanitizer().sanitize(String(cString: cmark_node_get_literal(node)))
            replace(node, by: result, type: CMARK_NODE_CUSTOM_BLOCK)
        }
        let results = HTMLSanitizer().sanitize(inline: inlines.map { String(cString: cmark_node_get_literal($0)) })
        for (node, result) in zip(inlines, results) { replace(node, by: result, type: CMARK_NODE_CUSTOM_INLINE) }
        let html = String(cString: cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)))
        cmark_node_free(root)
        cmark_parser_free(parser)
        #expect(html.contains("<table><tr><td colspan=\"2\">Tổng</td></tr></table>"))
        #expect(html.contains("m<sup>2</sup> và "))
        #expect(!html.contains("script") && !html.contains("onclick") && !html.contains("raw HTML omitted"))
        // inline, "alert(1)" is a text node of its own between two tags: it stays, escaped, as text
        #expect(removed == [.init(line: 3, what: "the attribute onclick of <table>"), .init(line: 5, what: "<script> and its content")])
    }
}
