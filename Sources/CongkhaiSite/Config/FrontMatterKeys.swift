import CongkhaiDomain

/// Every front-matter key congkhai reads, so that one it does not know (a
/// typo such as `attachements:`) is named with the closest known key instead
/// of disappearing silently.
enum FrontMatterKeys {
    static let relations = RelationKind.allCases.map(\.rawValue)
    /// The parts of an administrative procedure (README, "Administrative procedures").
    static let procedure = Procedure.frontMatterKeys
    /// Written by `congkhai import`.
    static let imported = ["ocr"]

    static let document = KnownKeys(FrontMatter.commonKeys.sorted() + relations + procedure + imported)

    /// Keys inside the items of a procedure's lists, by list.
    static let procedureItems: [String: KnownKeys] = [
        "channels": KnownKeys(["channel", "time_limit", "fee", "description"]),
        "dossier": KnownKeys(["document", "template", "quantity"]),
        "legal_basis": KnownKeys(["number", "summary", "date", "issuer"]),
        "history": KnownKeys(["number", "date", "status", "note"]),
        "announced_by": KnownKeys(["number", "date"]),
    ]

    /// A warning for every key of `extra` (the front matter beyond the common keys) that nothing reads.
    static func unknown(in extra: [String: YAMLValue], file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) {
            if !document.contains(key) {
                found.append(document.unknownKey(key, file: file, line: value.line))
                continue
            }
            guard let itemKeys = procedureItems[key] else { continue }
            let items: [YAMLValue]
            switch value {
            case .list(let list, _): items = list
            case .map: items = [value]
            default: items = []
            }
            for case .map(let pairs, _) in items {
                for (itemKey, itemValue) in pairs where !itemKeys.contains(itemKey) {
                    found.append(itemKeys.unknownKey(itemKey, file: file, line: itemValue.line))
                }
            }
        }
        return found
    }
}
