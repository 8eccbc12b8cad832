import CongkhaiDomain
import Foundation

/// `thu-tuc/`: the procedures by field (in Vietnamese order), abolished ones
/// apart, and one page per field (`thu-tuc/linh-vuc/<slug>/`).
struct ProcedureLists {
    let frame: PageFrame
    let procedures: [DocumentRecord]

    init(frame: PageFrame, records: [DocumentRecord]) {
        self.frame = frame
        procedures = records.filter { $0.procedure != nil }
    }

    /// Active procedures by field, fields in Vietnamese order (those without a
    /// field last). Spellings of one field that differ only in case or accents
    /// ("Báo chí", "Báo Chí") share one page, named by the first spelling in that order.
    static func byField(_ procedures: [DocumentRecord]) -> (fields: [String?], byField: [String?: [DocumentRecord]]) {
        let active = procedures.filter { $0.procedure?.isAbolished == false }
        let bySlug = Dictionary(grouping: active, by: { Routes.fieldSegment($0.procedure?.field) })
        var byField: [String?: [DocumentRecord]] = [:]
        for (_, members) in bySlug {
            let spellings = Set(members.compactMap { $0.procedure?.field }).sorted { VietnameseText.collationLess($0, $1) || $0 < $1 }
            byField[spellings.first] = members
        }
        let fields = byField.keys.sorted { a, b in
            guard let a else { return false }
            guard let b else { return true }
            return VietnameseText.collationLess(a, b)
        }
        return (fields, byField)
    }

    func all() -> [() -> RenderedPage] {
        guard !procedures.isEmpty else { return [] }
        let (fields, byField) = Self.byField(procedures)
        let abolished = procedures.filter { $0.procedure?.isAbolished == true }
        var pages: [() -> RenderedPage] = [{ list(path: Routes.procedures, fields: fields, byField: byField, abolished: abolished) }]
        for field in fields {
            pages.append { list(path: Routes.procedureField(field), fields: [field], byField: byField, abolished: [], fieldPage: field) }
        }
        return pages
    }

    func list(path: String, fields: [String?], byField: [String?: [DocumentRecord]], abolished: [DocumentRecord],
              fieldPage: String?? = nil) -> RenderedPage {
        let t = frame.theme
        let root = Routes.root(of: path)
        let title = fieldPage.map { "\(t.string("procedures_of_field")) \($0 ?? t.string("unknown_field"))" } ?? t.string("procedure_list")
        var crumbs: [(String, String?)] = [(t.string("procedures"), fieldPage == nil ? nil : Routes.procedures)]
        if fieldPage != nil { crumbs.append((title, nil)) }
        var context = frame.context(pagePath: path, title: title, breadcrumbs: crumbs)
        context["heading"] = title
        func rows(_ records: [DocumentRecord]) -> [[String: Any]] {
            records.sorted { ($0.procedure?.code ?? "") < ($1.procedure?.code ?? "") }.map { record in
                let p = record.procedure!
                return ["href": Routes.href(root, record.url), "code": p.code ?? "", "name": p.name ?? t.string("untitled"),
                        "timeLimit": Self.short(p.sections[.timeLimit]) ?? p.channels.first?.timeLimit ?? "",
                        "level": p.level ?? "", "fee": Self.short(p.sections[.fees]) ?? p.channels.first?.fee ?? "",
                        "online": CitizenFormatting.sentenceCase(p.onlineLevel) ?? ""]
            }
        }
        var groups: [[String: Any]] = fields.map { field in
            ["groupHeading": field ?? t.string("unknown_field"), "groupId": "linh-vuc-" + Routes.fieldSegment(field),
             "fieldHref": Routes.href(root, Routes.procedureField(field)), "count": byField[field]?.count ?? 0,
             "rows": rows(byField[field] ?? [])]
        }
        if !abolished.isEmpty {
            groups.append(["groupHeading": t.string("procedures_abolished"), "groupId": "da-bai-bo", "fieldHref": false,
                           "count": abolished.count, "rows": rows(abolished)])
        }
        context["groups"] = groups
        context["isOverview"] = fieldPage == nil
        context["total"] = fields.reduce(0) { $0 + (byField[$1]?.count ?? 0) }
        return RenderedPage(path: Routes.file(of: path), content: t.render(context, template: "procedures"))
    }

    /// The first line of a section, short enough for a list.
    static func short(_ text: Procedure.SectionText?) -> String? {
        guard let text else { return nil }
        let raw: String
        switch text { case .text(let s), .markdown(let s): raw = s }
        let line = raw.split(separator: "\n").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-*+ ")) } ?? ""
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}
