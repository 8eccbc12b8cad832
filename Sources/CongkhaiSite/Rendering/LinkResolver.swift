import CongkhaiDomain
import CongkhaiMarkdown
import Foundation

/// Decides what each link in a document's Markdown becomes: a link to
/// another document's page, to a published attachment, to the web, or
/// plain text when the target is unsafe, missing or outside the site.
struct LinkResolver {
    /// The content file whose links are decided (a document or a plain page).
    let source: String
    let addresses: Corpus.Addresses
    let root: String
    let attachments: [String: AttachmentFile]
    let folder: String

    init(doc: Document, addresses: Corpus.Addresses, root: String) {
        self.init(source: doc.source, addresses: addresses, root: root)
    }

    init(source: String, addresses: Corpus.Addresses, root: String) {
        self.source = source
        self.addresses = addresses
        self.root = root
        self.attachments = addresses.attachments
        self.folder = (source as NSString).deletingLastPathComponent
    }

    func decide(_ target: LinkTarget, lineMap: ShapedMarkdown, diagnostics: inout [Diagnostic],
                attachments named: inout [AttachmentFile]) -> LinkDecision {
        let url = target.url.trimmingCharacters(in: .whitespaces)
        let line = lineMap.sourceLine(target.line)
        func warn(_ message: String, _ hint: String) -> LinkDecision {
            diagnostics.append(Diagnostic(.warning, file: source, line: line, message, hint: hint))
            return .unlink
        }
        if url.isEmpty { return .unlink }
        if url.hasPrefix("#") { return .keep }
        let lower = url.lowercased()
        if let colon = lower.firstIndex(of: ":"), lower[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "." || $0 == "-" }),
           !lower[..<colon].isEmpty {
            let scheme = String(lower[..<colon])
            switch scheme {
            case "http", "https":
                if target.isImage {
                    return warn("the image \(url) is on another site; pages never load anything from elsewhere, so it is shown as text",
                                "save the image beside the document and link to the file")
                }
                return .keep
            case "mailto", "tel":
                return target.isImage ? .unlink : .keep
            default:
                return warn("the link target '\(url.prefix(60))' is not allowed (\(scheme):) and was removed",
                            "links may go to web addresses (https://...), e-mail addresses, other documents or attached files")
            }
        }
        if url.hasPrefix("/") || url.hasPrefix("\\") {
            return warn("the link '\(url.prefix(60))' starts with '/', which breaks when the site is opened from disk",
                        "write the path relative to this document, for example 'phu-luc.pdf' or '../2021/bao-cao.md'")
        }
        let pathPart = String(url.prefix(while: { $0 != "#" && $0 != "?" }))
        let fragment = url.firstIndex(of: "#").map { String(url[$0...]) } ?? ""
        switch ContentPath.resolve(pathPart, from: folder) {
        case .outside:
            return warn("the link '\(url.prefix(60))' leads outside the content folder and was removed",
                        "link only to documents and files inside the content folder")
        case .inside(let path):
            if let other = addresses.urls[DocumentID(path)] {
                return .replace(Routes.href(root, other) + fragment)
            }
            if let file = attachments[path] {
                if !named.contains(file) { named.append(file) }
                return .replace(root + file.sitePath)
            }
            return warn("the link target '\(url.prefix(60))' was not found, so the link was removed",
                        "check the file name and its folder; a document left out because of an error cannot be linked either")
        }
    }
}
