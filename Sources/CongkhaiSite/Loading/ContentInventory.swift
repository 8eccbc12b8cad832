import CongkhaiDomain
import Foundation

/// What the content folder holds: Markdown documents and the files beside
/// them (attachments), in a stable order.
struct ContentInventory {
    var sources: [SourceFile] = []
    var attachments: [String: AttachmentFile] = [:]
    var diagnostics: [Diagnostic] = []

    struct SourceFile {
        /// Relative to the content folder, with "/" separators.
        let path: String
        let url: URL
    }

    /// Kinds of file published as attachments. Others (scripts, web pages,
    /// SVG, which can carry scripts) are never copied to the site.
    static let attachmentKinds: [String: String] = [
        "pdf": "PDF", "doc": "DOC", "docx": "DOCX", "odt": "ODT", "rtf": "RTF",
        "xls": "XLS", "xlsx": "XLSX", "ods": "ODS", "csv": "CSV", "txt": "TXT",
        "ppt": "PPT", "pptx": "PPTX", "zip": "ZIP", "rar": "RAR", "7z": "7Z",
        "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP",
    ]

    static func scan(_ root: URL) -> ContentInventory {
        var inventory = ContentInventory()
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey],
                                         options: [.skipsHiddenFiles]) else { return inventory }
        var found: [(String, URL, Int)] = []
        for case let url as URL in walker {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let name = url.lastPathComponent
            if name.hasPrefix("_") {
                walker.skipDescendants()
                continue
            }
            if relative.contains("\u{FFFD}") {
                inventory.diagnostics.append(Diagnostic(.error, file: relative, "the file name is not valid UTF-8, so the file is skipped",
                                                        hint: "rename the file using plain letters, digits and hyphens"))
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().path
                if !target.hasPrefix(rootPath + "/") {
                    inventory.diagnostics.append(Diagnostic(.error, file: relative, "this link points outside the content folder, so it is skipped",
                                                            hint: "copy the file into the content folder instead of linking to it"))
                    continue
                }
            }
            guard values?.isRegularFile == true || (values?.isSymbolicLink == true && !url.hasDirectoryPath) else { continue }
            found.append((relative, url, values?.fileSize ?? 0))
        }
        found.sort { $0.0 < $1.0 }
        for (relative, url, size) in found {
            let ext = url.pathExtension.lowercased()
            if ext == "md" || ext == "markdown" {
                inventory.sources.append(SourceFile(path: relative, url: url))
            } else if SiteConfig.fileNames.contains(relative) {
                continue
            } else if let kind = attachmentKinds[ext] {
                inventory.attachments[relative] = AttachmentFile(sourcePath: relative, url: url, kind: kind, size: size, sitePath: "")
            } else {
                inventory.diagnostics.append(Diagnostic(.warning, file: relative, "this kind of file (.\(ext.isEmpty ? "?" : ext)) is not published",
                                                        hint: "attachments may be PDF, Word, Excel, OpenDocument, text, archives or images; rename the file with '_' in front to silence this"))
            }
        }
        inventory.assignSitePaths()
        return inventory
    }

    /// Attachments go under `tep/`, their folders and names made ASCII so that
    /// links work from disk and on any server.
    mutating func assignSitePaths() {
        var used: Set<String> = []
        for key in attachments.keys.sorted() {
            let parts = key.split(separator: "/")
            let folders = parts.dropLast().map { VietnameseText.slug(String($0)) }.filter { !$0.isEmpty }
            let file = String(parts.last!)
            let ext = (file as NSString).pathExtension.lowercased()
            let stem = VietnameseText.slug((file as NSString).deletingPathExtension, maxLength: 80)
            let base = Routes.attachments + folders.map { $0 + "/" }.joined() + (stem.isEmpty ? "tep" : stem)
            var candidate = base + "." + ext
            var n = 2
            while used.contains(candidate) { candidate = "\(base)-\(n).\(ext)"; n += 1 }
            used.insert(candidate)
            attachments[key]!.sitePath = candidate
        }
    }
}

/// A file published beside the documents.
public struct AttachmentFile: Sendable, Equatable {
    public let sourcePath: String
    let url: URL
    /// "PDF", "DOCX", ...
    public let kind: String
    public let size: Int
    /// Where it lives in the site, relative to the root.
    public var sitePath: String
    /// Its file name as staff gave it.
    public var name: String { sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath }
}
