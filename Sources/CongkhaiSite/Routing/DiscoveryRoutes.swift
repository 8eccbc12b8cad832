import CongkhaiDomain

/// The addresses of the ways to find and follow the site from outside it:
/// feeds, the sitemap, robots.txt, the legal catalogue, the recent list and the 404 page.
extension Routes {
    /// The whole site's Atom feed: `feed.atom` at the root.
    public static let siteFeed = "feed.atom"
    /// The procedures' feed, beside their list.
    public static let proceduresFeed = procedures + "feed.atom"
    /// One feed per document type, beside the type's list: "loai/ke-hoach/feed.atom".
    public static func typeFeed(_ type: DocumentType?) -> String { Routes.type(type) + "feed.atom" }

    public static let sitemap = "sitemap.xml"
    /// One part of a sitemap too long for one file: "sitemap-1.xml".
    static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }
    public static let robots = "robots.txt"

    /// "Danh mục thông tin phải được công khai" (Nghị định 13/2018/NĐ-CP, Art. 6).
    public static let disclosureCatalogue = "danh-muc-cong-khai/"
    public static let disclosureCatalogueCSV = "api/danh-muc-cong-khai.csv"
    /// Documents by the day they were posted, newest first.
    public static let recent = "moi-cap-nhat/"
    /// Served by the web server at any address that does not exist.
    public static let notFound = "404.html"
}
