import CongkhaiDomain
import Foundation
import Yams

/// The department's own settings, from `site.yml` in the content folder.
public struct SiteConfig: Sendable {
    /// The department: "Sở Thông tin và Truyền thông".
    public var name = "Cơ quan chưa đặt tên"
    /// The body above it: "Ủy ban nhân dân tỉnh Sông Lam".
    public var parent: String?
    public var place: String?
    /// Absolute address of the published site, for canonical links; pages never need it.
    public var baseURL: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    /// The sentence on the legal basis of the disclosure page, shown in the footer.
    public var legalBasis: String?
    public var language = "vi"
    public var pageSize = 50
    public var extraTypes: [DocumentType] = []
    /// Address of a procedure's record on the national portal; `{code}` stands for its code.
    public var procedurePortalURL: String? = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"

    public init() {}

    public static let fileNames = ["site.yml", "site.yaml"]

    /// Reads the configuration; a missing file gives defaults and one warning.
    static func load(contentDirectory: URL) -> (SiteConfig, [Diagnostic]) {
        guard let name = fileNames.first(where: { FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent($0).path) }) else {
            return (SiteConfig(), [Diagnostic(.warning, file: "site.yml", "there is no site configuration, so the site has no department name",
                                              hint: "create site.yml in the content folder with at least 'name:', 'parent:' and 'place:' (see the README)")])
        }
        let url = contentDirectory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            return (SiteConfig(), [Diagnostic(.warning, file: name, "the site configuration is not UTF-8 text; defaults are used",
                                              hint: "save the file as UTF-8")])
        }
        return parse(VietnameseText.normalize(text), file: name)
    }

    static func parse(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            let (line, problem) = FrontMatter.describe(error)
            return (config, [Diagnostic(.warning, file: file, line: line, "the site configuration is not valid YAML (\(problem)); defaults are used",
                                        hint: "write each setting as 'key: value'; quote values containing ':' or '#'")])
        } catch {
            return (config, [Diagnostic(.warning, file: file, "the site configuration could not be read: \(error)")])
        }
        guard let node, case .mapping = node else { return (config, diagnostics) }
        func string(_ key: String) -> String? { node[key]?.string.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 } }
        if let v = string("name") { config.name = v } else {
            diagnostics.append(Diagnostic(.warning, file: file, "the site configuration has no 'name:'", hint: "add 'name: Sở ...' with the department's name"))
        }
        config.parent = string("parent")
        config.place = string("place")
        config.baseURL = string("base_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        config.legalBasis = string("legal_basis")
        let contact = node["contact"]
        config.address = contact?["address"]?.string ?? string("address")
        config.phone = contact?["phone"]?.string ?? string("phone")
        config.email = contact?["email"]?.string ?? string("email")
        if let lang = string("language") { config.language = lang }
        if let portal = node["procedure_portal_url"] {
            config.procedurePortalURL = portal.string.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        }
        if let size = string("page_size") {
            if let n = Int(size), (5...1000).contains(n) { config.pageSize = n } else {
                diagnostics.append(Diagnostic(.warning, file: file, line: node["page_size"]?.mark?.line, "page_size must be a number from 5 to 1000", hint: "for example 'page_size: 50'"))
            }
        }
        if let types = node["document_types"]?.sequence {
            config.extraTypes = DocumentTypeTable.entries(Array(types))
        }
        return (config, diagnostics)
    }
}
