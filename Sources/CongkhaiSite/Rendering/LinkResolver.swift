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
        let url = target.url.trimmingSpaces
        let line = lineMap.sourceLine(target.line)
        func warn(_ messageKey: MessageKey, _ value: Substring) -> LinkDecision {
            diagnostics.append(Diagnostic(.warning, file: source, line: line, messageKey,
                                          ["target": String(value), "scheme": scheme(url)]))
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
                    return warn(.linkRemoteImage, url[...])
                }
                return .keep
            case "mailto", "tel":
                return target.isImage ? .unlink : .keep
            default:
                return warn(.linkScheme, url.prefix(60))
            }
        }
        if url.hasPrefix("/") || url.hasPrefix("\\") {
            return warn(.linkAbsolute, url.prefix(60))
        }
        let pathPart = String(url.prefix(while: { $0 != "#" && $0 != "?" }))
        let fragment = url.firstIndex(of: "#").map { String(url[$0...]) } ?? ""
        switch ContentPath.resolve(pathPart, from: folder) {
        case .outside:
            return warn(.linkLeadsOutside, url.prefix(60))
        case .inside(let path):
            if let other = addresses.urls[DocumentID(path)] {
                return .replace(Routes.href(root, other) + fragment)
            }
            if let file = attachments[path] {
                if !named.contains(file) { named.append(file) }
                return .replace(root + file.sitePath)
            }
            return warn(.linkNotFound, url.prefix(60))
        }
    }

    /// "javascript:" for the message naming a refused link.
    private func scheme(_ url: String) -> String {
        url.firstIndex(of: ":").map { String(url[...$0].prefix(20)) } ?? ""
    }
}
