/// One mention of a document in another's text: "Kế hoạch số 420/KH-STTTT-VP,
/// ngày 15/4/2016 của Sở ..." or a bare "19-NQ/TW".
public struct Citation: Sendable, Hashable, Codable {
    /// The identifier exactly as written.
    public var written: String { fields.written }
    /// The clickable span as written: "Kế hoạch số 420/KH-STTTT-VP".
    public var text: String { fields.text(0)! }
    public var number: DocumentNumber { fields.number }
    /// The type word before it ("Kế hoạch"), if any.
    public var typeWord: String? { fields.typeWord }
    /// The date after it (", ngày 15/4/2016"), if any.
    public var date: DocumentDate? { fields.date }
    /// The body after "của", if any.
    public var issuer: String? { fields.text(1) }
    /// UTF-8 offsets, in the scanned text, of the part a reader clicks:
    /// the type word, "số" and the identifier.
    public var linkRange: Range<Int> { Int(linkStart)..<Int(linkEnd) }
    /// What the citing text says the cited document is about, after its date and issuer:
    /// "quy định về việc cung cấp thông tin ..." (see `CitationSummary`); nil when it says nothing.
    public internal(set) var summary: String? {
        get { fields.text(2) }
        set { fields = fields.replacing(2, with: newValue) }
    }
    /// A date written after the identifier that is not one ("08/6/20210"): the
    /// citation keeps no year, and the writer is told (`dateFinding`).
    public internal(set) var mistypedDate: String? {
        get { fields.text(3) }
        set { fields = fields.replacing(3, with: newValue) }
    }

    /// The fields, in one object that the copies of a citation share. A document's citations are held by the
    /// document, the citation graph and the record (three lists of about 190,000 at 10,000 documents); as a struct
    /// of about 220 bytes each copy held and retained every field of its own, a sixth of a full build's peak of
    /// memory. Its longer text fields are one string: as strings of their own, with the object, they were another
    /// sixth. (The identifier and the type word are mostly short enough to be held in a string's own 16 bytes.)
    /// Mentions of one document that say the same of it share them too (`CitationPool`).
    private(set) var fields: Fields
    /// Beside the fields, not in them: two mentions alike but for where they stand share their fields.
    private let linkStart: Int32, linkEnd: Int32

    /// Never changed: a citation given a summary gets new fields.
    final class Fields: Sendable {
        let written: String
        let typeWord: String?
        /// text, issuer, summary, mistypedDate, one after another.
        let texts: String
        /// Where each of them ends in `texts`, in UTF-8 bytes.
        let ends: (UInt32, UInt32, UInt32, UInt32)
        /// Bit i set: text field i is nil.
        let absent: UInt8
        let number: DocumentNumber
        let date: DocumentDate?

        private init(written: String, typeWord: String?, texts: String, ends: (UInt32, UInt32, UInt32, UInt32), absent: UInt8,
                     number: DocumentNumber, date: DocumentDate?) {
            (self.written, self.typeWord) = (written, typeWord)
            (self.texts, self.ends, self.absent, self.number, self.date) = (texts, ends, absent, number, date)
        }

        convenience init(written: String, typeWord: String?, texts fields: (String?, String?, String?, String?), number: DocumentNumber,
                         date: DocumentDate?) {
            var ends: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
            var absent: UInt8 = 0, length = 0
            // The fields as a tuple and appended, not an array copied into a new string: no array to allocate, the bytes of
            // strings already valid are not checked again, and a citation with only its text shares that text's storage.
            var present = 0
            withUnsafeMutableBytes(of: &ends) { ends in
                func add(_ i: Int, _ field: String?) {
                    if let field { length += field.utf8.count; present += 1 } else { absent |= 1 << i }
                    ends.storeBytes(of: UInt32(length), toByteOffset: i * 4, as: UInt32.self)
                }
                add(0, fields.0)
                add(1, fields.1)
                add(2, fields.2)
                add(3, fields.3)
            }
            var texts = ""
            // exactly as long as the fields (no room to grow kept for each of the corpus's citations), unless small
            if present > 1, length > 15 { texts.reserveCapacity(length) }
            func put(_ field: String?) {
                guard let field else { return }
                if present == 1 { texts = field } else { texts += field }
            }
            put(fields.0)
            put(fields.1)
            put(fields.2)
            put(fields.3)
            self.init(written: written, typeWord: typeWord, texts: texts, ends: ends, absent: absent, number: number, date: date)
        }

