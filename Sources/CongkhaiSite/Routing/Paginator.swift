/// The one way long lists are split into pages: `path`, `path/trang-2/`, ...
struct Paginator {
    let pageSize: Int

    struct Page<Item> {
        let number: Int
        let count: Int
        let path: String
        let items: ArraySlice<Item>
        var isFirst: Bool { number == 1 }
    }

    func pageCount(_ itemCount: Int) -> Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    /// A list with no items still has its first page.
    func pages<Item>(_ items: [Item], at path: String) -> [Page<Item>] {
        let count = pageCount(items.count)
        return (1...count).map { n in
            Page(number: n, count: count, path: Routes.page(n, of: path), items: items.dropFirst((n - 1) * pageSize).prefix(pageSize))
        }
    }

    /// Every page path of a list of `itemCount` items.
    func paths(_ itemCount: Int, at path: String) -> [String] {
        (1...pageCount(itemCount)).map { Routes.page($0, of: path) }
    }

    /// The page links under a list: first, last and a window around the current page.
    static func links(path: String, current: Int, count: Int, root: String) -> [String: Any] {
        func href(_ n: Int) -> String { Routes.href(root, Routes.page(n, of: path)) }
        let shown = (1...count).filter { $0 == 1 || $0 == count || abs($0 - current) <= 2 }
        var items: [[String: Any]] = []
        var previous = 0
        for n in shown {
            if n - previous > 1 { items.append(["gap": true]) }
            var item: [String: Any] = ["n": n, "href": href(n)]
            if n == current { item["current"] = true }
            items.append(item)
            previous = n
        }
        var p: [String: Any] = ["items": items]
        if current > 1 { p["prev"] = href(current - 1) }
        if current < count { p["next"] = href(current + 1) }
        return p
    }
}

extension Paginator {
    /// "51–100 / 180": which items a page shows, for the pagination links.
    func range<Item>(of page: Page<Item>, total: Int) -> [String: Any] {
        let first = (page.number - 1) * pageSize + 1
        return ["range": "\(first)–\(first + page.items.count - 1) / \(total)"]
    }

    /// Years and types: `page_size` documents a page.
    static func documents(_ config: SiteConfig) -> Paginator { Paginator(pageSize: config.pageSize) }
    /// The number index is a dense table: four times as many rows.
    static func numbers(_ config: SiteConfig) -> Paginator { Paginator(pageSize: config.pageSize * 4) }
    /// The cited-documents index: one line each.
    static func citations(_ config: SiteConfig) -> Paginator { Paginator(pageSize: config.pageSize * 2) }
}
