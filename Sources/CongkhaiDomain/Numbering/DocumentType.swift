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
    /// For each heading, its first byte when its first character is that one ASCII scalar, else nil.
    private let headingLeads: [UInt8?]

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
        self.headingLeads = headings.map { heading, _ in
            guard let first = heading.first, first.unicodeScalars.count == 1, first.isASCII else { return nil }
            return first.asciiValue
        }
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
        // Every header line is tried against every heading. A line starting with one ASCII scalar cannot start
        // with a heading whose first character is another single ASCII scalar: no other character is canonically
        // equivalent to a lone ASCII scalar, and a character starting with an ASCII scalar never equals another.
        let upperLead = upper.utf8.first.flatMap { $0 < 0x80 ? $0 : nil }
        for (index, (heading, type)) in headings.enumerated() {
            if let upperLead, let headingLead = headingLeads[index], upperLead != headingLead { continue }
            guard upper.hasPrefix(heading) else { continue }
            let rest = line.dropFirst(heading.count)
            guard rest.isEmpty || rest.first!.isWhitespace || rest.first! == "*" else { continue }
            return (type, rest.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}

import Foundation
