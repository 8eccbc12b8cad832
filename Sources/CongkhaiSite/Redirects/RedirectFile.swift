import CongkhaiDomain
import Foundation
import Yams

/// An old address of the site that must keep working: a page at `from` sends the reader to `to`.
public struct Redirect: Equatable, Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// Written in redirects.yml, at this line.
        case file(line: Int?)
        /// The same content file was published at `from` by the previous build.
        case rename(source: String)
        /// Kept from the previous build's api/redirects.json.
        case kept
    }

    /// A site path: `van-ban/2020/545-kh-stttt-vp/` (a folder) or `tin-tuc/bai-cu.html` (an old page file).
    public var from: String
    /// A site path as `from`, or an absolute http(s) address.
    public var to: String
    public var origin: Origin

    public init(from: String, to: String, origin: Origin) {
        self.from = from
        self.to = to
        self.origin = origin
    }

    /// The file that answers at `from`.
    public var pagePath: String { from.hasSuffix("/") ? from + "index.html" : from }
}

/// `redirects.yml` in the content folder: old address → new address, one per line.
///
///     # when 545/KH-STTTT-VP was renumbered
///     van-ban/2020/545-kh-stttt-vp/: van-ban/2020/546-kh-stttt-vp/
///     /tin-tuc/ke-hoach-cu.html: van-ban/2021/12-kh-stttt/
public enum RedirectFile {
    public static let name = "redirects.yml"

    public static func parse(_ text: String, file: String = name) -> (redirects: [Redirect], diagnostics: [Diagnostic]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: VietnameseText.normalize(text))
        } catch let error as YamlError {
            let (line, problem) = FrontMatter.describe(error)
            return ([], [Diagnostic(.error, file: file, line: line, .redirectsInvalid, ["problem": problem])])
        } catch {
            return ([], [Diagnostic(.error, file: file, .redirectsUnreadable, ["problem": "\(error)"])])
        }
        guard let node else { return ([], []) }
        guard case .mapping(let mapping) = node else {
            return ([], [Diagnostic(.error, file: file, line: node.mark?.line, .redirectsNotMapping)])
        }
        var redirects: [Redirect] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int?] = [:]
        for (key, value) in mapping {
            let line = key.mark?.line
            guard let rawFrom = key.string, let rawTo = value.string else {
                diagnostics.append(Diagnostic(.warning, file: file, line: line, .redirectNotText))
                continue
            }
            guard let from = sitePath(rawFrom) else {
                diagnostics.append(Diagnostic(.warning, file: file, line: line, .redirectBadFrom, ["from": rawFrom]))
                continue
            }
            guard let to = isExternal(rawTo) ? rawTo.trimmingCharacters(in: .whitespaces) : sitePath(rawTo) else {
                diagnostics.append(Diagnostic(.warning, file: file, line: line, .redirectBadTo, ["to": rawTo, "from": from]))
                continue
            }
            if let earlier = seen[from] {
                diagnostics.append(Diagnostic(.warning, file: file, line: line, .redirectTwice,
                                              ["from": from, "first": earlier.map(String.init) ?? "?"]))
                continue
            }
            seen[from] = line
            redirects.append(Redirect(from: from, to: to, origin: .file(line: line)))
        }
        return (redirects, diagnostics)
    }

    static func isExternal(_ text: String) -> Bool {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        let scheme = lower.hasPrefix("https://") || lower.hasPrefix("http://")
        return scheme && !lower.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" })
    }

    /// A clean address inside the site, or nil: no domain, no `..`, no query, nothing a browser would read differently.
    /// Folders end with `/`; an `index.html` at the end is the folder itself.
    static func sitePath(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("/") { text.removeFirst() }
        if text.hasSuffix("/index.html") || text == "index.html" { text.removeLast("index.html".count) }
        guard !text.isEmpty, !text.contains("//"), !text.contains(":") else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else { return nil }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") }) else { return nil }
        let last = segments.last.map(String.init) ?? ""
        if text.hasSuffix("/") { return text }
        let lower = last.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? text : text + "/"
    }
}
