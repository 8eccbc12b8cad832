import Foundation

/// Which files a snapshot holds, and how a page's links change when it holds only part of the site.
///
/// A year snapshot holds that year's document pages and their attachments, the pages that list
/// them (`nam/YYYY/`, `so-ky-hieu/YYYY/`), the home page, the year list, the stylesheet and a page
/// saying that something is not in the snapshot. A link from a kept page to a page that is not
/// kept leads to that page instead of nowhere.
public struct SnapshotScope: Sendable {
    public let year: Int?
    private let keptDocumentPaths: Set<String>
    private let documentFolderPrefix = "van-ban/"

    public static let absentPagePath = "khong-co-trong-ban-luu/index.html"

    public init(year: Int?, catalogue: SiteCatalogue) {
        self.year = year
        var kept = Set<String>()
        if let year {
            for doc in catalogue.documents where doc.year == year {
                kept.insert(doc.path)
                doc.attachments.forEach { kept.insert($0) }
            }
        }
        keptDocumentPaths = kept
    }

    public var label: String { year.map(String.init) ?? "all" }

    public func includes(_ path: String) -> Bool {
        guard let year else { return true }
        if keptDocumentPaths.contains(path) { return true }
        if path.hasPrefix(documentFolderPrefix) || path.hasPrefix("tep/") { return false }
        let yearFolders = ["nam/\(year)/", "so-ky-hieu/\(year)/"]
        if yearFolders.contains(where: { path.hasPrefix($0) }) { return true }
        return ["index.html", "nam/index.html", "so-ky-hieu/index.html"].contains(path) || path.hasPrefix("assets/")
            || path.hasPrefix(".well-known/")
    }

    /// Only pages of a partial snapshot change.
    public func rewrites(_ path: String) -> Bool { year != nil && path.hasSuffix(".html") }

    /// Points every relative `href` or `src` whose target is not in `kept` at the absent-page.
    /// Works on bytes of the attribute values only: the rest of the page is copied unchanged.
    public func rewriteLinks(_ page: Data, pagePath: String, kept: Set<String>) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        let folder = pagePath.split(separator: "/").dropLast().map(String.init)
        let absent = String(repeating: "../", count: folder.count) + Self.absentPagePath
        while let attr = rest.range(of: #"(href|src)=""#, options: .regularExpression) {
            out += rest[..<attr.upperBound]
            rest = rest[attr.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            if let target = Self.resolve(value, from: folder), !kept.contains(target) {
                out += absent
            } else {
                out += value
            }
            rest = rest[close...]
        }
        out += rest
        return Data(out.utf8)
    }

    /// The site path a relative link leads to, or nil for links that leave the site or stay on the page.
    static func resolve(_ link: String, from folder: [String]) -> String? {
        if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("/") || link.contains(":") { return nil }
        let bare = String(link.prefix { $0 != "#" && $0 != "?" })
        var parts = folder
        for part in bare.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        let path = parts.joined(separator: "/")
        if bare.hasSuffix("/") || path.isEmpty { return (path.isEmpty ? "" : path + "/") + "index.html" }
        return path.removingPercentEncoding ?? path
    }

    /// The page a link outside a year snapshot leads to. Plain HTML in Vietnamese, linking back home.
    public func absentPage(day: String) -> Data {
        let year = year.map(String.init) ?? ""
        let html = """
        <!DOCTYPE html>
        <html lang="vi">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Không có trong bản lưu trữ</title><link rel="stylesheet" href="../assets/style.css"></head>
        <body><main id="noi-dung">
        <h1>Trang này không có trong bản lưu trữ</h1>
        <p>Bản lưu trữ ngày \(day) chỉ gồm các văn bản năm \(year) và các trang liệt kê chúng.
        Trang bạn chọn thuộc phần khác của trang công khai; hãy xem bản lưu trữ toàn bộ hoặc bản của năm tương ứng.</p>
        <p><a href="../index.html">Về trang chủ của bản lưu trữ</a></p>
        </main></body>
        </html>

        """
        return Data(html.utf8)
    }
}