        /// Where text field `i` is in `texts`, in UTF-8 bytes.
        private func bounds(_ i: Int) -> Range<Int> {
            withUnsafeBytes(of: ends) { ends in
                let end = { (field: Int) in Int(ends.load(fromByteOffset: field * 4, as: UInt32.self)) }
                return (i == 0 ? 0 : end(i - 1))..<end(i)
            }
        }

        /// Text field `i`, as `init` numbers them.
        func text(_ i: Int) -> String? {
            guard absent & (1 << i) == 0 else { return nil }
            let range = bounds(i)
            // A long field (a summary) is copied as a slice of `texts`, its ends between fields and so between
            // characters: decoding its bytes would check all of them again. A short one decodes faster than it slices.
            if range.count > 48 {
                let utf8 = texts.utf8
                let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound), to = utf8.index(from, offsetBy: range.count)
                return String(Substring(utf8[from..<to]))
            }
            return texts.utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
                ?? String(Substring(texts.utf8.dropFirst(range.lowerBound).prefix(range.count)))
        }

        /// The same fields, text field `i` changed: its bytes put in place of the old ones.
        func replacing(_ i: Int, with value: String?) -> Fields {
            if value == nil, absent & (1 << i) != 0 { return self }
            let old = bounds(i)
            let count = value?.utf8.count ?? 0
            // Appended from slices of `texts` (their ends fall between fields, so between characters) and the value: all
            // valid UTF-8 already, not checked again as a string made of the bytes would be.
            let utf8 = texts.utf8
            var made = ""
            let length = utf8.count - old.count + count
            if length > 15 { made.reserveCapacity(length) } // as long as it needs; a small string stays in place
            made += Substring(utf8[..<utf8.index(utf8.startIndex, offsetBy: old.lowerBound)])
            if let value { made += value }
            made += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: old.upperBound)...])
            var ends = self.ends
            withUnsafeMutableBytes(of: &ends) { ends in
                for field in i..<4 {
                    let end = Int(ends.load(fromByteOffset: field * 4, as: UInt32.self)) - old.count + count
                    ends.storeBytes(of: UInt32(end), toByteOffset: field * 4, as: UInt32.self)
                }
            }
            let absent = value == nil ? self.absent | (1 << i) : self.absent & ~(1 << i)
            return Fields(written: written, typeWord: typeWord, texts: made, ends: ends, absent: absent, number: number, date: date)
        }

        /// The strings are compared and hashed by their UTF-8 bytes, not as Strings: String hashing normalises a
        /// non-ASCII text to NFC first, most of what sharing the citations of a corpus cost. The texts are read
        /// from documents already normalised to NFC (`VietnameseText.normalize`), where canonically equivalent
        /// strings have the same bytes, so this says the same; `==` and `hash` agree with each other.
        func hasSameValues(as other: Fields) -> Bool {
            self === other || absent == other.absent && ends == other.ends && Self.sameBytes(texts, other.texts)
                && Self.sameBytes(written, other.written) && Self.sameBytes(typeWord, other.typeWord) && number == other.number
                && date == other.date
        }

        func hash(into hasher: inout Hasher) {
            Self.combineBytes(of: written, into: &hasher)
            Self.combineBytes(of: typeWord, into: &hasher)
            Self.combineBytes(of: texts, into: &hasher)
            hasher.combine(absent)
            withUnsafeBytes(of: ends) { hasher.combine(bytes: $0) }
            hasher.combine(number)
            hasher.combine(date)
        }

        private static func sameBytes(_ a: String?, _ b: String?) -> Bool {
            guard var a, var b else { return a == nil && b == nil }
            return a.withUTF8 { x in
                b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
            }
        }

        /// The bytes and their count (so that fields next to each other hash apart), or a lone marker for nil.
        private static func combineBytes(of text: String?, into hasher: inout Hasher) {
            guard var text else { hasher.combine(-1); return }
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
        }
    }

    public init(written: String, text: String, number: DocumentNumber, typeWord: String?, date: DocumentDate?, issuer: String?,
                linkRange: Range<Int>, summary: String? = nil, mistypedDate: String? = nil) {
        fields = Fields(written: written, typeWord: typeWord, texts: (text, issuer, summary, mistypedDate), number: number, date: date)
        (linkStart, linkEnd) = (Int32(clamping: linkRange.lowerBound), Int32(clamping: linkRange.upperBound))
    }

    /// The same citation, its fields those given (equal to its own: `CitationPool`).
    func sharing(_ fields: Fields) -> Citation {
        var copy = self
        copy.fields = fields
        return copy
    }

    public static func == (a: Citation, b: Citation) -> Bool {
        a.linkStart == b.linkStart && a.linkEnd == b.linkEnd && a.fields.hasSameValues(as: b.fields)
    }

    public func hash(into hasher: inout Hasher) {
        fields.hash(into: &hasher)
        hasher.combine(linkStart)
        hasher.combine(linkEnd)
    }

    /// The year the identifier belongs to: from its date, else from the
    /// identifier itself (legal style carries the year).
    public var year: Int? { date?.year ?? number.year }

    public var isBare: Bool { typeWord == nil }

    /// Whether this names the document numbered `number` of `year` itself: a header
    /// repeated on an attached page, an appendix's "(Kèm theo Kế hoạch số ...)". A
    /// mention without a year is the document's own when the identifier is.
    public func names(_ number: DocumentNumber?, year: Int?) -> Bool {
        guard let number, number.number != nil, number.key == self.number.key else { return false }
        return self.year == nil || year == nil || self.year == year
    }

    /// The warning for a mistyped date, for the build to report on the citation's line.
    public var dateFinding: (key: MessageKey, arguments: [String: String])? {
        guard let mistypedDate else { return nil }
        return (.citationBadDate, ["date": mistypedDate, "citation": written])
    }
}

