import Foundation

/// The cache head's large tables (every file of the site, every page's inputs) stored as one string of
/// lines, "field \t field \n", which `CompactCoder` copies whole. As Codable arrays and dictionaries their
/// thirty thousand entries took a tenth of a second to read and as much to write, at every rebuild;
/// split at their line breaks and tabs they take a few milliseconds. A table holding a tab or a line
/// break in a field (a file name can) is stored the Codable way, and read back either way.
@propertyWrapper
struct PackedStringTable: Codable {
    var wrappedValue: [String: String]

    init(wrappedValue: [String: String]) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let text = try? container.decode(String.self) else {
            wrappedValue = try container.decode([String: String].self)
            return
        }
        var table: [String: String] = [:]
        PackedLines.forEachRow(in: text) { fields in if fields.count == 2 { table[fields[0]] = fields[1] } }
        wrappedValue = table
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        let rows = wrappedValue.keys.sorted().map { [$0, wrappedValue[$0]!] }
        if let text = PackedLines.text(rows) { try container.encode(text) } else { try container.encode(wrappedValue) }
    }
}

@propertyWrapper
struct PackedFileList: Codable {
    var wrappedValue: [BuildCache.CachedFile]

    init(wrappedValue: [BuildCache.CachedFile]) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let text = try? container.decode(String.self) else {
            wrappedValue = try container.decode([BuildCache.CachedFile].self)
            return
        }
        var files: [BuildCache.CachedFile] = [], corrupt = false
        PackedLines.forEachRow(in: text) { fields in
            guard fields.count == 3, let size = Int(fields[1]) else { corrupt = true; return }
            files.append(BuildCache.CachedFile(path: fields[0], size: size, sha256: fields[2]))
        }
        guard !corrupt else { throw DecodingError.dataCorruptedError(in: container, debugDescription: "a packed file has other fields") }
        wrappedValue = files
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let text = PackedLines.text(wrappedValue.map { [$0.path, String($0.size), $0.sha256] }) {
            try container.encode(text)
        } else {
            try container.encode(wrappedValue)
        }
    }
}

enum PackedLines {
    /// Rows of fields as lines; nil when a field holds a tab or a line break. Made as bytes: appending
    /// to a String field by field took longer than the encoding it replaces.
    static func text(_ rows: [[String]]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(rows.reduce(0) { $0 + $1.reduce(1) { $0 + $1.utf8.count + 1 } })
        for row in rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(0x09) }
                let start = out.count
                out.append(contentsOf: field.utf8)
                if out[start...].contains(where: { $0 == 0x09 || $0 == 0x0A }) { return nil }
            }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each line of a text made by `text`, cut at its tabs. On bytes: `split` on a String's characters
    /// took most of a rebuild's reading of the head.
    static func forEachRow(in text: String, _ body: ([String]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var fields: [String] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x09 || bytes[i] == 0x0A {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
                if bytes[i] == 0x0A {
                    body(fields)
                    fields.removeAll(keepingCapacity: true)
                }
            }
        }
    }
}
