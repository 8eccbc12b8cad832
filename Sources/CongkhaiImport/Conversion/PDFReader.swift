import Foundation

/// The text of a PDF file: its text layer through pdftotext, or, for a scan,
/// its pages rendered with pdftoppm and read by Tesseract's Vietnamese model.
struct PDFReader {
    var timeLimit: TimeInterval = 120
    /// Per page: Tesseract is slow, and a scan has many pages.
    var ocrTimeLimit: TimeInterval = 180
    /// 300 dpi is what Tesseract is trained for; less loses the diacritics.
    var resolution = 300

    /// Page text in layout mode (columns side by side), pages separated by form feeds.
    ///
    /// `-layout` rather than the plain mode: plain mode interleaves the two
    /// columns of the header and the footer line by line (the recipients come
    /// mixed with the signature) and puts each cell of a table on a line of its
    /// own; layout mode keeps a row on one line with a gap between the
    /// columns, which `ColumnZones` and the table step can split reliably.
    func textLayer(_ file: URL) throws -> String {
        let data = try ExternalTool.pdftotext.run(["-layout", "-enc", "UTF-8", "-eol", "unix", file.path, "-"], timeLimit: timeLimit)
        return String(decoding: data, as: UTF8.self)
    }

    /// A scan has (almost) no text: fewer than 40 letters a page.
    static func isScan(_ text: String) -> Bool {
        let pages = max(1, text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count)
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
        return letters < 40 * pages
    }

    /// Renders every page and reads it; pages are separated by form feeds.
    func recognize(_ file: URL, workFolder: URL) throws -> String {
        guard ExternalTool.tesseract.isInstalled else { throw ImportFailure.missingTool(.tesseract) }
        guard try Self.hasVietnameseModel() else {
            throw ImportFailure.noVietnameseModel
        }
        let pagePrefix = workFolder.appendingPathComponent("page").path
        _ = try ExternalTool.pdftoppm.run(["-r", String(resolution), "-gray", "-png", file.path, pagePrefix], timeLimit: timeLimit)
        let pages = try FileManager.default.contentsOfDirectory(atPath: workFolder.path)
            .filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
            .sorted { Self.pageNumber($0) < Self.pageNumber($1) }
        var text: [String] = []
        for page in pages {
            // preserve_interword_spaces keeps the gap between the header's two columns
            let data = try ExternalTool.tesseract.run([workFolder.appendingPathComponent(page).path, "stdout", "-l", "vie",
                                                       "-c", "preserve_interword_spaces=1"], timeLimit: ocrTimeLimit)
            text.append(String(decoding: data, as: UTF8.self))
        }
        return text.joined(separator: "\u{0C}")
    }

    static func pageNumber(_ name: String) -> Int {
        Int(name.dropFirst("page-".count).prefix { $0.isNumber }) ?? 0
    }

    static func hasVietnameseModel() throws -> Bool {
        let data = try ExternalTool.tesseract.run(["--list-langs"], timeLimit: 30)
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).contains("vie")
    }
}