/// A relation declared in front matter: `replaces`, `amends`, `corrects`,
/// `repeals`, `implements` (a report on a plan), `based_on`.
public enum RelationKind: String, Sendable, CaseIterable, Codable {
    case replaces, amends, corrects, repeals, implements
    case basedOn = "based_on"
}

/// A typed relation to another document, by identifier and year.
public struct DeclaredRelation: Sendable, Hashable, Codable {
    public let kind: RelationKind
    public let number: DocumentNumber
    public let year: Int?
    /// As written in front matter.
    public let written: String
    public let line: Int

    /// Reads "12/KH-STTTT (2023)", "12/KH-STTTT ngày 16/01/2023" or "04/2015/NĐ-CP".
    public static func parse(_ text: String, kind: RelationKind, line: Int) -> DeclaredRelation? {
        let separators: Set<Character> = [" ", ",", "(", ")", ";"]
        let token = text.split(whereSeparator: { separators.contains($0) }).first.map(String.init) ?? ""
        guard let number = DocumentNumber.parse(token), number.number != nil else { return nil }
        var year = number.year
        let rest = text.dropFirst(token.count)
        let punctuation = CharacterSet(charactersIn: ",;()")
        if let date = rest.split(separator: " ").lazy
            .compactMap({ DocumentDate.parseShort(String($0).trimmingCharacters(in: punctuation)) }).first {
            year = date.year
        } else if let y = rest.split(whereSeparator: { !$0.isNumber }).first(where: { $0.count == 4 }).flatMap({ Int($0) }) {
            year = y
        }
        return DeclaredRelation(kind: kind, number: number, year: year, written: text, line: line)
    }
}

import Foundation
