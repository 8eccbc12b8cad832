import CongkhaiDomain
import CongkhaiMessages
import Foundation

/// What importing one converted file will write: the content file's text,
/// where it goes, the files copied beside it, and what a person must check.
struct ImportPlan {
    let destination: ImportDestination
    let frontMatter: ImportedFrontMatter
    /// The content file: front matter, then the converted text.
    let text: String
    /// Files copied into the content folder (the original, pictures), to paths relative to it.
    let copies: [(from: URL, to: String)]
    let review: [String]

    init(_ source: ConvertedSource, original: URL, types: DocumentTypeTable) throws {
        var body = source.markdown
        let passedThrough = FrontMatter.split(body, file: original.lastPathComponent, types: types)
        var declared = DocumentMetadata()
        var hasFrontMatter = false
        if source.kind == .markdown, case .success(let (frontMatter, _)) = passedThrough, frontMatter.isPresent {
            declared = frontMatter.metadata
            hasFrontMatter = true
            body = String(frontMatter.body)
        }
        let layout = LayoutRecognizer(types: types).recognize(Substring(body), firstLine: 1)
        let metadata = Self.withTypeFromNumber(declared.filled(from: layout.metadata), types: types)
        destination = ImportDestination(metadata: metadata, originalName: original.lastPathComponent)

        var copies: [(URL, String)] = []
        var attachments: [String] = []
        if source.keepsOriginal {
            let name = destination.original(extension: original.pathExtension)
            copies.append((original, name))
            attachments.append((name as NSString).lastPathComponent)
        }
        for (link, file) in source.media {
            let name = destination.mediaFolder + "/" + (file.lastPathComponent)
            copies.append((file, name))
            body = body.replacingOccurrences(of: "](\(link))", with: "](\(Self.relative(name)))")
        }
        self.copies = copies

        let written = ImportedFrontMatter(metadata: metadata, attachments: attachments, ocr: source.ocr)
        frontMatter = written
        // Markdown is already a content file: it is written as it came.
        let text = source.kind == .markdown ? source.markdown : try written.yaml() + "\n" + body.trimmingCharacters(in: .newlines) + "\n"
        self.text = text

        // What a person must check, in the command line's language (the table prints it as it is).
        let words = Messages.current
        var review: [String] = []
        if source.ocr {
            review.append(words.text(ImportText.readByOCR))
            review += OCRReview.flags(in: text).map {
                words.text(ImportText.checkIdentifier, ["line": String($0.line), "identifier": $0.identifier])
            }
        }
        let essential = ["type", "date", "title"].filter { written.unreadFields.contains($0) }
        if !essential.isEmpty, !hasFrontMatter {
            review.append(words.text(ImportText.fillIn, ["fields": essential.joined(separator: ", ")]))
        }
        let offset = Self.bodyOffset(text)
        review += layout.findings.map {
            words.text(ImportText.layoutFinding,
                       ["line": String($0.line + offset), "problem": words.words(of: $0.diagnostic(file: "")).message])
        }
        if let line = Self.firstRawHTMLLine(text) {
            review.append(words.text(ImportText.htmlLeft, ["line": String(line)]))
        }
        self.review = review
    }

    /// A picture's link from the document, which sits in the year folder beside the picture folder.
    static func relative(_ path: String) -> String {
        path.split(separator: "/").dropFirst().joined(separator: "/")
    }

    /// The type a number's symbol gives ("45/BC-..." is a report), or an official
    /// letter for a state number without a type code, as the site build reads it.
    static func withTypeFromNumber(_ metadata: DocumentMetadata, types: DocumentTypeTable) -> DocumentMetadata {
        var m = metadata
        if m.type == nil, let number = m.number {
            m.type = number.type(in: types) ?? (m.title?.hasPrefix("V/v") == true || number.style == .state ? types.lookup("CV") : nil)
        }
        if m.type == nil, m.title?.hasPrefix("V/v") == true { m.type = types.lookup("CV") }
        return m
    }

    /// Lines of front matter above the body, so that a finding's line is the file's.
    static func bodyOffset(_ text: String) -> Int {
        guard text.hasPrefix("---\n") else { return 0 }
        return text.components(separatedBy: "\n").dropFirst().firstIndex(of: "---").map { $0 + 2 } ?? 0
    }

    static func firstRawHTMLLine(_ text: String) -> Int? {
        let lines = text.components(separatedBy: "\n")
        return lines.firstIndex { $0.hasPrefix("<table") || $0.hasPrefix("<img") || $0.contains("<img ") }.map { $0 + 1 }
    }
}
