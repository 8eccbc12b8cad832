import Foundation

/// What the preview adds to the HTML pages it serves, and only to those it
/// serves: the built site never carries any of it.
///
/// The site's Content-Security-Policy allows scripts and styles from the site
/// itself only, so nothing is inline: the script and the banner's look are
/// files of their own under /__congkhai/.
enum PreviewPage {
    static let prefix = "/__congkhai/"
    static let scriptPath = prefix + "reload.js"
    static let stylePath = prefix + "preview.css"
    static let versionPath = prefix + "version"

    static let scriptTag = "<script src=\"\(scriptPath)\" defer></script>"

    /// Polls the build counter every second and reloads the page when it changes.
    static let reloadScript = """
    // congkhai preview: reloads the page after each rebuild.
    (function () {
      var seen = null;
      function poll() {
        fetch("\(versionPath)", { cache: "no-store" })
          .then(function (answer) { return answer.ok ? answer.text() : null; })
          .then(function (version) {
            if (version === null) { return; }
            if (seen !== null && version !== seen) { location.reload(); return; }
            seen = version;
          })
          .catch(function () { /* the preview is restarting: try again */ })
          .then(function () { setTimeout(poll, 1000); });
      }
      poll();
    })();

    """

    static let bannerStyle = """
    .congkhai-preview-error { position: sticky; top: 0; z-index: 2147483647; margin: 0; padding: 1em 1.5em;
      background: #b00020; color: #fff; font: 15px/1.5 system-ui, sans-serif; white-space: pre-wrap; }
    .congkhai-preview-error strong { display: block; font-size: 17px; }

    """

    /// `html` with the reload script before `</body>` and, after a failed
    /// build, a banner naming the error at the top of the body.
    static func decorate(_ html: Data, failure: String?, showsLastGoodSite: Bool = true) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        if let bodyEnd = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            text.insert(contentsOf: scriptTag, at: bodyEnd.lowerBound)
        } else {
            text += scriptTag
        }
        if let failure {
            let banner = "<link rel=\"stylesheet\" href=\"\(stylePath)\"><div class=\"congkhai-preview-error\" role=\"alert\">"
                + "<strong>The site could not be built" + (showsLastGoodSite ? "; this page is from the last good build." : ".")
                + "</strong>" + escape(failure) + "</div>"
            if let bodyStart = text.range(of: "<body", options: .caseInsensitive),
               let tagEnd = text[bodyStart.upperBound...].firstIndex(of: ">") {
                text.insert(contentsOf: banner, at: text.index(after: tagEnd))
            } else {
                text = banner + text
            }
        }
        return Data(text.utf8)
    }

    /// Error messages quote file names and template text: never markup.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
