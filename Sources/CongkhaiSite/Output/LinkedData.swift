import CongkhaiDomain
import Foundation

/// The schema.org description (JSON-LD) a document or procedure page carries
/// in its head, made from the page's record: what search engines and other
/// machines read instead of the page's layout.
///
/// Terms used, all of schema.org (a test expands every block and checks each
/// term against the vocabulary): Legislation, Report, DigitalDocument,
/// GovernmentService, GovernmentOrganization, Organization, AdministrativeArea,
/// MediaObject, CreativeWork, BreadcrumbList, ListItem, InForce, NotInForce;
/// name, alternateName, url, identifier, inLanguage, dateCreated, datePublished,
/// author, publisher, parentOrganization, keywords, creativeWorkStatus,
/// legislationIdentifier, legislationDate, legislationType, legislationPassedBy,
/// legislationLegalForce, legislationChanges, legislationConsolidates, reportNumber,
/// isBasedOn, citation, encoding, contentUrl, encodingFormat, contentSize,
/// serviceType, provider, areaServed, itemListElement, position, item.
struct LinkedData {
    let site: SiteConfig

    /// The `<script type="application/ld+json">` body for a page: its record,
    /// then its breadcrumb trail (the same pairs the page shows, home first).
    /// `root`: the page's way back to the site root (`Routes.root(of:)`), when the caller has it already.
    func script(_ record: DocumentRecord, breadcrumbs: [(String, String?)], home: String, root: String? = nil) -> String {
        let root = root ?? Routes.root(of: record.url)
        var graph = [record.procedure == nil ? document(record, root: root) : service(record, root: root)]
        graph.append(breadcrumbList([(home, Routes.home)] + breadcrumbs, page: record.url, root: root))
        let value = JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array(graph))])
        return Self.embeddable(value.compactBytes())
    }

    /// JSON that cannot end the script element or open a comment in it: `<` is
    /// already `\u003c` in every string, and `>` and `&` are escaped the same
    /// way. Outside its strings JSON holds none of the three, so replacing
    /// them everywhere changes only string contents, and not their meaning.
    /// On bytes, before the JSON becomes a string: Foundation's `replacingOccurrences` took a twentieth of a build.
    static func embeddable(_ json: [UInt8]) -> String {
        // memchr passes over many bytes at a time, where a test of each byte for either took more than the rest of this
        let clean = json.withUnsafeBufferPointer { bytes in
            bytes.index(of: UInt8(ascii: ">"), from: 0) == bytes.count && bytes.index(of: UInt8(ascii: "&"), from: 0) == bytes.count
        }
        guard !clean else { return String(decoding: json, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case UInt8(ascii: ">"): out.append(contentsOf: "\\u003e".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: documents

    /// Which schema.org type a document is, by its type code: decisions,
    /// resolutions, directives and legal normative texts are `Legislation`,
    /// reports `Report`, everything else (plans, letters...) `DigitalDocument`.
    static func schemaType(_ m: DocumentMetadata) -> String {
        if m.number?.style == .legal { return "Legislation" }
        switch m.type?.code {
        case let code? where legislationCodes.contains(code): return "Legislation"
        case "BC"?: return "Report"
        default: return "DigitalDocument"
        }
    }

    /// Nghị quyết, Quyết định, Chỉ thị, Quy định, Quy chế, the legal normative
    /// texts (Luật, Pháp lệnh, Nghị định, Thông tư, Thông tư liên tịch) and
    /// consolidated texts (Văn bản hợp nhất).
    static let legislationCodes: Set<String> = ["NQ", "QĐ", "CT", "QyĐ", "QC", "L", "PL", "NĐ", "TT", "TTLT", "VBHN"]

    func document(_ record: DocumentRecord, root: String) -> JSONValue {
        let m = record.metadata
        let type = Self.schemaType(m)
        var fields: [(String, JSONValue)] = [("@type", .string(type))]
        if let url = address(record.url, root: root, absoluteOnly: true) { fields.append(("@id", .string(url))) }
        fields.append(("name", .string(m.title ?? record.label)))
        if !record.label.isEmpty, m.title != nil { fields.append(("alternateName", .string(record.label))) }
        fields.append(("url", .string(address(record.url, root: root)!)))
        fields.append(("inLanguage", .string(site.language)))
        let issuer = organization(m.issuer ?? site.name, parent: m.parentIssuer ?? (m.issuer == nil ? site.parent : nil),
                                  party: m.number?.style == .party)
        switch type {
        case "Legislation":
            if let n = record.numberWritten { fields.append(("legislationIdentifier", .string(n))) }
            if let d = m.date { fields.append(("legislationDate", .string(d.iso))) }
            if let t = m.type { fields.append(("legislationType", .string(t.name))) }
            fields.append(("legislationPassedBy", issuer))
            fields.append(("legislationLegalForce", .object([("@id", .string("https://schema.org/" + legalForce(record)))])))
        case "Report":
            if let n = record.numberWritten { fields.append(("reportNumber", .string(n))) }
            fields.append(("author", issuer))
        default:
            if let n = record.numberWritten { fields.append(("identifier", .string(n))) }
            fields.append(("author", issuer))
        }
        if let d = m.date { fields.append(("dateCreated", .string(d.iso))) }
        if let d = m.published { fields.append(("datePublished", .string(d.iso))) }
        fields.append(("publisher", organization(site.name, parent: site.parent, party: false)))
        if let f = m.field { fields.append(("keywords", .string(f))) }
        if let s = m.status { fields.append(("creativeWorkStatus", .string(s))) }
        fields += relations(record, isLegislation: type == "Legislation", root: root)
        let cited = record.cites.map { cite in
            reference(name: cite.target?.label ?? cite.citation.text, url: cite.target?.url, root: root)
        } + record.standards.map { reference(name: $0.written, url: nil, root: root) }
        if !cited.isEmpty { fields.append(("citation", .array(cited))) }
        if !record.attachments.isEmpty {
            fields.append(("encoding", .array(record.attachments.map { file in
                .object([("@type", .string("MediaObject")), ("name", .string(file.name)),
                         ("contentUrl", .string(address(file.sitePath, root: root, isPage: false)!)),
                         ("encodingFormat", .string(file.kind)), ("contentSize", .string("\(file.size) B"))])
            })))
        }
        return .object(fields)
    }

    /// Declared relations. Between legal texts, a change (replaces, amends,
    /// corrects, repeals) is `legislationChanges`, and a change made by another
    /// text is the same property seen from the other side (`@reverse`); a
    /// consolidated text (văn bản hợp nhất, type code VBHN, which a site adds in
    /// `document_types:`) `legislationConsolidates` every text it names. Otherwise,
    /// and for every "based on" or "implements", `isBasedOn`.
    func relations(_ record: DocumentRecord, isLegislation: Bool, root: String) -> [(String, JSONValue)] {
        var changes: [JSONValue] = [], consolidates: [JSONValue] = [], basis: [JSONValue] = [], changedBy: [JSONValue] = []
        let consolidated = record.metadata.type?.code == "VBHN"
        for r in record.relations {
            let ref = reference(name: r.target?.label ?? r.written, url: r.target?.url, root: root)
            let isChange = r.kind != .basedOn && r.kind != .implements
            if consolidated && !r.isInverse { consolidates.append(ref); continue }
            switch (r.isInverse, isLegislation && isChange) {
            case (false, true): changes.append(ref)
            case (false, false): basis.append(ref)
            case (true, true): changedBy.append(ref)
            case (true, false): break
            }
        }
        var out: [(String, JSONValue)] = []
        if !changes.isEmpty { out.append(("legislationChanges", .array(changes))) }
        if !consolidates.isEmpty { out.append(("legislationConsolidates", .array(consolidates))) }
        if !basis.isEmpty { out.append(("isBasedOn", .array(basis))) }
        if !changedBy.isEmpty { out.append(("@reverse", .object([("legislationChanges", .array(changedBy))]))) }
        return out
    }

    /// Not in force when replaced or repealed, or when its status says it has
    /// expired; in force otherwise (the site publishes what applies).
    func legalForce(_ record: DocumentRecord) -> String {
        if record.relations.contains(where: { $0.isInverse && ($0.kind == .replaces || $0.kind == .repeals) }) { return "NotInForce" }
        let status = VietnameseText.fold(record.metadata.status ?? "")
        if ["het hieu luc", "bai bo", "thay the", "ngung hieu luc"].contains(where: { status.contains($0) }) { return "NotInForce" }
        if status.contains("mot phan") { return "PartiallyInForce" }
        return "InForce"
    }

    // MARK: procedures

    func service(_ record: DocumentRecord, root: String) -> JSONValue {
        let p = record.procedure!
        var fields: [(String, JSONValue)] = [("@type", .string("GovernmentService"))]
        if let url = address(record.url, root: root, absoluteOnly: true) { fields.append(("@id", .string(url))) }
        fields.append(("name", .string(p.name ?? record.label)))
        if let code = p.code { fields.append(("identifier", .string(code))) }
        fields.append(("url", .string(address(record.url, root: root)!)))
        if let f = p.field { fields.append(("serviceType", .string(f))) }
        fields.append(("provider", organization(p.agency ?? site.name, parent: p.agency == nil ? site.parent : nil, party: false)))
        if let area = site.place ?? site.parent {
            fields.append(("areaServed", .object([("@type", .string("AdministrativeArea")), ("name", .string(area))])))
        }
        if let basis = legalBasis(record, root: root), !basis.isEmpty { fields.append(("isBasedOn", .array(basis))) }
        return .object(fields)
    }

    func legalBasis(_ record: DocumentRecord, root: String) -> [JSONValue]? {
        guard let p = record.procedure else { return nil }
        return p.legalBasis.enumerated().compactMap { i, basis in
            let target = i < record.procedureLinks.legalBasis.count ? record.procedureLinks.legalBasis[i] : nil
            guard let name = target?.label ?? basis.number ?? basis.summary else { return nil }
            return reference(name: name, url: target?.url, root: root)
        }
    }

    // MARK: parts

    func organization(_ name: String, parent: String?, party: Bool) -> JSONValue {
        // A Party committee is not a state body: an Organization, not a GovernmentOrganization.
        let type = party ? "Organization" : "GovernmentOrganization"
        var fields: [(String, JSONValue)] = [("@type", .string(type)), ("name", .string(name))]
        if let parent {
            fields.append(("parentOrganization", .object([("@type", .string(type)), ("name", .string(parent))])))
        }
        return .object(fields)
    }

    /// Another text: a document of the site (linked), or one named only.
    func reference(name: String, url: String?, root: String) -> JSONValue {
        var fields: [(String, JSONValue)] = [("@type", .string("CreativeWork")), ("name", .string(name))]
        if let url, let href = address(url, root: root) { fields.append(("url", .string(href))) }
        return .object(fields)
    }

    func breadcrumbList(_ trail: [(String, String?)], page: String, root: String) -> JSONValue {
        .object([("@type", .string("BreadcrumbList")), ("itemListElement", .array(trail.enumerated().map { i, crumb in
            .object([("@type", .string("ListItem")), ("position", .int(i + 1)), ("name", .string(crumb.0)),
                     ("item", .string(address(crumb.1 ?? page, root: root)!))])
        }))])
    }

    /// A site path as the data gives it: absolute under `base_url`, else relative to the page
    /// (as its links are, so that a copy opened from disk still resolves them).
    func address(_ path: String, root: String, isPage: Bool = true, absoluteOnly: Bool = false) -> String? {
        if let absolute = Routes(baseURL: site.baseURL).absolute(path) { return absolute }
        if absoluteOnly { return nil }
        return isPage ? Routes.href(root, path) : root + path
    }
}

extension PageFrame {
    /// A document's or procedure's page names its JSON twin in its head and carries its JSON-LD.
    func addOpenData(of record: DocumentRecord, breadcrumbs: [(String, String?)], to context: inout [String: Any]) {
        context["jsonTwin"] = Routes.twinName
        context["linkedData"] = LinkedData(site: site).script(record, breadcrumbs: breadcrumbs, home: theme.string("home"))
    }
}
