import CongkhaiDomain
import Foundation

/// A procedure's page with its 12 standard sections, tables, form downloads,
/// announcing decision, history and the link to the national portal.
struct ProcedurePage {
    let frame: PageFrame

    func render(_ record: DocumentRecord) -> String { frame.theme.render(context(of: record), template: "procedure") }

    /// The page as the bytes of its file.
    func renderBytes(_ record: DocumentRecord) -> [UInt8] { frame.theme.renderBytes(context(of: record), template: "procedure") }

    /// What the template is given.
    func context(of record: DocumentRecord) -> [String: Any] {
        let p = record.procedure!
        let t = frame.theme
        let root = Routes.root(of: record.url)
        let name = p.name ?? t.string("untitled")
        let breadcrumbs: [(String, String?)] = [(t.string("procedures"), Routes.procedures), (p.code ?? name, nil)]
        var context = frame.context(pagePath: record.url, title: name, breadcrumbs: breadcrumbs)
        frame.addOpenData(of: record, breadcrumbs: breadcrumbs, to: &context)
        frame.setLastUpdated(of: record, in: &context)
        var d: [String: Any] = ["name": name, "isAbolished": p.isAbolished]
        let downloads = record.text.downloads
        var sections: [[String: Any]] = []
        for section in Procedure.Section.allCases {
            var s: [String: Any] = ["n": section.rawValue, "id": "muc-\(section.rawValue)",
                                    "title": t.string("procedure_section_\(section.key)"),
                                    "html": false, "channelRows": false, "dossierRows": false, "legalRows": false, "downloadList": false]
            switch p.sections[section] {
            case .markdown?: s["html"] = record.text.procedureSections[section] ?? false
            case .text(let text)?: s["html"] = HTMLText.paragraphs(text)
            case nil: break
            }
            switch section {
            case .method where !p.channels.isEmpty:
                s["channelRows"] = ["rows": p.channels.map {
                    ["channel": $0.channel, "timeLimit": $0.timeLimit ?? "", "fee": $0.fee ?? "", "description": $0.description ?? ""]
                }]
            case .dossier where !p.dossier.isEmpty:
                s["dossierRows"] = ["rows": p.dossier.map { item -> [String: Any] in
                    let download = downloads.first { $0.source == item.template }
                    return ["document": item.document, "quantity": item.quantity ?? "",
                            "template": download.map { ["href": root + $0.file.sitePath, "label": $0.label] } ?? false]
                }]
            case .legalBasis where !p.legalBasis.isEmpty:
                s["legalRows"] = ["rows": p.legalBasis.enumerated().map { i, basis -> [String: Any] in
                    ["number": basis.number ?? "", "summary": basis.summary ?? "", "date": basis.date ?? "", "issuer": basis.issuer ?? "",
                     "href": record.procedureLinks.legalBasis[i].map { Routes.href(root, $0.url) } ?? false]
                }]
            case .forms where !downloads.isEmpty:
                s["downloadList"] = ["rows": downloads.map { ["href": root + $0.file.sitePath, "label": $0.label] }]
            case .agency:
                let parts = [("agency_main", p.agency), ("agency_competent", p.competentAgency),
                             ("agency_coordinating", p.coordinatingAgency),
                             ("submission_address", p.submissionAddress)].compactMap { key, value in
                    // an empty value gets no label of its own
                    value.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }.map {
                        "<p><strong>\(HTMLText.escape(t.string(key))):</strong> \(HTMLText.escape($0))</p>"
                    }
                }
                if !parts.isEmpty { s["html"] = parts.joined(separator: "\n") }
            default: break
            }
            s["empty"] = ["html", "channelRows", "dossierRows", "legalRows", "downloadList"].allSatisfy { s[$0] as? Bool == false }
            sections.append(s)
        }
        d["sections"] = sections
        d["others"] = zip(p.otherSections, record.text.otherSections).enumerated().map { i, pair in
            ["id": "khac-\(i + 1)", "title": pair.0.title, "html": pair.1]
        }
        d["meta"] = metadataRows(record, root: root)
        if let portal = frame.site.procedurePortalURL, let code = p.code,
           let encoded = code.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) {
            d["portalHref"] = portal.replacingOccurrences(of: "{code}", with: encoded)
        }
        let history = p.history.map { h -> [String: Any] in
            let parts = [h.status, h.number.map { "\(t.string("announced_by_short")) \($0)" }, h.date?.short, h.note]
            return ["text": parts.compactMap { $0 }.joined(separator: " — ")]
        }
        if !history.isEmpty { d["history"] = history; d["hasHistory"] = true }
        context["proc"] = d
        context["description"] = [name, p.code.map { t.string("procedure_code") + " " + $0 }, p.field].compactMap { $0 }
            .joined(separator: " | ")
        return context
    }

    func metadataRows(_ record: DocumentRecord, root: String) -> [[String: Any]] {
        let p = record.procedure!
        let t = frame.theme
        var rows: [[String: Any]] = []
        func add(_ key: String, _ text: String?, href: String? = nil) {
            guard let text, !text.trimmingSpaces.isEmpty else { return }
            rows.append(["label": t.string(key), "text": text, "href": href ?? false])
        }
        add("procedure_code", p.code)
        add("meta_field", p.field)
        add("procedure_level", p.level)
        add("procedure_online", CitizenFormatting.sentenceCase(p.onlineLevel))
        add("fee", ProcedureLists.short(p.sections[.fees]) ?? p.channels.first?.fee)
        add("time_limit", ProcedureLists.short(p.sections[.timeLimit]) ?? p.channels.first?.timeLimit)
        add("meta_status", CitizenFormatting.sentenceCase(p.statusText))
        if let a = p.announcedBy, let number = a.number {
            let text = [t.string("decision") + " " + number, a.date.map { t.string("dated") + " " + $0.short }].compactMap { $0 }
            add("procedure_announced_by", text.joined(separator: " "),
                href: record.procedureLinks.announcedBy.map { Routes.href(root, $0.url) })
        }
        return rows
    }
}

extension Procedure.Section {
    /// The key of its title among the theme's strings: `procedure_section_<key>`.
    var key: String {
        switch self {
        case .steps: return "steps"
        case .hours: return "hours"
        case .method: return "method"
        case .dossier: return "dossier"
        case .timeLimit: return "time_limit"
        case .applicants: return "applicants"
        case .agency: return "agency"
        case .result: return "result"
        case .fees: return "fees"
        case .forms: return "forms"
        case .conditions: return "conditions"
        case .legalBasis: return "legal_basis"
        }
    }
}
