import CongkhaiDomain

/// How each type of document is disclosed, for the catalogue of
/// information to be disclosed (Nghị định 13/2018/NĐ-CP, Art. 6), from
/// `disclosure:` in site.yml:
///
///     disclosure:
///       default: {form: "Đăng trên trang thông tin điện tử", duration: "Thường xuyên"}
///       TB: {form: "Đăng trên trang thông tin điện tử; niêm yết tại trụ sở", days: 30}
///       CV: {group: guidance}
///
/// Keys are type codes (or names), and `default` for every type; `group` moves a type to another group of Art. 17. What is not
/// set comes from the theme's words, and posted notices (TB) stay up at least
/// 30 days (Luật Tiếp cận thông tin, Art. 21).
public struct DisclosureRules: Sendable {
    public struct Rule: Sendable, Equatable {
        public var form: String?
        public var duration: String?
        /// The least number of days it stays posted, counted from the day it was posted.
        public var days: Int?
        /// The group of Art. 17 it is listed under, instead of the one its type gives.
        public var group: DisclosureGroup?

        func over(_ fallback: Rule) -> Rule {
            Rule(form: form ?? fallback.form, duration: duration ?? fallback.duration, days: days ?? fallback.days,
                 group: group ?? fallback.group)
        }
    }

    /// The key of the rule for every type.
    static let defaultKey = "default"
    /// Posted notices: at least 30 days (Art. 21).
    static let builtIn: [String: Rule] = ["TB": Rule(days: 30)]

    var rules: [String: Rule] = [:]

    public init() {}

    init(_ rules: [String: Rule]) { self.rules = rules }

    /// The rule for a type: the site's own for it, over the site's default, over the built-in one.
    func rule(for type: DocumentType?) -> Rule {
        var own: Rule?
        var builtIn: Rule?
        if let type {
            let keys = Set([type.code, type.slug, VietnameseText.slug(type.code)] + type.aliases.map { VietnameseText.slug($0) })
            // in key order, so that two keys naming one type ("KH", "ke-hoach") give the same rule on every build
            own = rules.keys.sorted().first { keys.contains($0) || keys.contains(VietnameseText.slug($0)) }.flatMap { rules[$0] }
            builtIn = Self.builtIn[type.code]
        }
        return (own ?? Rule()).over(rules[Self.defaultKey] ?? Rule()).over(builtIn ?? Rule())
    }

    /// site.yml's `disclosure:` entries as written.
    struct Entry: Decodable {
        var form, duration, group: String?
        var days: Int?
    }

    static func make(_ entries: [String: Entry]?, file: String, diagnostics: inout [Diagnostic]) -> DisclosureRules {
        var rules: [String: Rule] = [:]
        for (key, entry) in entries ?? [:] {
            func clean(_ s: String?) -> String? {
                s.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : String($0.prefix(300)) }
            }
            var days = entry.days
            if let d = days, !(1...3650).contains(d) {
                diagnostics.append(Diagnostic(.warning, file: file, .disclosureDays, ["type": String(key.prefix(30)), "days": String(d)]))
                days = nil
            }
            var group: DisclosureGroup?
            if let name = clean(entry.group) {
                group = DisclosureGroup(rawValue: name)
                if group == nil {
                    diagnostics.append(Diagnostic(.warning, file: file, .disclosureGroup,
                                                  ["type": String(key.prefix(30)), "group": String(name.prefix(30)),
                                                   "groups": DisclosureGroup.allCases.map(\.rawValue).joined(separator: ", ")]))
                }
            }
            rules[key] = Rule(form: clean(entry.form), duration: clean(entry.duration), days: days, group: group)
        }
        return DisclosureRules(rules)
    }
}

/// The groups of the catalogue: the kinds of information Luật Tiếp cận thông
/// tin, Art. 17(1), says must be disclosed, as far as a department's documents go.
public enum DisclosureGroup: String, Sendable, CaseIterable {
    case legal, procedures, guidance, plans, reports, other

    /// The group a type belongs to when site.yml says nothing (Nghị định 30/2020 codes).
    static func of(_ type: DocumentType?, isProcedure: Bool) -> DisclosureGroup {
        if isProcedure { return .procedures }
        switch type?.code {
        case "NQ", "QĐ", "CT", "QC", "QyĐ", "QĐi", "NĐ", "TT", "TTLT", "PL", "L", "QCPH": return .legal
        case "HD", "TB", "TC": return .guidance
        case "CTr", "KH", "PA", "ĐA", "DA": return .plans
        case "BC": return .reports
        default: return .other
        }
    }

    /// Its heading's key in the theme's strings.
    var stringKey: String { "disclosure_group_" + rawValue }
}
