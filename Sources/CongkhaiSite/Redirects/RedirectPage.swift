/// The page left at an old address. It works without JavaScript and opened
/// from disk: a meta refresh and a visible link, both relative, and a canonical
/// link so that search engines move their entry to the new address. It has no
/// script and no style, so it honours a Content-Security-Policy of 'self'.
public enum RedirectPage {
    public struct Strings: Sendable {
        public var title: String
        /// Shown before the link to the new address.
        public var moved: String
        public var language: String

        public init(title: String, moved: String, language: String) {
            self.title = title
            self.moved = moved
            self.language = language
        }

        /// The words come from the theme's strings, as every word on a page does.
        init(_ strings: UIStrings, language: String) {
            self.init(title: strings["redirect_title"], moved: strings["redirect_moved"], language: language)
        }
    }

    /// - Parameter baseURL: the site's `base_url`; not used in the page, whose links are all relative.
    public static func render(_ redirect: Redirect, baseURL: String?, strings: Strings) -> String {
        let href = relativeHref(from: redirect.pagePath, to: redirect.to)
        // Relative, like every link of the site (it works from disk, and a page's links never
        // point off the site); an address elsewhere gets no canonical link, only the refresh.
        let canonical = RedirectFile.isExternal(redirect.to) ? "" : "<link rel=\"canonical\" href=\"\(HTMLText.escape(href))\">\n"
        let link = HTMLText.escape(href)
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLText.escape(strings.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(HTMLText.escape(strings.title))</title>
        \(canonical)<meta http-equiv="refresh" content="0; url=\(link)">
        </head>
        <body>
        <main>
        <h1>\(HTMLText.escape(strings.title))</h1>
        <p>\(HTMLText.escape(strings.moved)) <a href="\(link)">\(HTMLText.escape(redirect.to))</a></p>
        </main>
        </body>
        </html>

        """
    }

    /// From the page file at `pagePath` to the site path `to`, pointing at `index.html` as every link of the site does.
    static func relativeHref(from pagePath: String, to: String) -> String {
        if RedirectFile.isExternal(to) { return to }
        let depth = pagePath.split(separator: "/", omittingEmptySubsequences: true).count - 1
        let target = to.hasSuffix("/") ? to + "index.html" : to
        return String(repeating: "../", count: max(depth, 0)) + target
    }
}
