import CongkhaiDomain
import Foundation
import Mustache
import Yams

/// A theme folder: Mustache templates staff can edit without recompiling,
/// UI strings per language, and static assets (the stylesheet).
///
///     templates/*.mustache   pages and partials ({{> header}})
///     strings/vi.yml         UI strings, one per key (strings/en.yml beside it)
///     assets/                copied to the site's assets/ folder
struct Theme {
    let library: MustacheLibrary
    let strings: [String: String]
    let assets: [(path: String, url: URL)]

    /// Pages, and the partials they include: Mustache renders a missing partial as nothing, silently.
    static let requiredTemplates = ["document", "list", "home", "links", "number-index", "citations", "citation", "procedure", "procedures",
                                    "base", "doc-table", "pagination", "proc-tables"]

    static func load(_ directory: URL, language: String) throws -> Theme {
        let fm = FileManager.default
        let templates = directory.appendingPathComponent("templates")
        guard let names = try? fm.contentsOfDirectory(atPath: templates.path) else {
            throw BuildFailure("the theme has no templates folder at \(templates.path); check --theme")
        }
        let strings = try loadStrings(directory, language: language)
        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = templates.appendingPathComponent(name)
            let text = FastHTMLContentType.pragma + inlineStrings(try String(contentsOf: url, encoding: .utf8), strings)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw BuildFailure("the template \(url.path) has a mistake (\(error)); check that every {{#section}} has its {{/section}}")
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil {
            throw BuildFailure("the theme lacks the template templates/\(required).mustache")
        }
        var assets: [(String, URL)] = []
        let assetsDir = directory.appendingPathComponent("assets")
        if let walker = fm.enumerator(at: assetsDir, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                assets.append(("assets/" + url.path.dropFirst(assetsDir.path.count + 1), url))
            }
        }
        return Theme(library: library, strings: strings, assets: assets.sorted { $0.0 < $1.0 })
    }

    func string(_ key: String) -> String { strings[key] ?? key }

    static func loadStrings(_ directory: URL, language: String) throws -> [String: String] {
        let stringsURL = directory.appendingPathComponent("strings/\(language).yml")
        guard let stringsText = try? String(contentsOf: stringsURL, encoding: .utf8) else {
            throw BuildFailure("the theme has no UI strings for the language '\(language)' (\(stringsURL.path))")
        }
        var strings: [String: String] = [:]
        if case .mapping(let map)? = try Yams.compose(yaml: stringsText) {
            for (k, v) in map { if let key = k.string, let value = v.string { strings[key] = value } }
        }
        return strings
    }

    /// UI strings are the same on every page of a build, so `{{t.key}}` is
    /// written into the template once (escaped as Mustache would) instead of
    /// being looked up on every page. Unknown keys are left to Mustache.
    static func inlineStrings(_ template: String, _ strings: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{t.") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound])
            out += rest[..<open.lowerBound]
            if let value = strings[key], key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                out += HTMLText.escape(value)
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    func render(_ context: [String: Any], template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
