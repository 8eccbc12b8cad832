/// The media type of a file of the site, from its extension: the formats the
/// build writes (pages, feeds, the catalogue) and the attachments documents carry.
/// FlyingFox knows some of these too, but not all (Office formats, Atom), and
/// the preview must answer exactly as the published site's web server does.
enum ContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "zip": "application/zip",
        "woff": "font/woff",
        "woff2": "font/woff2",
    ]

    /// Anything else is offered as bytes to download, never guessed at.
    static let unknown = "application/octet-stream"

    static func of(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return unknown }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? unknown
    }

    static func isHTML(_ path: String) -> Bool {
        of(path).hasPrefix("text/html")
    }
}
