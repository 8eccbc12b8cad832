import CongkhaiDomain
import Foundation
import Yams

/// The department's own settings, from `site.yml` in the content folder.
/// site.yml is content too, so every value is checked before it reaches a page.
public struct SiteConfig: Sendable {
    /// The department: "Sở Thông tin và Truyền thông"; empty until site.yml names it.
    public var name = ""
    /// The body above it: "Ủy ban nhân dân tỉnh Sông Lam".
    public var parent: String?
    public var place: String?
    /// Absolute address of the published site (http or https), ending in "/".
    public var baseURL: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    /// The sentence on the legal basis of the disclosure page, shown in the footer.
    public var legalBasis: String?
    public var language = "vi"
    public var pageSize = 50
    public var extraTypes: [DocumentType] = []
    /// Form and duration of disclosure per type, for the disclosure catalogue.
    public var disclosure = DisclosureRules()
    /// Address of a procedure's record on the national portal; `{code}` stands for its code.
    public var procedurePortalURL: String? = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"

    /// A search on the national legal database for a cited legal document; `{number}` stands for its
    /// number and symbol. Off unless site.yml gives one.
    public var legalDatabaseSearchURL: String?
    /// The order of plain pages in the navigation, by their file name without `.md` (`gioi-thieu`).
    public var pageOrder: [String] = []

    public init() {}

    public static let fileNames = ["site.yml", "site.yaml"]

    /// Reads the configuration; a missing file gives defaults and one warning.
    /// Also returns the SHA-256 of the file, for the site marker.
    static func load(contentDirectory: URL) -> (SiteConfig, [Diagnostic], digest: String?) {
        let fm = FileManager.default
        guard let name = fileNames.first(where: { fm.fileExists(atPath: contentDirectory.appendingPathComponent($0).path) }) else {
            return (SiteConfig(), [Diagnostic(.warning, file: "site.yml", .siteConfigMissing)], nil)
        }
        let url = contentDirectory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            return (SiteConfig(), [Diagnostic(.warning, file: name, .siteConfigNotUTF8)], nil)
        }
        let (config, diagnostics) = parse(VietnameseText.normalize(text), file: name)
        return (config, diagnostics, ContentDigest.of(data))
    }

    static func parse(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            let (line, problem) = FrontMatter.describe(error)
            return (SiteConfig(), [Diagnostic(.warning, file: file, line: line, .siteConfigInvalid, ["problem": problem])])
        } catch {
            return (SiteConfig(), [Diagnostic(.warning, file: file, .siteConfigUnreadable, ["problem": "\(error)"])])
        }
        guard let node, case .mapping(let mapping) = node else { return (SiteConfig(), diagnostics) }
        let settings = SiteSettings.decode(mapping, file: file, diagnostics: &diagnostics)
        return (SiteConfig(settings, file: file, lines: mapping, diagnostics: &diagnostics), diagnostics)
    }

    /// Checks each setting and keeps only what is safe to publish.
    init(_ s: SiteSettings, file: String, lines: Node.Mapping, diagnostics: inout [Diagnostic]) {
        func line(_ key: String) -> Int? { lines.first { $0.key.string == key }.flatMap { $0.key.mark?.line } }
        func warn(_ key: String, _ messageKey: MessageKey, _ arguments: [String: String] = [:]) {
            diagnostics.append(Diagnostic(.warning, file: file, line: line(key), messageKey, arguments))
        }
        func clean(_ value: String?) -> String? {
            value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let v = clean(s.name) { name = v } else {
            warn("name", .siteNoName)
        }
        parent = clean(s.parent)
        place = clean(s.place)
        legalBasis = clean(s.legal_basis)
        address = clean(s.contact?.address ?? s.address)
        phone = clean(s.contact?.phone ?? s.phone)
        email = clean(s.contact?.email ?? s.email)
        if let v = clean(s.base_url) {
            if Self.isWebAddress(v) { baseURL = v.hasSuffix("/") ? v : v + "/" } else {
                warn("base_url", .siteBaseURL, ["value": String(v.prefix(60))])
            }
        }
        if s.procedure_portal_url != nil {
            let v = clean(s.procedure_portal_url ?? nil)
            if let v, v != "null", !Self.isWebAddress(v) {
                warn("procedure_portal_url", .sitePortalURL, ["value": String(v.prefix(60))])
                procedurePortalURL = nil
            } else {
                procedurePortalURL = v == "null" ? nil : v
            }
        }
        if let v = clean(s.legal_database_search_url) {
            if Self.isWebAddress(v) { legalDatabaseSearchURL = v } else {
                warn("legal_database_search_url", .siteLegalDatabaseURL, ["value": String(v.prefix(60))])
            }
        }
        pageOrder = (s.pages ?? []).compactMap { clean($0) }
        if let v = clean(s.language) {
            // The language names a strings file of the theme: never a path.
            if v.count <= 8, v.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) { language = v } else {
                warn("language", .siteLanguage, ["value": String(v.prefix(20))])
            }
        }
        if let size = clean(s.page_size) {
            if let n = Int(size), (5...1000).contains(n) { pageSize = n } else {
                warn("page_size", .sitePageSize)
            }
        }
        disclosure = DisclosureRules.make(s.disclosure, file: file, diagnostics: &diagnostics)
        for entry in s.document_types ?? [] {
            guard let code = clean(entry.code), let typeName = clean(entry.name),
                  !VietnameseText.slug(code).isEmpty, !VietnameseText.slug(typeName).isEmpty else {
                warn("document_types", .siteDocumentType)
                continue
            }
            extraTypes.append(DocumentType(code: code, name: typeName, aliases: entry.aliases ?? []))
        }
    }

    static func isWebAddress(_ value: String) -> Bool {
        let lower = value.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), let url = URL(string: value), url.host?.isEmpty == false else {
            return false
        }
        return !value.contains { $0 == "\"" || $0 == "<" || $0 == ">" || $0.isWhitespace }
    }
}

