import Foundation

/// The stored form of the values a corpus holds by the hundred thousand: a
/// citation and a document number are written as an array of their fields in a
/// fixed order, not as an object with a name for every field. The build cache
/// is the one place they are stored (the site's own JSON is written by hand);
/// in this form its entries take half the bytes and decode about twice as fast,
/// which is most of what a rebuild waits for. Changing the order changes the
/// cache's format (`BuildCache.format`).
extension DocumentNumber {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        let written = try fields.decode(String.self)
        let number = try fields.decodeIfPresent(String.self)
        let year = try fields.decodeIfPresent(Int.self)
        let rejectedYear = try fields.decodeIfPresent(String.self)
        let symbol = try fields.decode(String.self)
        let style = try fields.decode(Style.self)
        self.init(written: written, number: number, year: year, rejectedYear: rejectedYear, symbol: symbol, style: style)
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(written)
        try fields.encode(number)
        try fields.encode(year)
        try fields.encode(rejectedYear)
        try fields.encode(symbol)
        try fields.encode(style)
    }
}

extension Citation {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        let written = try fields.decode(String.self)
        let text = try fields.decode(String.self)
        let number = try fields.decode(DocumentNumber.self)
        let typeWord = try fields.decodeIfPresent(String.self)
        let year = try fields.decodeIfPresent(Int.self)
        let month = try fields.decodeIfPresent(Int.self)
        let day = try fields.decodeIfPresent(Int.self)
        let issuer = try fields.decodeIfPresent(String.self)
        let start = try fields.decode(Int.self)
        let end = try fields.decode(Int.self)
        let summary = try fields.decodeIfPresent(String.self)
        let mistypedDate = try fields.decodeIfPresent(String.self)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(in: fields, debugDescription: "a citation's range ends before it starts")
        }
        self.init(written: written, text: text, number: number, typeWord: typeWord,
                  date: year.flatMap { DocumentDate(year: $0, month: month, day: day) }, issuer: issuer, linkRange: start..<end,
                  summary: summary, mistypedDate: mistypedDate)
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(written)
        try fields.encode(text)
        try fields.encode(number)
        try fields.encode(typeWord)
        try fields.encode(date?.year)
        try fields.encode(date?.month)
        try fields.encode(date?.day)
        try fields.encode(issuer)
        try fields.encode(linkRange.lowerBound)
        try fields.encode(linkRange.upperBound)
        try fields.encode(summary)
        try fields.encode(mistypedDate)
    }
}

/// Records of text fields packed into one string: fields end at U+E000, records at U+E001, and a
/// missing value is U+E002 (private-use characters, which JSON writes as they are, where control
/// characters would take six bytes each). A document's citations are stored this way in the build
/// cache: as JSON arrays, their hundreds of small values per document were most of what JSONDecoder
/// spent reading the cache at every rebuild, and one string is a single value to it. Hand-written
/// because no JSON library reads a string of records faster than splitting it.
public enum PackedFields {
    static let fieldEnd = "\u{E000}"
    static let recordEnd = "\u{E001}"
    static let missing = "\u{E002}"
    /// The UTF-8 of the three marks: EE 80 80, EE 80 81, EE 80 82.
    private static let lead: (UInt8, UInt8) = (0xEE, 0x80)

    /// Nil when a value holds one of the three marks: such records are stored another way.
    public static func pack(_ records: [[String?]]) -> String? {
        var out = ""
        for record in records {
            for field in record {
                if let field {
                    if holdsMark(field) { return nil }
                    out += field
                } else {
                    out += missing
                }
                out += fieldEnd
            }
            out += recordEnd
        }
        return out
    }

    private static func holdsMark(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if previous == lead, byte >= 0x80, byte <= 0x82 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Scans the UTF-8 bytes with memchr for the marks' lead byte and makes each field from its bytes:
    /// walking String indices here was half of what a rebuild spent reading its cache.
    public static func unpack(_ text: String) -> [[String?]] {
        var text = text
        return text.withUTF8 { bytes -> [[String?]] in
            guard let base = bytes.baseAddress else { return [] }
            var records: [[String?]] = []
            var record: [String?] = []
            var start = 0
            var i = 0
            while i < bytes.count {
                guard let found = memchr(base + i, Int32(lead.0), bytes.count - i) else { break }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                i = at + 1
                guard at + 2 < bytes.count, bytes[at + 1] == lead.1, bytes[at + 2] == 0x80 || bytes[at + 2] == 0x81 else { continue }
                if bytes[at + 2] == 0x80 {
                    let field = UnsafeBufferPointer(rebasing: bytes[start..<at])
                    let isMissing = field.count == 3 && field[0] == lead.0 && field[1] == lead.1 && field[2] == 0x82
                    record.append(isMissing ? nil : String(decoding: field, as: UTF8.self))
                } else {
                    records.append(record)
                    record = []
                    record.reserveCapacity(records[records.count - 1].count)
                }
                start = at + 3
                i = start
            }
            return records
        }
    }
}

extension Citation {
    /// The fields of `init(from:)`, in its order, the document number's inline.
    public var packedFields: [String?] {
        [written, text, number.written, number.number, number.year.map(String.init), number.rejectedYear, number.symbol,
         number.style.rawValue, typeWord, date.map { String($0.year) }, date?.month.map(String.init), date?.day.map(String.init),
         issuer, String(linkRange.lowerBound), String(linkRange.upperBound), summary, mistypedDate]
    }

    public static let packedFieldCount = 17

    /// Nil when the fields are not those `packedFields` gives.
    public init?(packedFields f: ArraySlice<String?>) {
        guard f.count == Self.packedFieldCount else { return nil }
        let f = Array(f)
        // a missing field is a missing number; a field that is not a number, a damaged entry
        func int(_ i: Int) -> Int?? {
            guard let field = f[i] else { return .some(nil) }
            guard let value = Int(field) else { return .none }
            return .some(value)
        }
        guard let written = f[0], let text = f[1], let numberWritten = f[2], let symbol = f[6],
              let style = f[7].flatMap(DocumentNumber.Style.init(rawValue:)),
              let numberYear = int(4), let year = int(9), let month = int(10), let day = int(11),
              let start = f[13].flatMap({ Int($0) }), let end = f[14].flatMap({ Int($0) }), start <= end else { return nil }
        let number = DocumentNumber(written: numberWritten, number: f[3], year: numberYear, rejectedYear: f[5], symbol: symbol,
                                    style: style)
        self.init(written: written, text: text, number: number, typeWord: f[8],
                  date: year.flatMap { DocumentDate(year: $0, month: month, day: day) }, issuer: f[12], linkRange: start..<end,
                  summary: f[15], mistypedDate: f[16])
    }
}
