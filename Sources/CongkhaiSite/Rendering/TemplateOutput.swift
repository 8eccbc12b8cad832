/// Where a page is rendered: a string, or the bytes of its file (`PageBytes`).
protocol TemplateOutput {
    init()
    var isEmpty: Bool { get }
    /// Whether what is written ends a line, as swift-mustache tells it: its last character is "\n".
    var endsLine: Bool { get }
    mutating func reserveCapacity(_ count: Int)
    mutating func append(_ text: String)
    /// The text escaped for HTML (`HTMLText.escape`).
    mutating func appendEscaped(_ text: String)
    mutating func append(contentsOf other: Self)
}

extension String: TemplateOutput {
    var endsLine: Bool { last == "\n" }
    mutating func appendEscaped(_ text: String) { self += HTMLText.escape(text) }
    mutating func append(contentsOf other: String) { self += other }
}

/// A page rendered as the bytes of its file: a record's page is written as bytes, and appending bytes costs less
/// than appending to a string (which checks its flags and its room at every piece of a page).
struct PageBytes: TemplateOutput {
    /// Memory of its own, grown by doubling, rather than an array, whose `append(contentsOf:)` went through generic
    /// checks of uniqueness and room, some eighty instructions for each of the hundreds of pieces of a page.
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func copy(capacity: Int) -> Storage {
            let copy = Storage(capacity: Swift.max(capacity, count))
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }
    }

    /// None until something is written: the empty pieces an indented partial makes then cost nothing.
    private var storage: Storage?

    init() {}

    init(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// What is written, as an array (one copy, at the end).
    var bytes: [UInt8] {
        guard let storage, storage.count > 0 else { return [] }
        // copied by memcpy: `Array(UnsafeBufferPointer(...))` copied through the generic path, about an instruction a byte
        return [UInt8](unsafeUninitializedCapacity: storage.count) { buffer, count in
            buffer.baseAddress!.initialize(from: storage.base, count: storage.count)
            count = storage.count
        }
    }

    var isEmpty: Bool { (storage?.count ?? 0) == 0 }
    /// A "\n" after a "\r" is not a character of its own: "\r\n" is one.
    var endsLine: Bool {
        guard let storage, storage.count > 0, storage.base[storage.count - 1] == UInt8(ascii: "\n") else { return false }
        return storage.count < 2 || storage.base[storage.count - 2] != UInt8(ascii: "\r")
    }

    mutating func reserveCapacity(_ count: Int) { room(for: count - (storage?.count ?? 0)) }

    /// Room for `more` bytes after those written, in storage of this value's own (a copy of the value shares it until then).
    private mutating func room(for more: Int) {
        guard storage != nil else {
            storage = Storage(capacity: more)
            return
        }
        // asked before the storage is bound to a name, which would hold a second reference to it
        let unique = isKnownUniquelyReferenced(&storage)
        let current = storage.unsafelyUnwrapped
        let needed = current.count + more
        if !unique {
            storage = current.copy(capacity: Swift.max(needed, current.capacity))
        } else if needed > current.capacity {
            storage = current.copy(capacity: Swift.max(needed, current.capacity * 2))
        }
    }

    private mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let start = piece.baseAddress, !piece.isEmpty else { return }
        room(for: piece.count)
        let storage = storage.unsafelyUnwrapped
        (storage.base + storage.count).initialize(from: start, count: piece.count)
        storage.count += piece.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // the runs between the characters HTMLText.escape replaces, copied whole
            var run = 0
            var i = 0
            while i < utf8.count {
                // Eight bytes at once when none of them can be one of the five (most words of most texts):
                // a test of each byte took about six instructions a byte.
                if i + 8 <= utf8.count, !Self.mayHoldEscaped(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let end = Swift.min(i + 8, utf8.count)
                while i < end {
                    // all five are below 64, so a bit of `escapedBelow64` tells each
                    let byte = utf8[i]
                    if byte < 64, Self.escapedBelow64 >> UInt64(byte) & 1 != 0, let entity = HTMLText.entity(for: byte) {
                        if run < i { append(UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                        entity.withUTF8Buffer { append($0) }
                        run = i + 1
                    }
                    i += 1
                }
            }
            if run == 0 {
                append(utf8)
            } else if run < utf8.count {
                append(UnsafeBufferPointer(rebasing: utf8[run...]))
            }
        }
    }

    /// Whether one of the eight bytes of `word` may be one `HTMLText.entity(for:)` replaces (never false when one is):
    /// a byte equal to `c` is a zero byte of `word ^ c…c`, which `(x - 0x01…01) & ~x & 0x80…80` finds.
    static func mayHoldEscaped(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & (ones &* 0x80) }
        return zeroByte(word ^ (ones &* 0x26)) | zeroByte(word ^ (ones &* 0x3C)) | zeroByte(word ^ (ones &* 0x3E))
            | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x27)) != 0 // &, <, >, ", '
    }

    /// The bytes below 64 that `HTMLText.entity(for:)` replaces, one bit each (DocumentPageSpeedTests checks them against it).
    /// A constant the compiler folds into the loop (a `static let` would be checked for its one-time initialisation).
    static var escapedBelow64: UInt64 { 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27 } // &, <, >, ", '

    mutating func append(contentsOf other: PageBytes) {
        guard let written = other.storage else { return }
        append(UnsafeBufferPointer(start: written.base, count: written.count))
    }
}
