import CongkhaiDomain

/// libFuzzer entry point: reads the bytes as a content file the way the build
/// does (encoding checks, front matter, printed layout with PDF unwrapping,
/// body shaping, citation scanning, procedure sections). Any crash, hang or
/// sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDomain(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard SourceText.encodingProblem(bytes, file: "fuzz.md") == nil,
          let decoded = String(validating: bytes, as: UTF8.self) else { return 0 }
    let text = VietnameseText.normalize(SourceText.removingNULs(decoded, file: "fuzz.md").0)
    guard case .success(let (frontMatter, _)) = FrontMatter.split(text, file: "fuzz.md", types: types) else { return 0 }
    let layout = LayoutRecognizer(types: types).recognize(frontMatter.body, firstLine: frontMatter.bodyFirstLine)
    let body = BodyShaper.shape(layout.body)
    _ = CitationScanner().scan(body.text)
    for appendix in layout.appendices { _ = BodyShaper.shape(appendix.lines) }
    let lines = SourceLine.lines(of: frontMatter.body, firstLine: 1)
    if !lines.isEmpty { _ = PDFUnwrapper.unwrap(lines) }
    _ = ProcedureReader().read(values: frontMatter.extra, title: frontMatter.metadata.title, body: body.text, sourceLine: body.sourceLine)
    return 0
}

private let types = DocumentTypeTable([
    DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo"),
    DocumentType(code: "QĐ", name: "Quyết định"), DocumentType(code: "NĐ", name: "Nghị định"),
    DocumentType(code: "TTHC", name: "Thủ tục hành chính"),
])
