import Foundation

/// A Word file (.docx) to GitHub-flavoured Markdown with pandoc: tables,
/// bold and italics kept, pictures extracted into a folder beside the document.
struct WordConverter {
    /// Where pictures are written while converting; links point into it as `<mediaFolderName>/...`.
    static let mediaPlaceholder = "congkhai-media"
    var timeLimit: TimeInterval = 120

    struct Output {
        let markdown: String
        /// Extracted pictures, by their path as linked from the Markdown.
        let media: [(link: String, file: URL)]
    }

    /// pandoc escapes a typed "1. " at a paragraph start ("1\\. ") so that it is not
    /// a list; the documents keep their printed numbers as text, the way layout
    /// recognition and the body shaper read them (they never renumber).
    static func unescapingPrintedNumbers(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count) else { return String(line) }
            let rest = line.dropFirst(digits.count)
            guard rest.hasPrefix("\\.") || rest.hasPrefix("\\)") else { return String(line) }
            return String(digits) + rest.dropFirst()
        }.joined(separator: "\n")
    }

    /// Converts in `workFolder` (a scratch folder the caller removes).
    func convert(_ file: URL, workFolder: URL) throws -> Output {
        let tree = try ExternalTool.pandoc.run(["--from=docx", "--to=json", "--extract-media=\(Self.mediaPlaceholder)", file.path],
                                               in: workFolder, timeLimit: timeLimit)
        let rewritten = try WordLayoutTables.rewrite(pandocJSON: tree)
        let treeFile = workFolder.appendingPathComponent("document.json")
        try rewritten.write(to: treeFile)
        let markdown = try ExternalTool.pandoc.run(["--from=json", "--to=gfm", "--wrap=none", treeFile.path],
                                                   in: workFolder, timeLimit: timeLimit)
        var media: [(String, URL)] = []
        let mediaRoot = workFolder.appendingPathComponent(Self.mediaPlaceholder)
        if let walker = FileManager.default.enumerator(at: mediaRoot, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(workFolder.standardizedFileURL.path.count + 1))
                media.append((relative, url))
            }
        }
        media.sort { $0.0 < $1.0 }
        return Output(markdown: Self.unescapingPrintedNumbers(String(decoding: markdown, as: UTF8.self)), media: media)
    }
}