/// site.yml as written, decoded with Yams. Every value is optional and read
/// as text; SiteConfig checks them.
struct SiteSettings: Decodable {
    var name, parent, place, base_url, legal_basis, language, page_size: String?
    var address, phone, email: String?
    var contact: Contact?
    /// Absent: the default portal; null or empty: no portal link.
    var procedure_portal_url: String??
    var document_types: [TypeEntry]?
    var legal_database_search_url: String?
    var pages: [String]?
    var disclosure: [String: DisclosureRules.Entry]?

    struct Contact: Decodable { var address, phone, email: String? }
    struct TypeEntry: Decodable { var code, name: String?; var aliases: [String]? }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, parent, place, base_url, legal_basis, language, page_size, address, phone, email, contact
        case procedure_portal_url, document_types, disclosure
        case legal_database_search_url, pages
    }

    static let known = KnownKeys(CodingKeys.allCases.map(\.rawValue))

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for key in [CodingKeys.name, .parent, .place, .base_url, .legal_basis, .language, .page_size, .address, .phone, .email] {
            let value = try c.decodeIfPresent(String.self, forKey: key)
            switch key {
            case .name: name = value
            case .parent: parent = value
            case .place: place = value
            case .base_url: base_url = value
            case .legal_basis: legal_basis = value
            case .language: language = value
            case .page_size: page_size = value
            case .address: address = value
            case .phone: phone = value
            default: email = value
            }
        }
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact)
        if c.contains(.procedure_portal_url) {
            let isNull = try c.decodeNil(forKey: .procedure_portal_url)
            procedure_portal_url = .some(isNull ? nil : try c.decode(String.self, forKey: .procedure_portal_url))
        }
        document_types = try c.decodeIfPresent([TypeEntry].self, forKey: .document_types)
        legal_database_search_url = try c.decodeIfPresent(String.self, forKey: .legal_database_search_url)
        pages = try c.decodeIfPresent([String].self, forKey: .pages)
        disclosure = try c.decodeIfPresent([String: DisclosureRules.Entry].self, forKey: .disclosure)
    }

    /// Decodes what it can: a key of the wrong shape is reported and dropped, an unknown key reported.
    static func decode(_ mapping: Node.Mapping, file: String, diagnostics: inout [Diagnostic]) -> SiteSettings {
        var pairs = Array(mapping)
        for (key, _) in pairs {
            guard let name = key.string, !known.contains(name) else { continue }
            diagnostics.append(known.unknownKey(name, file: file, line: key.mark?.line))
        }
        pairs.removeAll { !known.contains($0.key.string ?? "") }
        while true {
            do {
                return try YAMLDecoder().decode(SiteSettings.self, from: Node.mapping(Node.Mapping(pairs)))
            } catch let error as DecodingError {
                guard let key = Self.codingPath(of: error).first?.stringValue,
                      let index = pairs.firstIndex(where: { $0.key.string == key }) else {
                    return (try? YAMLDecoder().decode(SiteSettings.self, from: Node.mapping(Node.Mapping([])))) ?? SiteSettings()
                }
                diagnostics.append(Diagnostic(.warning, file: file, line: pairs[index].key.mark?.line, .siteSettingForm, ["key": key]))
                pairs.remove(at: index)
            } catch {
                return SiteSettings()
            }
        }
    }

    init() {}

    static func codingPath(of error: DecodingError) -> [CodingKey] {
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): return c.codingPath
        @unknown default: return []
        }
    }
}
