import Foundation

// Writing the compact form (see `CompactCoder`).

extension CompactCoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = Writer()
        try value.encode(to: ValueEncoder(writer: writer, slot: nil))
        try writer.closeAll()
        return writer.bytes
    }
}

/// One buffer for the whole value. Containers are written depth first, as `Codable`
/// writes them: a write into a container closes every container opened after it.
private final class Writer {
    var bytes: [UInt8] = []
    /// Serial numbers of the containers still open, innermost last.
    private var open: [Int] = []
    private var serial = 0

    init() { bytes.reserveCapacity(4096) }

    func openContainer(_ tag: CompactCoder.Tag) -> Int {
        serial += 1
        bytes.append(tag.rawValue)
        open.append(serial)
        return serial
    }

    /// Before an element of `container` is written: the containers opened inside it are complete.
    func prepare(_ container: Int) throws {
        while let last = open.last, last != container {
            bytes.append(CompactCoder.Tag.end.rawValue)
            open.removeLast()
        }
        guard open.last == container else {
            throw EncodingError.invalidValue(container, .init(codingPath: [], debugDescription: "written out of order"))
        }
    }

    func closeAll() throws {
        for _ in open { bytes.append(CompactCoder.Tag.end.rawValue) }
        open = []
    }

    func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    func key(_ key: String) { text(key, tag: .key) }

    func null() { bytes.append(CompactCoder.Tag.null.rawValue) }
    func bool(_ value: Bool) { bytes.append((value ? CompactCoder.Tag.yes : .no).rawValue) }
    func int(_ value: Int64) {
        bytes.append(CompactCoder.Tag.int.rawValue)
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
    func uint(_ value: UInt64) {
        bytes.append(CompactCoder.Tag.uint.rawValue)
        varint(value)
    }
    func double(_ value: Double) {
        bytes.append(CompactCoder.Tag.double.rawValue)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    func string(_ value: String) { text(value, tag: .string) }

    /// A key or a string: its tag, its length in bytes, its UTF-8.
    private func text(_ value: String, tag: CompactCoder.Tag) {
        bytes.append(tag.rawValue)
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Any value: the primitives directly, everything else through its own `encode(to:)`.
    func value<T: Encodable>(_ value: T, slot: Int) throws {
        switch value {
        case let v as String: string(v)
        case let v as Int: int(Int64(v))
        case let v as Bool: bool(v)
        case let v as Double: double(v)
        case let v as Int64: int(v)
        default:
            let before = bytes.count
            try value.encode(to: ValueEncoder(writer: self, slot: slot))
            if bytes.count == before { null() } // a value that wrote nothing reads back as a failure, not as the next key
        }
    }
}

private struct ValueEncoder: Encoder {
    let writer: Writer
    /// The container this value is an element of (nil at the top).
    let slot: Int?
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(writer: writer, id: writer.openContainer(.keyed)))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        UnkeyedWriter(writer: writer, id: writer.openContainer(.unkeyed))
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(writer: writer, slot: slot) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: Writer
    let id: Int
    var codingPath: [CodingKey] { [] }

    private func start(_ key: Key) throws {
        try writer.prepare(id)
        writer.key(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { try start(key); writer.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try start(key); writer.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try start(key); writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try start(key); writer.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try start(key); writer.double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try start(key); writer.int(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try start(key); writer.int(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try start(key); writer.int(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try start(key); writer.int(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try start(key); writer.int(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try start(key); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try start(key); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try start(key); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try start(key); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try start(key); writer.uint(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try start(key); try writer.value(value, slot: id) }

    // nil is written, not left out: the decoder then finds every key where it looks first.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        try? start(key)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer, id: writer.openContainer(.keyed)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        try? start(key)
        return UnkeyedWriter(writer: writer, id: writer.openContainer(.unkeyed))
    }

    mutating func superEncoder() -> Encoder {
        try? writer.prepare(id)
        writer.key("super")
        return ValueEncoder(writer: writer, slot: id)
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        try? start(key)
        return ValueEncoder(writer: writer, slot: id)
    }
}

/// The primitive values of an unkeyed or single-value container: each opens its place (`start`), then is written.
private protocol PrimitiveWriting {
    var writer: Writer { get }
    mutating func start() throws
}

extension PrimitiveWriting {
    mutating func encodeNil() throws { try start(); writer.null() }
    mutating func encode(_ value: Bool) throws { try start(); writer.bool(value) }
    mutating func encode(_ value: String) throws { try start(); writer.string(value) }
    mutating func encode(_ value: Double) throws { try start(); writer.double(value) }
    mutating func encode(_ value: Float) throws { try start(); writer.double(Double(value)) }
    mutating func encode(_ value: Int) throws { try start(); writer.int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { try start(); writer.int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { try start(); writer.int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { try start(); writer.int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { try start(); writer.int(value) }
    mutating func encode(_ value: UInt) throws { try start(); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { try start(); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { try start(); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { try start(); writer.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { try start(); writer.uint(value) }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer, PrimitiveWriting {
    let writer: Writer
    let id: Int
    var codingPath: [CodingKey] { [] }
    private(set) var count = 0

    init(writer: Writer, id: Int) { (self.writer, self.id) = (writer, id) }

    mutating func start() throws {
        try writer.prepare(id)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws { try start(); try writer.value(value, slot: id) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        try? start()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer, id: writer.openContainer(.keyed)))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        try? start()
        return UnkeyedWriter(writer: writer, id: writer.openContainer(.unkeyed))
    }

    mutating func superEncoder() -> Encoder {
        try? start()
        return ValueEncoder(writer: writer, slot: id)
    }
}

private struct SingleWriter: SingleValueEncodingContainer, PrimitiveWriting {
    let writer: Writer
    let slot: Int?
    var codingPath: [CodingKey] { [] }

    /// A single value is written in its parent's place: containers opened inside that parent are complete.
    func start() throws { if let slot { try writer.prepare(slot) } }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try start()
        if let slot { try writer.value(value, slot: slot) } else { try value.encode(to: ValueEncoder(writer: writer, slot: nil)) }
    }
}
