import CongkhaiDomain
import Foundation

/// Every address of the site, in one table. A page's path is relative to the
/// site root and ends in "/" (its file is `index.html` in that folder); a
/// file's path names the file. Renderers, catalogues and later outputs take
/// their addresses from here, never from string literals of their own.
public struct Routes: Sendable {
    /// `base_url` from site.yml, ending in "/", for absolute addresses (canonical links, feeds, sitemap).
    public let baseURL: String?

    public init(baseURL: String?) {
        self.baseURL = baseURL
    }

    // MARK: pages

    public static let home = ""
    public static let years = "nam/"
    public static let types = "loai/"
    public static let numbers = "so-ky-hieu/"
    public static let procedures = "thu-tuc/"
    public static let citations = "van-ban-duoc-vien-dan/"
    /// The snapshots of the site (`congkhai archive`), when there are any.
    public static let archives = "luu-tru/"
    /// The search page; its index files live in `searchIndex`.
    public static let search = "tim-kiem/"
    static let searchIndex = "tim-kiem/chi-muc/"
    static let documents = "van-ban/"
    /// The year segment of documents whose year is unknown.
    static let unknownYear = "khong-ro-nam"
    static let unknownType = "khac"
    static let unknownField = "chua-ro"

    static func yearSegment(_ year: Int?) -> String { year.map(String.init) ?? unknownYear }
    static func typeSegment(_ type: DocumentType?) -> String { type?.slug ?? unknownType }
    static func fieldSegment(_ field: String?) -> String { field.map { VietnameseText.slug($0) } ?? unknownField }

    public static func year(_ year: Int?) -> String { years + yearSegment(year) + "/" }
    public static func type(_ type: DocumentType?) -> String { types + typeSegment(type) + "/" }
    public static func numbers(ofYear year: Int?) -> String { numbers + yearSegment(year) + "/" }
    public static func procedureField(_ field: String?) -> String { procedures + "linh-vuc/" + fieldSegment(field) + "/" }
    /// An external identifier's page; identifiers of this site are listed on their document's page.
    public static func citation(_ id: CitationGraph.CitedIdentifier) -> String { citations + id.slug + "/" }

    /// "van-ban/2020/545-kh-stttt-vp/": the year is part of the address because numbers restart every year.
    static func document(year: Int?, slug: String) -> String { documents + yearSegment(year) + "/" + slug + "/" }
    /// A procedure is known by its code in the national database, not by year.
    static func procedure(slug: String) -> String { procedures + slug + "/" }

    /// Page `number` of a list that starts at `path`: "nam/2020/", "nam/2020/trang-2/", ...
    public static func page(_ number: Int, of path: String) -> String { number == 1 ? path : path + "trang-\(number)/" }

    /// The anchor of a document page's "cited by" list, where the citation index links.
    static let citedByAnchor = "duoc-vien-dan"

    // MARK: files

    public static let documentsCatalogue = "api/documents.json"
    public static let citationsCatalogue = "api/citations.json"
    public static let proceduresCatalogue = "api/procedures.json"
    /// The catalogues as tables for a spreadsheet (open data).
    public static let documentsCSV = "api/documents.csv"
    public static let proceduresCSV = "api/procedures.csv"
    static let assets = "assets/"
    /// The public key snapshots are signed with, published from the content's static/ folder.
    public static let archivePublicKey = ".well-known/congkhai-archive.pub"
    static let attachments = "tep/"

    /// The file that serves a page path.
    public static func file(of pagePath: String) -> String { pagePath + "index.html" }
    /// A document page's JSON twin, beside its `index.html`.
    public static func twin(of pagePath: String) -> String { pagePath + twinName }
    static let twinName = "index.json"

    // MARK: links

    /// The relative way from a page's folder back to the site root: "../../".
    static func root(of pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count)
    }

    /// A link to a page that also works opened from disk (it names index.html).
    /// Made at its size at once (`Formatting.joined`): pages make tens of links each.
    static func href(_ root: String, _ pagePath: String) -> String { Formatting.joined(root, pagePath, file(of: "")) }

    /// The absolute address of a path, when the site has a `base_url`.
    public func absolute(_ path: String) -> String? { baseURL.map { $0 + path } }
}
