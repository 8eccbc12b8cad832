import Crypto
import Foundation

/// SHA-256 of an `Encodable` value's fields, for telling whether a page's inputs
/// changed. Written here because JSONEncoder builds a whole JSON tree and text
/// first, which for ten thousand records took longer than rendering their pages;
/// this encoder appends each key and value to one byte buffer and hashes it.
/// Keys of a keyed container are sorted (a dictionary's order differs from one
/// run to the next); each value is tagged and length-prefixed, so that two
/// different values never give the same bytes.
struct DigestEncoder {
    static func digest<T: Encodable>(_ value: T) -> String {
        let sink = Buffer()
        try? value.encode(to: FieldEncoder(buffer: sink))
        return SHA256.hash(data: sink.bytes).hex
    }

    final class Buffer {
        var bytes: [UInt8] = []
        init() { bytes.reserveCapacity(4096) }
        func tag(_ t: UInt8) { bytes.append(t) }
        func string(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }
        func int(_ v: Int) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    struct FieldEncoder: Encoder {
        let buffer: Buffer
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(parent: buffer))
        }
        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(buffer: buffer) }
        func singleValueContainer() -> SingleValueEncodingContainer { Single(buffer: buffer) }
    }

    /// Collects (key, bytes) pairs and writes them sorted when the container is done with.
    final class Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let parent: Buffer
        var fields: [(String, Buffer)] = []
        var codingPath: [CodingKey] = []
        init(parent: Buffer) { self.parent = parent }

        deinit {
            parent.tag(0x7B)
            parent.int(fields.count)
            for (key, value) in fields.sorted(by: { $0.0 < $1.0 }) {
                parent.string(key)
                parent.int(value.bytes.count)
                parent.bytes.append(contentsOf: value.bytes)
            }
        }

        private func field(_ key: Key) -> Buffer {
            let b = Buffer()
            fields.append((key.stringValue, b))
            return b
        }
        func encodeNil(forKey key: Key) throws { field(key).tag(0) }
        func encode(_ value: Bool, forKey key: Key) throws { field(key).tag(value ? 2 : 1) }
        func encode(_ value: String, forKey key: Key) throws { let b = field(key); b.tag(3); b.string(value) }
        func encode(_ value: Int, forKey key: Key) throws { let b = field(key); b.tag(4); b.int(value) }
        func encode(_ value: Double, forKey key: Key) throws { let b = field(key); b.tag(5); b.string("\(value)") }
        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try value.encode(to: FieldEncoder(buffer: field(key)))
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(parent: field(key)))
        }
        func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { Unkeyed(buffer: field(key)) }
        func superEncoder() -> Encoder { FieldEncoder(buffer: field(Key(stringValue: "super")!)) }
        func superEncoder(forKey key: Key) -> Encoder { FieldEncoder(buffer: field(key)) }
    }

    /// Items in order, each tagged; the count is implied by the tags that follow "[".
    struct Unkeyed: UnkeyedEncodingContainer {
        let buffer: Buffer
        var codingPath: [CodingKey] = []
        var count = 0
        init(buffer: Buffer) {
            self.buffer = buffer
            buffer.tag(0x5B)
        }
        mutating func item() -> Buffer {
            count += 1
            buffer.tag(0x2C)
            return buffer
        }
        mutating func encodeNil() throws { item().tag(0) }
        mutating func encode(_ value: Bool) throws { item().tag(value ? 2 : 1) }
        mutating func encode(_ value: String) throws { let b = item(); b.tag(3); b.string(value) }
        mutating func encode(_ value: Int) throws { let b = item(); b.tag(4); b.int(value) }
        mutating func encode(_ value: Double) throws { let b = item(); b.tag(5); b.string("\(value)") }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: FieldEncoder(buffer: item())) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(parent: item()))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(buffer: item()) }
        mutating func superEncoder() -> Encoder { FieldEncoder(buffer: item()) }
    }

    struct Single: SingleValueEncodingContainer {
        let buffer: Buffer
        var codingPath: [CodingKey] = []
        func encodeNil() throws { buffer.tag(0) }
        func encode(_ value: Bool) throws { buffer.tag(value ? 2 : 1) }
        func encode(_ value: String) throws { buffer.tag(3); buffer.string(value) }
        func encode(_ value: Int) throws { buffer.tag(4); buffer.int(value) }
        func encode(_ value: Double) throws { buffer.tag(5); buffer.string("\(value)") }
        func encode<T: Encodable>(_ value: T) throws { try value.encode(to: FieldEncoder(buffer: buffer)) }
    }
}
