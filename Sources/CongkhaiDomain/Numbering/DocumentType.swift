/// A kind of document (loại văn bản): its code in the number ("KH"), its name
/// ("Kế hoạch") and the printed heading ("KẾ HOẠCH").
public struct DocumentType: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    /// Other spellings staff may write in front matter ("thu-tuc", "Quyết định").
    public let aliases: [String]

    public init(code: String, name: String, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.aliases = aliases
    }

    public var heading: String { name.uppercased() }
    public var slug: String { VietnameseText.slug(name) }
}

/// The table of document types. It is data (Phụ lục III of Nghị định 30/2020
/// and older tables differ), so the site build loads it from a file and a site
/// may add its own.
public struct DocumentTypeTable: Sendable {
    public let types: [DocumentType]
    private let byKey: [String: DocumentType]
    /// Headings sorted longest first, so "THÔNG BÁO KẾT LUẬN" is never cut at "THÔNG BÁO".
    public let headings: [(heading: String, type: DocumentType)]

    public init(_ types: [DocumentType]) {
        self.types = types
        var byKey: [String: DocumentType] = [:]
        for type in types {
            for key in [type.code, type.name, type.slug] + type.aliases {
                let k = Self.key(key)
                if byKey[k] == nil { byKey[k] = type }
            }
        }
        self.byKey = byKey
        self.headings = types.map { ($0.heading, $0) }.sorted { $0.heading.count > $1.heading.count }
    }

    static func key(_ s: String) -> String { VietnameseText.fold(s).filter { !$0.isWhitespace && $0 != "-" } }

    /// Finds a type by code ("KH"), name ("Kế hoạch"), slug ("ke-hoach") or alias.
    /// Codes compare exactly first because folding makes "QĐ" and "QD" alike.
    public func lookup(_ text: String) -> DocumentType? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = types.first(where: { $0.code == trimmed }) { return exact }
        if let caseless = types.first(where: { $0.code.uppercased() == trimmed.uppercased() }) { return caseless }
        return byKey[Self.key(trimmed)]
    }

    /// A type code as it appears inside a number's symbol: exact spelling only,
    /// since "TT" (thông tư) and "Tt" are different codes in different tables.
    public func typeForSymbolCode(_ code: String) -> DocumentType? {
        types.first(where: { $0.code == code }) ?? types.first(where: { $0.code.uppercased() == code.uppercased() && code.count > 1 })
    }

    /// The type whose printed heading starts this line, with the rest of the line.
    public func matchHeading(_ line: String) -> (DocumentType, rest: String)? {
        let upper = line.uppercased()
        for (heading, type) in headings where upper.hasPrefix(heading) {
            let rest = line.dropFirst(heading.count)
            guard rest.isEmpty || rest.first!.isWhitespace || rest.first! == "*" else { continue }
            return (type, rest.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}

import Foundation
