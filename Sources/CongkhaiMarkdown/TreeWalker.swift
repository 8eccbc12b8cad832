import CCmarkGFM
import CongkhaiDomain
import Foundation

/// The passes over one parsed document: heading levels and ids, link
/// targets, raw HTML. It only touches its own tree, so it runs outside the lock.
struct TreeWalker {
    let root: OpaquePointer
    let options: RenderOptions
    let rewrite: (LinkTarget) -> LinkDecision
    let linkText: TextLinker?

    func apply(into result: inout RenderedMarkdown) {
        var headings: [RenderedMarkdown.Heading] = []
        var usedIds: [String: Int] = [:]
        var unlinks: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        var htmlBlocks: [OpaquePointer] = []
        // Inline raw HTML comes one tag per node: a paragraph's tags are sanitized together.
        var htmlInlines: [(parent: OpaquePointer?, nodes: [OpaquePointer])] = []
        var noLinkDepth = 0
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            // no links inside links, images or headings
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING {
                if event == CMARK_EVENT_ENTER { noLinkDepth += 1 } else if event == CMARK_EVENT_EXIT { noLinkDepth -= 1 }
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_TEXT, noLinkDepth == 0, linkText != nil { texts.append(node) }
            switch type {
            case CMARK_NODE_HEADING:
                let level = max(options.minimumHeadingLevel, cmark_node_get_heading_level(node))
                cmark_node_set_heading_level(node, min(level, 6))
                let text = Self.plainText(node)
                var id = options.idPrefix + Self.headingId(text)
                if let n = usedIds[id] { usedIds[id] = n + 1; id += "-\(n + 1)" } else { usedIds[id] = 1 }
                headings.append(.init(level: Int(min(level, 6)), text: text, id: id))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let target = LinkTarget(url: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                        line: Int(cmark_node_get_start_line(node)))
                switch rewrite(target) {
                case .keep: break
                case .replace(let newURL): cmark_node_set_url(node, newURL)
                case .unlink: unlinks.append(node)
                }
            case CMARK_NODE_HTML_BLOCK:
                htmlBlocks.append(node)
            case CMARK_NODE_HTML_INLINE:
                let parent = cmark_node_parent(node)
                if let last = htmlInlines.last, last.parent == parent { htmlInlines[htmlInlines.count - 1].nodes.append(node) }
                else { htmlInlines.append((parent, [node])) }
            default: break
            }
        }
        // Raw HTML before the refused links and images: an image freed below may hold some.
        sanitizeHTML(blocks: htmlBlocks, inlines: htmlInlines, into: &result)
        // Innermost first: `unlinks` is in document order, so a node nested in a
        // refused image or link comes after it. Freeing the outer node first would
        // free the inner one too, and touching it then is a use-after-free.
        for node in unlinks.reversed() { Self.unlink(node) }
        if let linkText {
            for node in texts { Self.split(node, linkText) }
        }
        result.headings = headings
    }

    /// Raw HTML (tables and `<sup>` from converters and OCR) is not dropped:
    /// each node is replaced by a custom node carrying what the allow-list
    /// sanitizer keeps, which cmark-gfm writes as it is even in safe mode.
    /// What was removed is reported with its line.
    func sanitizeHTML(blocks: [OpaquePointer], inlines: [(parent: OpaquePointer?, nodes: [OpaquePointer])],
                      into result: inout RenderedMarkdown) {
        let sanitizer = HTMLSanitizer()
        func replace(_ node: OpaquePointer, by sanitized: HTMLSanitizer.Result, type: cmark_node_type) {
            // read before the node is freed: the custom node has no source position
            let startLine = Int(cmark_node_get_start_line(node))
            let custom = cmark_node_new(type)!
            cmark_node_set_on_enter(custom, sanitized.html)
            cmark_node_insert_before(node, custom)
            cmark_node_unlink(node)
            cmark_node_free(node)
            result.rawHTMLRemovals += sanitized.removed.map { .init(line: $0.line + startLine - 1, what: $0.what) }
        }
        for node in blocks {
            replace(node, by: sanitizer.sanitize(Self.literal(node)), type: CMARK_NODE_CUSTOM_BLOCK)
        }
        for group in inlines {
            let sanitized = sanitizer.sanitize(inline: group.nodes.map(Self.literal))
            for (node, one) in zip(group.nodes, sanitized) { replace(node, by: one, type: CMARK_NODE_CUSTOM_INLINE) }
        }
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Replaces a text node by text and link nodes when `linkText` finds something to link.
    static func split(_ node: OpaquePointer, _ linkText: TextLinker) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        guard linkText.mayLink(bytes) else { return }
        let pieces = linkText.link(String(decoding: bytes, as: UTF8.self))
        guard pieces.contains(where: { if case .link = $0 { return true } else { return false } }) else { return }
        for piece in pieces {
            switch piece {
            case .text(let text):
                let t = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(t, text)
                cmark_node_insert_before(node, t)
            case .link(let text, let url):
                let link = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(link, url)
                let t = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(t, text)
                cmark_node_append_child(link, t)
                cmark_node_insert_before(node, link)
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Replaces a link by its content (an image by its description). The node
    /// must hold no other node still waiting to be unlinked: it is freed here.
    static func unlink(_ node: OpaquePointer) {
        if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, plainText(node))
            cmark_node_insert_before(node, text)
        } else {
            while let child = cmark_node_first_child(node) {
                // cmark refuses a child its new parent cannot hold (a table cell takes no custom
                // inline node, which is what a kept raw tag becomes): drop that one, or this loops forever.
                if cmark_node_insert_before(node, child) == 0 {
                    cmark_node_unlink(child)
                    cmark_node_free(child)
                }
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        let iter = cmark_iter_new(node)
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let n = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(n) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }

    /// "I. MỤC ĐÍCH, YÊU CẦU" → "muc-i"; "2. Công tác chỉ đạo" → "muc-2"; other
    /// headings get a short slug of their words.
    static func headingId(_ text: String) -> String {
        // Only the first word is looked at: splitting the whole heading into words cost more than the slug.
        let words = text.split(separator: " ", maxSplits: 1)
        if let first = words.first, first.hasSuffix("."), first.count <= 6 {
            let marker = first.dropLast()
            if marker.allSatisfy({ "IVXLC".contains($0) }) || marker.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return "muc-" + marker.lowercased()
            }
        }
        let slug = VietnameseText.slug(text, maxLength: 40)
        return slug.isEmpty ? "muc" : slug
    }
}
