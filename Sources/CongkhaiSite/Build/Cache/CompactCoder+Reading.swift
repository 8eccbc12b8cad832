import Foundation

// Reading the compact form (see `CompactCoder`).

extension CompactCoder {
    /// Decodes from bytes that stay valid for the call (the file as read, a slice of it).
    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let reader = Reader(bytes)
        let value = try T(from: ValueDecoder(reader: reader, at: 0))
        return value
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { try decode(type, from: $0) }
    }
}

/// The bytes being decoded and the primitive reads; every read checks its bounds.
private final class Reader {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    func byte(at position: Int) throws -> UInt8 {
        guard position >= 0, position < bytes.count else { throw CompactCoder.corrupt("ends early") }
        return bytes[position]
    }

    func varint(at position: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte(at: position)
            position += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
            guard shift < 64 else { throw CompactCoder.corrupt("an integer is too long") }
        }
    }

    /// A length-prefixed run of bytes starting at `position` (after its tag); `position` moves past it.
    func run(at position: inout Int) throws -> UnsafeRawBufferPointer {
        let length = Int(try varint(at: &position))
        guard length >= 0, position + length <= bytes.count else { throw CompactCoder.corrupt("a string ends early") }
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
    }

    /// Where the value at `position` ends.
    func skip(at start: Int) throws -> Int {
        var position = start
        var depth = 0
        repeat {
            let tag = try byte(at: position)
            position += 1
            switch CompactCoder.Tag(rawValue: tag) {
            case .null, .no, .yes: break
            case .int, .uint: _ = try varint(at: &position)
            case .double: position += 8
            case .string, .key: _ = try run(at: &position)
            case .keyed, .unkeyed: depth += 1
            case .end: depth -= 1
            case nil: throw CompactCoder.corrupt("unknown tag \(tag)")
            }
            guard depth >= 0 else { throw CompactCoder.corrupt("an end without a start") }
        } while depth > 0
        guard position <= bytes.count else { throw CompactCoder.corrupt("ends early") }
        return position
    }

    func isNil(at position: Int) throws -> Bool { try byte(at: position) == CompactCoder.Tag.null.rawValue }

    func bool(at position: Int) throws -> Bool {
        switch try byte(at: position) {
        case CompactCoder.Tag.yes.rawValue: return true
        case CompactCoder.Tag.no.rawValue: return false
        default: throw CompactCoder.corrupt("not a Boolean")
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, at start: Int) throws -> T {
        var position = start + 1
        let value: T?
        switch try byte(at: start) {
        case CompactCoder.Tag.int.rawValue:
            let raw = try varint(at: &position)
            value = T(exactly: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case CompactCoder.Tag.uint.rawValue:
            value = T(exactly: try varint(at: &position))
        default: throw CompactCoder.corrupt("not an integer")
        }
        guard let value else { throw CompactCoder.corrupt("an integer out of range for \(T.self)") }
        return value
    }

    func double(at start: Int) throws -> Double {
        switch try byte(at: start) {
        case CompactCoder.Tag.double.rawValue:
            guard start + 9 <= bytes.count else { throw CompactCoder.corrupt("ends early") }
            var bits: UInt64 = 0
            withUnsafeMutableBytes(of: &bits) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start + 1..<start + 9])) }
            return Double(bitPattern: UInt64(littleEndian: bits))
        case CompactCoder.Tag.int.rawValue, CompactCoder.Tag.uint.rawValue: return Double(try integer(Int64.self, at: start))
        default: throw CompactCoder.corrupt("not a number")
        }
    }

    func string(at start: Int) throws -> String {
        guard try byte(at: start) == CompactCoder.Tag.string.rawValue else { throw CompactCoder.corrupt("not a string") }
        var position = start + 1
        return String(decoding: try run(at: &position), as: UTF8.self)
    }

    /// Any value: the primitives directly, everything else through its own `init(from:)`.
    func value<T: Decodable>(_ type: T.Type, at position: Int) throws -> T {
        if type == String.self { return try string(at: position) as! T }
        if type == Int.self { return try integer(Int.self, at: position) as! T }
        if type == Bool.self { return try bool(at: position) as! T }
        if type == Double.self { return try double(at: position) as! T }
        if type == Int64.self { return try integer(Int64.self, at: position) as! T }
        return try T(from: ValueDecoder(reader: self, at: position))
    }
}

private struct ValueDecoder: Decoder {
    let reader: Reader
    let position: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(reader: Reader, at position: Int) { (self.reader, self.position) = (reader, position) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard try reader.byte(at: position) == CompactCoder.Tag.keyed.rawValue else { throw CompactCoder.corrupt("not a keyed container") }
        return KeyedDecodingContainer(KeyedReader<Key>(entries: Entries(reader: reader, first: position + 1)))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard try reader.byte(at: position) == CompactCoder.Tag.unkeyed.rawValue else {
            throw CompactCoder.corrupt("not an unkeyed container")
        }
        return UnkeyedReader(reader: reader, position: position + 1)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleReader(reader: reader, position: position) }
}

/// A keyed container's entries, looked up from where the last lookup ended: in the order
/// they were written, each key is found at once.
private final class Entries {
    let reader: Reader
    let first: Int
    /// The entry the next lookup starts from.
    var cursor: Int

