import CongkhaiDomain
import CongkhaiMessages
import Foundation

/// One received file as Markdown text, whatever it came as.
struct ConvertedSource {
    enum Kind: String { case word = "docx", pdf, text = "txt", markdown = "md" }

    let kind: Kind
    var markdown: String
    /// Pictures extracted from a Word file: the link as written in `markdown`, and the file.
    var media: [(link: String, file: URL)] = []
    var ocr = false
    /// Whether the original is kept beside the document as its attachment: the
    /// signed Word or PDF file, yes; a text or Markdown file is the document itself.
    var keepsOriginal: Bool { kind == .word || kind == .pdf }

    static func kind(of file: URL) throws -> Kind {
        let ext = file.pathExtension.lowercased()
        switch ext {
        case "docx": return .word
        case "pdf": return .pdf
        case "txt": return .text
        case "md", "markdown": return .markdown
        default: throw ImportFailure.unsupported(ext.isEmpty ? "?" : ext)
        }
    }
}

/// Runs the right conversion for each kind of file.
struct SourceConverter {
    let types: DocumentTypeTable
    let ocr: Bool

    func convert(_ file: URL, workFolder: URL) throws -> ConvertedSource {
        let kind = try ConvertedSource.kind(of: file)
        switch kind {
        case .word:
            let output = try WordConverter().convert(file, workFolder: workFolder)
            return ConvertedSource(kind: kind, markdown: VietnameseText.normalize(output.markdown), media: output.media)
        case .pdf:
            let reader = PDFReader()
            let layer = try reader.textLayer(file)
            guard PDFReader.isScan(layer) else {
                return ConvertedSource(kind: kind, markdown: PrintedText(types: types).markdown(fromPages: layer))
            }
            guard ocr else { throw ImportFailure.scanWithoutOCR }
            let read = try reader.recognize(file, workFolder: workFolder)
            return ConvertedSource(kind: kind, markdown: PrintedText(types: types).markdown(fromPages: read), ocr: true)
        case .text, .markdown:
            let raw = try Self.readText(file)
            let text = VietnameseText.normalize(raw)
            if kind == .text, PDFUnwrapper.looksUnwrapped(SourceLine.lines(of: Substring(text), firstLine: 1)) {
                return ConvertedSource(kind: kind, markdown: PrintedText(types: types).markdown(fromExtractedText: raw))
            }
            return ConvertedSource(kind: kind, markdown: text)
        }
    }

    static func readText(_ file: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw ImportFailure.unreadable(FileProblem.describe(error)) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ImportFailure.notUTF8
        }
        return text
    }
}
