import CongkhaiDomain
import Foundation

/// The "Danh mục thông tin phải được công khai" (Nghị định 13/2018/NĐ-CP,
/// Art. 6): for every document and procedure its name, number and symbol,
/// date created, form of disclosure, time and duration of disclosure and its
/// link, grouped by Luật Tiếp cận thông tin, Art. 17(1). The page and the CSV
/// are both made from these items.
struct DisclosureCatalogue {
    struct Item {
        let record: DocumentRecord
        let name: String
        let number: String
        let created: DocumentDate?
        let form: String
        let posted: DocumentDate?
        let duration: String
    }

    /// Groups in the order of the law, each with its items, newest posted first; empty groups left out.
    let groups: [(group: DisclosureGroup, items: [Item])]

    init(records: [DocumentRecord], rules: DisclosureRules, strings: UIStrings) {
        var byGroup: [DisclosureGroup: [Item]] = [:]
        // one rule per type, worked out once: it compares slugs
        var ruleOfType: [String: DisclosureRules.Rule] = [:]
        for record in DocumentRecord.sortedNewestPostedFirst(records) {
            let type = record.metadata.type
            let key = type?.code ?? ""
            let rule = ruleOfType[key] ?? rules.rule(for: type)
            ruleOfType[key] = rule
            let group = rule.group ?? DisclosureGroup.of(type, isProcedure: record.procedure != nil)
            let name = record.procedure?.name ?? record.metadata.title ?? strings["untitled"]
            let number = record.procedure?.code ?? Formatting.number(record.metadata.number) ?? ""
            byGroup[group, default: []].append(Item(record: record, name: name, number: number, created: record.metadata.date,
                                                    form: rule.form ?? strings["disclosure_form_default"], posted: record.postedDate,
                                                    duration: Self.duration(rule, posted: record.postedDate, strings: strings)))
        }
        groups = DisclosureGroup.allCases.compactMap { g in byGroup[g].map { (g, $0) } }
    }

    /// "Ít nhất 30 ngày (đến 01/01/2025)" for a notice; the rule's text or the theme's default otherwise.
    static func duration(_ rule: DisclosureRules.Rule, posted: DocumentDate?, strings: UIStrings) -> String {
        guard let days = rule.days else { return rule.duration ?? strings["disclosure_duration_default"] }
        var text = strings["disclosure_duration_notice"].replacingOccurrences(of: "{days}", with: String(days))
        if let end = posted.flatMap({ adding(days, to: $0) }) { text += " (\(strings["disclosure_duration_until"]) \(end.short))" }
        if let extra = rule.duration { text += "; " + extra }
        return text
    }

    /// The day `days` after a date known to the day; nil for a date known only to the month or year.
    static func adding(_ days: Int, to date: DocumentDate) -> DocumentDate? {
        guard let month = date.month, let day = date.day else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: date.year, month: month, day: day)),
              let end = calendar.date(byAdding: .day, value: days, to: start) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: end)
        return c.year.flatMap { DocumentDate(year: $0, month: c.month, day: c.day) }
    }

    /// The same catalogue as a CSV table; links are absolute when the site has a base_url.
    func csv(strings: UIStrings, routes: Routes) -> String {
        var table = CSVWriter(header: ["disclosure_col_group", "disclosure_col_name", "disclosure_col_type", "disclosure_col_number",
                                      "disclosure_col_created", "disclosure_col_form", "disclosure_col_time", "disclosure_col_duration",
                                      "col_status", "disclosure_col_link"].map { strings[$0] })
        for (group, items) in groups {
            for item in items {
                table.append([strings[group.stringKey], item.name, item.record.metadata.type?.name ?? "", item.number,
                              item.created?.short ?? "", item.form, item.posted?.short ?? "", item.duration,
                              item.record.metadata.status ?? "", routes.absolute(item.record.url) ?? item.record.url])
            }
        }
        return table.text
    }
}
