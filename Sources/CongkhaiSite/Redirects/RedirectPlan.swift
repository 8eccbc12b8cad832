import CongkhaiDomain
import Foundation

/// Every redirect page a build writes: from `redirects.yml`, from pages that
/// moved since the previous build, and those the previous build already had
/// (read back from its `api/redirects.json`), so a permanent link stays
/// permanent across any number of builds. Chains are followed to their end;
/// an old address where a page now stands keeps the page.
public struct RedirectPlan: Sendable {
    public static let cataloguePath = "api/redirects.json"

    public var redirects: [Redirect]
    public var diagnostics: [Diagnostic]

    /// (site path of the file, HTML) for each redirect page.
    public func pages(baseURL: String?, strings: RedirectPage.Strings) -> [(path: String, html: String)] {
        redirects.map { ($0.pagePath, RedirectPage.render($0, baseURL: baseURL, strings: strings)) }
    }

    /// `api/redirects.json`: the redirects in address order; the next build reads it back.
    public var catalogue: String {
        let entries = redirects.map { redirect -> JSONValue in
            let origin: String
            switch redirect.origin {
            case .file: origin = "redirects.yml"
            case .rename: origin = "rename"
            case .kept: origin = "kept"
            }
            return .object([("from", .string(redirect.from)), ("to", .string(redirect.to)), ("origin", .string(origin))])
        }
        return JSONValue.catalogue("redirects", entries)
    }

    /// - Parameters:
    ///   - redirectsFile: the text of `redirects.yml` in the content folder, or nil when there is none.
    ///   - previous: what the published site holds (`Published.read`).
    ///   - current: this build's pages (address and content file), from its records.
    ///   - answers: whether this build already has a file at a site path (`van-ban/2024/5-kh-stttt/index.html`).
    public static func make(redirectsFile: String?, previous: Published, current: [RenameDetector.Entry],
                            answers: (String) -> Bool) -> RedirectPlan {
        var diagnostics: [Diagnostic] = []
        var byFrom: [String: Redirect] = [:]
        // Weakest first: kept from the last build, then detected renames, then the file, which always wins.
        for redirect in previous.redirects { byFrom[redirect.from] = redirect }
        for redirect in RenameDetector.renames(previous: previous.entries, current: current) { byFrom[redirect.from] = redirect }
        if let redirectsFile {
            let (fromFile, problems) = RedirectFile.parse(redirectsFile)
            diagnostics += problems
            for redirect in fromFile { byFrom[redirect.from] = redirect }
        }

        func isPage(_ path: String) -> Bool { answers(path.hasSuffix("/") ? path + "index.html" : path) }
        var redirects: [Redirect] = []
        for from in byFrom.keys.sorted() {
            var redirect = byFrom[from]!
            var line: Int?
            if case .file(let at) = redirect.origin { line = at }
            func warn(_ messageKey: MessageKey, _ arguments: [String: String]) {
                diagnostics.append(Diagnostic(.warning, file: RedirectFile.name, line: line, messageKey, arguments))
            }
            if isPage(from) {
                if line != nil {
                    warn(.redirectFromPage, ["from": from, "to": redirect.to, "file": RedirectFile.name])
                }
                continue
            }
            // Follow a chain (a → b, b → c) to its end, so that readers are sent once, straight to the page.
            var seen: Set<String> = [from]
            var circular = false
            while !isPage(redirect.to), let next = byFrom[redirect.to] {
                guard seen.insert(next.from).inserted else { circular = true; break }
                redirect.to = next.to
            }
            if circular || redirect.to == from {
                warn(.redirectCircle, ["from": from, "file": RedirectFile.name])
                continue
            }
            if !RedirectFile.isExternal(redirect.to) && !isPage(redirect.to) {
                warn(.redirectNoPage, ["from": from, "to": redirect.to, "file": RedirectFile.name])
                continue
            }
            redirects.append(redirect)
        }
        return RedirectPlan(redirects: redirects, diagnostics: diagnostics)
    }

    /// What the published site holds, read once at the start of a build (its
    /// catalogues are large: parsed while the new corpus is in memory, they
    /// would raise the build's peak by hundreds of megabytes).
    public struct Published: Sendable {
        public var entries: [RenameDetector.Entry] = []
        public var redirects: [Redirect] = []

        public init(entries: [RenameDetector.Entry] = [], redirects: [Redirect] = []) {
            self.entries = entries
            self.redirects = redirects
        }

        /// From the published site's `api/documents.json` and `api/procedures.json`, and its `api/redirects.json`
        /// (nil when absent). Only the last is read for redirects: reading the large catalogues twice took a second.
        public static func read(catalogues: [Data?], redirects: Data?) -> Published {
            Published(entries: catalogues.flatMap { RenameDetector.entries(catalogue: $0) }, redirects: keptRedirects(redirects))
        }
    }

    static func keptRedirects(_ data: Data?) -> [Redirect] {
        guard let data, let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = json["redirects"] as? [[String: Any]] else { return [] }
        return items.compactMap { item in
            guard let from = (item["from"] as? String).flatMap(RedirectFile.sitePath), let rawTo = item["to"] as? String else { return nil }
            let to = RedirectFile.isExternal(rawTo) ? rawTo : RedirectFile.sitePath(rawTo)
            // A detected rename stays one: building again without a change gives the same bytes.
            let origin: Redirect.Origin = item["origin"] as? String == "rename" ? .rename(source: "") : .kept
            return to.map { Redirect(from: from, to: $0, origin: origin) }
        }
    }
}
