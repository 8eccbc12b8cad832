import CongkhaiMarkdown

/// libFuzzer entry point: renders the bytes as Markdown through cmark-gfm and
/// the tree walker, refusing some link and image targets (so that nodes are
/// unlinked and freed) and turning a word of plain text into a link (so that
/// text nodes are split), as the build does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let markdown = String(validating: bytes, as: UTF8.self), !markdown.utf8.contains(0) else { return 0 }
    let linker = TextLinker(link: { text in
        guard let range = text.range(of: "số") else { return [.text(text)] }
        return [.text(String(text[..<range.lowerBound])), .link("số", url: "../van-ban/"), .text(String(text[range.upperBound...]))]
    })
    let rewrite: (LinkTarget) -> LinkDecision = { target in
        if target.isImage { return target.url.hasSuffix(".png") ? .unlink : .keep }
        if target.url.lowercased().hasPrefix("javascript:") || target.url.hasPrefix("data:") { return .unlink }
        return target.url.hasSuffix(".md") ? .replace("../trang/") : .keep
    }
    let rendered = MarkdownRenderer().render(markdown, options: RenderOptions(minimumHeadingLevel: 2, idPrefix: "p-"),
                                             linkText: linker, rewrite: rewrite)
    if rendered.html.contains("<script") { fatalError("a script element reached the HTML") }
    return 0
}
