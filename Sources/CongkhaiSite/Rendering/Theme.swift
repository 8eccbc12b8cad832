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
    let strings: UIStrings
    let assets: [(path: String, url: URL)]
    /// SHA-256 over every file of the theme, for the site marker.
    let digest: String
    /// The same templates compiled for speed (see CompiledTemplate), or nil when one of them needs swift-mustache.
    var compiled: CompiledRenderer?

    /// Pages, and the partials they include: Mustache renders a missing partial as nothing, silently.
    static let requiredTemplates = ["document", "list", "home", "links", "number-index", "citations", "citation", "procedure", "procedures",
                                    "base", "doc-table", "pagination", "proc-tables"]

    static func load(_ directory: URL, language: String) throws -> Theme {
        let fm = FileManager.default
        let templates = directory.appendingPathComponent("templates")
        guard let names = try? fm.contentsOfDirectory(atPath: templates.path) else {
            throw BuildFailure(.themeNoTemplates, ["folder": templates.path])
        }
        let strings = try loadStrings(directory, language: language)
        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        var digests: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = templates.appendingPathComponent(name)
            let source = try String(contentsOf: url, encoding: .utf8)
            digests["templates/" + name] = ContentDigest.of(Data(source.utf8))
            let text = FastHTMLContentType.pragma + inlineStrings(source, strings.values)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw BuildFailure(.templateMistake, ["template": url.path, "problem": "\(error)"])
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil {
            throw BuildFailure(.templateMissing, ["template": "templates/\(required).mustache"])
        }
        var assets: [(String, URL)] = []
        let assetsDir = directory.appendingPathComponent("assets")
        if let walker = fm.enumerator(at: assetsDir, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let path = Routes.assets + url.path.dropFirst(assetsDir.path.count + 1)
                assets.append((path, url))
                digests[path] = (try? Data(contentsOf: url)).map(ContentDigest.of) ?? ""
            }
        }
        digests["strings/\(language).yml"] = strings.digest
        var theme = Theme(library: library, strings: strings, assets: assets.sorted { $0.0 < $1.0 }, digest: ContentDigest.ofFiles(digests))
        theme.compiled = CompiledRenderer(library, names: names.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) })
        return theme
    }

    func string(_ key: String) -> String { strings[key] }

    static func loadStrings(_ directory: URL, language: String) throws -> UIStrings {
        let stringsURL = directory.appendingPathComponent("strings/\(language).yml")
        guard let data = try? Data(contentsOf: stringsURL), let stringsText = String(data: data, encoding: .utf8) else {
            throw BuildFailure(.themeNoStrings, ["language": language, "file": stringsURL.path])
        }
        var strings: [String: String] = [:]
        if case .mapping(let map)? = try Yams.compose(yaml: stringsText) {
            for (k, v) in map { if let key = k.string, let value = v.string { strings[key] = value } }
        }
        return UIStrings(values: strings, digest: ContentDigest.of(data))
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
        render(context, template: template, as: String.self) { $0 }
    }

    /// The page as the bytes of its file.
    func renderBytes(_ context: [String: Any], template: String) -> [UInt8] {
        render(context, template: template, as: PageBytes.self) { PageBytes(bytes: Array($0.utf8)) }.bytes
    }

    /// A page whose context is built as template values (DocumentPage): no `[String: Any]` to make and convert, unless
    /// the compiled templates cannot render it and swift-mustache must. `capacity`: about the page's size in bytes.
    func renderBytes(_ value: TemplateValue, template: String, capacity: Int) -> [UInt8] {
        if let compiled, let page = try? compiled.render(value, template: template, as: PageBytes.self, capacity: capacity) {
            return page.bytes
        }
        return Array((library.render(value.any, withTemplate: template) ?? "").utf8)
    }

    private func render<Output: TemplateOutput>(_ context: [String: Any], template: String, as: Output.Type,
                                                fallback: (String) -> Output) -> Output {
        if let compiled, let value = try? TemplateValue(context),
           let page = try? compiled.render(value, template: template, as: Output.self) {
            return page
        }
        return fallback(library.render(context, withTemplate: template) ?? "")
    }
}

/// The theme's UI strings in the site's language: every word a page shows
/// that is not the document's own comes from here, never from Swift.
struct UIStrings: Sendable {
    let values: [String: String]
    let digest: String

    /// The string, or the key itself so that a missing one shows on the page and is noticed.
    subscript(key: String) -> String { values[key] ?? key }
}
