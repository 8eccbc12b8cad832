import CSystemZstd
import CongkhaiDomain

/// A document's Markdown (its body's and appendices', with their line maps) held compressed from reading until its
/// text is rendered. Every document is read before any is rendered (a citation may lead to any document), so the
/// Markdown of the whole corpus was held at once: 1.9 GB at 100,000 documents, most of the build's peak of memory.
/// zstd at its fastest level keeps about a sixth of it (6.5 to 1, document by document, on the bench's corpus), at
/// about a gigabyte a second.
///
/// The layout inside is ours (no library lays out these lists): for each part, its text's length and bytes, then
/// its line count and each line as the difference from the one before, all numbers as LEB128 varints.
struct PackedMarkdown: Sendable {
    private let bytes: [UInt8]
    /// The size unpacked, or nil when zstd failed and `bytes` are the layout as is.
    private let size: Int?

    init(_ parts: [ShapedMarkdown]) {
        var plain: [UInt8] = []
        plain.reserveCapacity(parts.reduce(0) { $0 + $1.text.utf8.count + 2 * $1.lineMap.count + 8 })
        for part in parts {
            Self.appendVarint(UInt64(part.text.utf8.count), to: &plain)
            plain.append(contentsOf: part.text.utf8)
            Self.appendVarint(UInt64(part.lineMap.count), to: &plain)
            var previous = 0
            for line in part.lineMap {
                let step = line - previous
                // zigzag, so that a line map that goes back (it never should) still packs
                Self.appendVarint(UInt64(bitPattern: Int64((step << 1) ^ (step >> 63))), to: &plain)
                previous = line
            }
        }
        var packed = [UInt8](repeating: 0, count: ZSTD_compressBound(plain.count))
        let written = plain.withUnsafeBytes { source in
            packed.withUnsafeMutableBytes { target in
                ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 1)
            }
        }
        if ZSTD_isError(written) != 0 {
            bytes = plain
            size = nil
        } else {
            bytes = Array(packed[..<written])
            size = plain.count
        }
    }

    private init(layout: [UInt8]) {
        bytes = layout
        size = nil
    }

    /// The parts as they were packed; nil only if the bytes were damaged in memory.
    func unpacked() -> [ShapedMarkdown]? {
        withParts { parts in
            parts.map { ShapedMarkdown(text: String(decoding: $0.text, as: UTF8.self), lineMap: $0.lineMap) }
        }
    }

    /// The same, unpacked from zstd but kept as the layout's bytes, for a reader of the parts' bytes (`withParts`).
    func decompressed() -> PackedMarkdown? {
        guard size != nil else { return self }
        return plain().map(PackedMarkdown.init(layout:))
    }

    /// The parts, each text as its UTF-8 bytes (valid: they were a String's), with its line map; nil only if the
    /// bytes were damaged in memory. The Markdown renderer reads the bytes as they are: making each text a String
    /// again checked every byte of it.
    func withParts<Result>(_ body: ([(text: UnsafeBufferPointer<UInt8>, lineMap: [Int])]) -> Result) -> Result? {
        guard let plain = plain() else { return nil }
        return plain.withUnsafeBufferPointer { buffer -> Result? in
            var reader = VarintReader(bytes: buffer)
            var parts: [(text: UnsafeBufferPointer<UInt8>, lineMap: [Int])] = []
            while !reader.isAtEnd {
                guard let length = reader.next(), let textBytes = reader.take(Int(length)), let lines = reader.next() else { return nil }
                var lineMap: [Int] = []
                lineMap.reserveCapacity(Int(lines))
                var previous = 0
                for _ in 0..<lines {
                    guard let zigzag = reader.next() else { return nil }
                    previous += Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
                    lineMap.append(previous)
                }
                parts.append((textBytes, lineMap))
            }
            return body(parts)
        }
    }

    /// The layout's bytes, unpacked from zstd if they were packed.
    private func plain() -> [UInt8]? {
        guard let size else { return bytes }
        var out = [UInt8](repeating: 0, count: size)
        let made = bytes.withUnsafeBytes { source in
            out.withUnsafeMutableBytes { target in
                ZSTD_decompress(target.baseAddress, target.count, source.baseAddress, source.count)
            }
        }
        guard ZSTD_isError(made) == 0, made == size else { return nil }
        return out
    }

    /// How many parts the layout holds; nil if it is damaged.
    var partCount: Int? { withParts { $0.count } }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private struct VarintReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        var isAtEnd: Bool { at >= bytes.count }

        mutating func next() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while at < bytes.count, shift < 64 {
                let byte = bytes[at]
                at += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
            guard count >= 0, count <= bytes.count - at else { return nil }
            defer { at += count }
            return UnsafeBufferPointer(rebasing: bytes[at..<at + count])
        }
    }
}

extension Document {
    /// Packs the body's and appendices' Markdown (`PackedMarkdown`) until the text is rendered; they read empty.
    mutating func packMarkdown() {
        guard packedMarkdown == nil else { return }
        packedMarkdown = PackedMarkdown([body] + appendices.map(\.body))
        emptyMarkdown()
    }

    /// The body's and appendices' Markdown as read, from `packedMarkdown` when it holds them; nil if it cannot be read.
    var markdownParts: [ShapedMarkdown]? {
        guard let packedMarkdown else { return [body] + appendices.map(\.body) }
        return packedMarkdown.unpacked()
    }

    /// The body's and appendices' Markdown emptied, the appendices' titles kept.
    mutating func emptyMarkdown() {
        let empty = ShapedMarkdown(text: "", lineMap: [])
        body = empty
        appendices = appendices.map { .init(title: $0.title, subtitle: $0.subtitle, body: empty) }
    }

    /// The document ready to render, nil if it was packed and cannot be unpacked. Its Markdown stays in
    /// `packedMarkdown`, unpacked from zstd into the layout's bytes, which `DocumentTextRenderer` reads as they are.
    var unpacked: Document? {
        guard let packedMarkdown else { return self }
        guard let plain = packedMarkdown.decompressed(), plain.partCount == appendices.count + 1 else { return nil }
        var doc = self
        doc.packedMarkdown = plain
        return doc
    }
}
