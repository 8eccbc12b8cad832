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

    /// Files copied to the site as they are, at the same path under the root
    /// (verification files, `.well-known/`...): the content folder's `static/`.
    var staticFiles: [(path: String, url: URL)] = []
    /// The size of each file found, by content path.
    var sizes: [String: Int] = [:]

    /// The folder of files copied as they are.
    static let staticFolder = "static"
    /// Kinds of file that can run code in a browser: never published, not even from `static/`.
    static let activeKinds: Set<String> = ["html", "htm", "xhtml", "shtml", "js", "mjs", "svg", "svgz", "xml", "xsl", "swf"]

    static func scan(_ given: URL) -> ContentInventory {
        var inventory = ContentInventory()
        // A content folder given as a symbolic link is the folder it points to.
        let root = given.standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.path
        var unreadable: [String] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [],
                                                          errorHandler: { url, _ in unreadable.append(url.path); return true })
        else { return inventory }
        func relativePath(_ url: URL) -> String {
            String(url.standardizedFileURL.path.dropFirst(rootPath.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        var found: [(String, URL, Int)] = []
        for case let url as URL in walker {
            let relative = relativePath(url)
            // Names starting with "_" are never published; hidden ones only from static/ (.well-known/).
            let name = url.lastPathComponent
            if name.hasPrefix("_") || (name.hasPrefix(".") && !relative.hasPrefix(staticFolder + "/")) {
                walker.skipDescendants()
                continue
            }
            if relative.contains("\u{FFFD}") {
                inventory.diagnostics.append(Diagnostic(.error, file: relative, .nameNotUTF8))
                continue
            }
            let values = try? url.resourceValues(forKeys: Set(keys))
            var size = values?.fileSize ?? 0
            if values?.isSymbolicLink == true {
                // Only what a link leads to inside the content folder is published, copied as a file.
                let target = url.resolvingSymlinksInPath()
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else {
                    inventory.diagnostics.append(Diagnostic(.error, file: relative, .linkLeadsNowhere))
                    continue
                }
                guard target.path.hasPrefix(rootPath + "/") else {
                    inventory.diagnostics.append(Diagnostic(.error, file: relative, .linkOutside))
                    continue
                }
                if isFolder.boolValue { continue }  // its files are found where it points
                size = (try? target.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
            } else if values?.isRegularFile != true {
                continue
            }
            found.append((relative, url, size))
        }
        for path in unreadable.sorted() {
            let relative = relativePath(URL(fileURLWithPath: path))
            inventory.diagnostics.append(Diagnostic(.error, file: relative.isEmpty ? "." : relative, .folderUnreadable))
        }
        found.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var seen: [String: String] = [:]
        for (relative, url, size) in found {
            // Swift compares strings by canonical equivalence: two names that differ only in
            // Unicode form (NFC, NFD) would become one document or one attachment.
            if let first = seen[relative] {
                inventory.diagnostics.append(Diagnostic(.error, file: relative, .sameNameOtherForm, ["other": first]))
                continue
            }
            seen[relative] = relative
            inventory.sizes[relative] = size
            let ext = url.pathExtension.lowercased()
            if relative.hasPrefix(staticFolder + "/") {
                if activeKinds.contains(ext) {
                    inventory.diagnostics.append(Diagnostic(.warning, file: relative, .activeFile, ["extension": ext]))
                } else {
                    inventory.staticFiles.append((String(relative.dropFirst(staticFolder.count + 1)), url))
                }
            } else if ext == "md" || ext == "markdown" {
                inventory.sources.append(SourceFile(path: relative, url: url))
            } else if SiteConfig.fileNames.contains(relative) || relative == RedirectFile.name {
                continue
            } else if let kind = attachmentKinds[ext] {
                inventory.attachments[relative] = AttachmentFile(sourcePath: relative, url: url, kind: kind, size: size, sitePath: "")
            } else {
                inventory.diagnostics.append(Diagnostic(.warning, file: relative, .kindNotPublished,
                                                        ["extension": ext.isEmpty ? "?" : ext]))
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
public struct AttachmentFile: Sendable, Equatable, Codable {
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
