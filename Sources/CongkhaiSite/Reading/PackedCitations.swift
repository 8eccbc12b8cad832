import CongkhaiDomain

/// A document's citations as the build cache stores them: one string of packed
/// fields (see `PackedFields`), or, when a value holds one of its marks, the
/// list as JSON arrays. Both are read back.
@propertyWrapper
public struct PackedCitations: Sendable, Codable {
    public var wrappedValue: [LocatedCitation]

    public init(wrappedValue: [LocatedCitation]) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let packed = try? container.decode(String.self) else {
            wrappedValue = try container.decode([LocatedCitation].self)
            return
        }
        wrappedValue = try PackedFields.unpack(packed).map { fields in
            guard fields.count == Citation.packedFieldCount + 1,
                  let citation = Citation(packedFields: fields.prefix(Citation.packedFieldCount)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a packed citation has other fields")
            }
            guard let line = fields[Citation.packedFieldCount] else { return LocatedCitation(citation: citation, line: nil) }
            guard let number = Int(line) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a packed citation's line is not a number")
            }
            return LocatedCitation(citation: citation, line: number)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let packed = PackedFields.pack(wrappedValue.map { $0.citation.packedFields + [$0.line.map(String.init)] }) {
            try container.encode(packed)
        } else {
            try container.encode(wrappedValue)
        }
    }
}
