/// Front-matter keys as a clerk writes them in Vietnamese (`số:`, `Trích yếu:`, `nguoi ky:`):
/// read as the English keys they stand for, with or without accents, in any case, with spaces,
/// `_` or `-` between the words.
public enum FrontMatterAliases {
    /// Folded Vietnamese name → the key congkhai reads.
    static let table: [String: String] = [
        "so": "number", "so ky hieu": "number", "so hieu": "number",
        "ngay": "date", "ngay ban hanh": "date",
        "trich yeu": "title", "tieu de": "title",
        "loai": "type", "loai van ban": "type",
        "nguoi ky": "signer",
        "noi nhan": "recipients",
        "linh vuc": "field",
        "co quan ban hanh": "issuer",
        "dia danh": "place",
        "dinh kem": "attachments", "tep dinh kem": "attachments",
    ]

    /// The key a written key stands for: itself when it is not a Vietnamese alias.
    public static func canonical(_ written: String) -> String {
        if let known = knownKeys[written] { return known }
        return table[fold(written)] ?? written
    }

    /// The English keys congkhai reads, each with what `canonical` makes of it, worked out once: folding is most of
    /// reading a key, and nearly every key a file writes is one of these. They are ASCII, so a written key equal to
    /// one of them (as Swift compares strings) is that key itself.
    static let knownKeys: [String: String] = {
        let keys = FrontMatterReader.commonKeys.union(Procedure.frontMatterKeys).union(RelationKind.allCases.map(\.rawValue))
            .union(["description"])
        return Dictionary(uniqueKeysWithValues: keys.map { ($0, table[fold($0)] ?? $0) })
    }()

    static func fold(_ key: String) -> String {
        let folded = VietnameseText.fold(key).lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }
        return String(folded).split(separator: " ").joined(separator: " ")
    }
}
