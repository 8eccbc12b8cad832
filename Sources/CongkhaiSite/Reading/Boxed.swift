/// A value held by reference, coded as the value itself. A struct's large field held this way costs each copy of
/// the struct 8 bytes, not the field's size: a document's procedure (312 bytes inline, nil for most documents) and
/// a build cache entry's document (952 bytes) were copied into the corpus, the cache's entries and the records,
/// 100,000 times at 100,000 documents.
final class Boxed<Value: Codable & Sendable>: Codable, @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: Decoder) throws { value = try decoder.singleValueContainer().decode(Value.self) }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
