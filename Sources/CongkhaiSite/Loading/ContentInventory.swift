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
        var found: [(String, URL, Int)] = []
        // readdir and lstat rather than FileManager's enumerator and URL resource values,
        // which took a third of a second at 10,000 files: a tenth of a rebuild.
        func walk(_ folder: [UInt8], relative prefix: String) {
            guard let dir = (folder + [0]).withUnsafeBufferPointer({ opendir(UnsafeRawPointer($0.baseAddress!)
                .assumingMemoryBound(to: CChar.self)) }) else {
                unreadable.append(prefix)
                return
            }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
                let rawPath = folder + [0x2F] + bytes
                let name = String(decoding: bytes, as: UTF8.self)
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                // Names starting with "_" are never published; hidden ones only from static/ (.well-known/).
                if name.hasPrefix("_") || (name.hasPrefix(".") && !relative.hasPrefix(staticFolder + "/")) { continue }
                var info = stat()
                guard (rawPath + [0]).withUnsafeBufferPointer({ lstat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                                      &info) }) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    // a folder whose name is not UTF-8 is named, and so is each file in it
                    if relative.contains("\u{FFFD}") { inventory.diagnostics.append(Diagnostic(.error, file: relative, .nameNotUTF8)) }
                    walk(rawPath, relative: relative)
                    continue
                }
                if relative.contains("\u{FFFD}") {
                    inventory.diagnostics.append(Diagnostic(.error, file: relative, .nameNotUTF8))
                    continue
                }
                let url = URL(fileURLWithPath: String(decoding: rawPath, as: UTF8.self))
                var size = Int(info.st_size)
                if kind == S_IFLNK {
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
                } else if kind != S_IFREG {
                    continue
                }
                found.append((relative, url, size))
            }
        }
        walk(Array(rootPath.utf8), relative: "")
        for relative in unreadable.sorted() {
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