    init(reader: Reader, first: Int) {
        (self.reader, self.first, self.cursor) = (reader, first, first)
    }

    /// The entry with this key: where it starts and where its value starts.
    func find(_ key: String) throws -> (entry: Int, value: Int)? {
        var key = key
        return try key.withUTF8 { wanted in
            var position = cursor
            var wrapped = false
            while true {
                if try reader.byte(at: position) == CompactCoder.Tag.end.rawValue {
                    if wrapped || cursor == first { return nil }
                    wrapped = true
                    position = first
                    continue
                }
                if wrapped && position == cursor { return nil }
                let entry = position
                guard try reader.byte(at: position) == CompactCoder.Tag.key.rawValue else { throw CompactCoder.corrupt("not a key") }
                position += 1
                let name = try reader.run(at: &position)
                if name.count == wanted.count, name.elementsEqual(UnsafeRawBufferPointer(wanted)) { return (entry, position) }
                position = try reader.skip(at: position)
            }
        }
    }

    func value(_ key: CodingKey) throws -> Int {
        guard let found = try find(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "build cache: no such key"))
        }
        cursor = found.entry
        return found.value
    }

    /// After a value was read: the next lookup starts at the entry after it.
    func advance(past value: Int) throws { cursor = try reader.skip(at: value) }

    var allKeys: [String] {
        var keys: [String] = []
        var position = first
        while let tag = try? reader.byte(at: position), tag == CompactCoder.Tag.key.rawValue {
            position += 1
            guard let name = try? reader.run(at: &position), let next = try? reader.skip(at: position) else { break }
            keys.append(String(decoding: name, as: UTF8.self))
            position = next
        }
        return keys
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: Entries
    var reader: Reader { entries.reader }
    var codingPath: [CodingKey] { [] }
    var allKeys: [Key] { entries.allKeys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { (try? entries.find(key.stringValue)) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try reader.isNil(at: entries.value(key)) }

    private func read<T>(_ key: Key, _ make: (Int) throws -> T) throws -> T {
        let position = try entries.value(key)
        let value = try make(position)
        try entries.advance(past: position)
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(key, reader.bool) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(key, reader.string) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(key, reader.double) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try read(key, reader.double)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try read(key) { try reader.integer(type, at: $0) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try read(key) { try reader.integer(type, at: $0) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try read(key) { try reader.value(type, at: $0) } }

    // One lookup instead of the default's three (contains, decodeNil, decode).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key, reader.bool) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key, reader.string) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key, reader.double) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) { try reader.integer(type, at: $0) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(key) { try reader.integer(type, at: $0) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try optional(key) { try reader.value(type, at: $0) }
    }

    private func optional<T>(_ key: Key, _ make: (Int) throws -> T) throws -> T? {
        guard let found = try entries.find(key.stringValue) else { return nil }
        entries.cursor = found.entry
        let value = try reader.isNil(at: found.value) ? nil : make(found.value)
        try entries.advance(past: found.value)
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(reader: reader, at: entries.value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try ValueDecoder(reader: reader, at: entries.value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        guard let found = try entries.find("super") else { throw CompactCoder.corrupt("no super") }
        return ValueDecoder(reader: reader, at: found.value)
    }

    func superDecoder(forKey key: Key) throws -> Decoder { ValueDecoder(reader: reader, at: try entries.value(key)) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let reader: Reader
    var position: Int
    var codingPath: [CodingKey] { [] }
    var count: Int? { nil }
    private(set) var currentIndex = 0
    var isAtEnd: Bool { ((try? reader.byte(at: position)) ?? CompactCoder.Tag.end.rawValue) == CompactCoder.Tag.end.rawValue }

    init(reader: Reader, position: Int) { (self.reader, self.position) = (reader, position) }

    private mutating func read<T>(_ make: (Reader, Int) throws -> T) throws -> T {
        guard !isAtEnd else { throw CompactCoder.corrupt("a list ends early") }
        let value = try make(reader, position)
        position = try reader.skip(at: position)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw CompactCoder.corrupt("a list ends early") }
        guard try reader.isNil(at: position) else { return false }
        position += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read { try $0.bool(at: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try read { try $0.string(at: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read { try $0.double(at: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try read { try $0.double(at: $1) }) }
    mutating func decode(_ type: Int.Type) throws -> Int { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read { try $0.integer(type, at: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read { try $0.integer(type, at: $1) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try read { try $0.value(type, at: $1) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try read { try ValueDecoder(reader: $0, at: $1).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try read { try ValueDecoder(reader: $0, at: $1).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> Decoder { try read { ValueDecoder(reader: $0, at: $1) } }
}

private struct SingleReader: SingleValueDecodingContainer {
    let reader: Reader
    let position: Int
    var codingPath: [CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.isNil(at: position)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: position) }
    func decode(_ type: String.Type) throws -> String { try reader.string(at: position) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(at: position) }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: position)) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(type, at: position) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(type, at: position) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(type, at: position) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(type, at: position) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(type, at: position) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(type, at: position) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(type, at: position) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(type, at: position) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(type, at: position) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(type, at: position) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.value(type, at: position) }
}
