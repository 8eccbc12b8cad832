import CongkhaiDomain
import CongkhaiSite
import Foundation

/// The site the preview serves, built into memory, with what the browser
/// needs to know about it. One value per build: a request reads one
/// consistent site even while the next build is being made.
struct PreviewSite: Sendable {
    /// The last good site, by path ("index.html", "css/style.css"); empty until a build succeeds.
    var files: [String: Data] = [:]
    /// Counts builds, failed ones too: the page reloads to show, or to clear, the error banner.
    var version = 0
    /// The error of the latest build when it failed; the banner shows it.
    var failure: String?
}

/// An answer of the preview, before it is put into HTTP.
struct PreviewResponse: Equatable {
    var status: Int
    var contentType: String
    var body: Data
    var location: String?

    static func plain(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data((text + "\n").utf8))
    }
}

extension PreviewSite {
    /// The answer to a GET of `rawPath` (percent-encoded, without the query).
    func respond(to rawPath: String) -> PreviewResponse {
        switch rawPath {
        case PreviewPage.versionPath:
            return .plain(200, String(version))
        case PreviewPage.scriptPath:
            return PreviewResponse(status: 200, contentType: ContentTypes.of("reload.js"), body: Data(PreviewPage.reloadScript.utf8))
        case PreviewPage.stylePath:
            return PreviewResponse(status: 200, contentType: ContentTypes.of("preview.css"), body: Data(PreviewPage.bannerStyle.utf8))
        default:
            break
        }
        let key: String
        switch SitePath.resolve(rawPath) {
        case .refused(let reason): return .plain(400, "Bad request: \(reason).")
        case .file(let path): key = path
        }
        if files.isEmpty { return noSiteYet() }
        if let data = files[key] { return page(key, data, status: 200) }
        if files[key + "/index.html"] != nil {
            var moved = PreviewResponse.plain(301, "Moved to \(rawPath)/")
            moved.location = rawPath + "/"
            return moved
        }
        if let notFound = files["404.html"] { return page("404.html", notFound, status: 404) }
        return .plain(404, "Not found: no file of the site is at \(SitePath.printable(rawPath)).")
    }

    private func page(_ path: String, _ data: Data, status: Int) -> PreviewResponse {
        guard ContentTypes.isHTML(path) else { return PreviewResponse(status: status, contentType: ContentTypes.of(path), body: data) }
        return PreviewResponse(status: status, contentType: ContentTypes.of(path), body: PreviewPage.decorate(data, failure: failure))
    }

    /// Before the first good build there is nothing to show but the error;
    /// the page reloads itself once the build works.
    private func noSiteYet() -> PreviewResponse {
        let message = failure ?? "The site is being built."
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>congkhai preview</title></head><body>"
            + "<p>No version of the site could be built yet; this page reloads itself once the build works.</p></body></html>"
        return PreviewResponse(status: 503, contentType: ContentTypes.of("index.html"),
                               body: PreviewPage.decorate(Data(html.utf8), failure: message, showsLastGoodSite: false))
    }
}

extension SitePath {
    /// A requested path quoted in a message: at most 200 characters, no control characters.
    static func printable(_ path: String) -> String {
        Diagnostic.printable(String(path.prefix(200)))
    }
}
