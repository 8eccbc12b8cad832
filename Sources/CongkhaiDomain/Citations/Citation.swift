/// One mention of a document in another's text: "Kế hoạch số 420/KH-STTTT-VP,
/// ngày 15/4/2016 của Sở ..." or a bare "19-NQ/TW".
public struct Citation: Sendable, Hashable, Codable {
    /// The identifier exactly as written.
    public var written: String { fields.text(0)! }
    /// The clickable span as written: "Kế hoạch số 420/KH-STTTT-VP".
    public var text: String { fields.text(1)! }
    public var number: DocumentNumber { fields.number }
    /// The type word before it ("Kế hoạch"), if any.
    public var typeWord: String? { fields.text(2) }
    /// The date after it (", ngày 15/4/2016"), if any.
    public var date: DocumentDate? { fields.date }
    /// The body after "của", if any.
    public var issuer: String? { fields.text(3) }
    /// UTF-8 offsets, in the scanned text, of the part a reader clicks:
    /// the type word, "số" and the identifier.
    public var linkRange: Range<Int> { Int(fields.linkStart)..<Int(fields.linkEnd) }
    /// What the citing text says the cited document is about, after its date and issuer:
    /// "quy định về việc cung cấp thông tin ..." (see `CitationSummary`); nil when it says nothing.
    public internal(set) var summary: String? {
        get { fields.text(4) }
        set { fields = fields.replacing(4, with: newValue) }
    }
    /// A date written after the identifier that is not one ("08/6/20210"): the
    /// citation keeps no year, and the writer is told (`dateFinding`).
    public internal(set) var mistypedDate: String? {
        get { fields.text(5) }
        set { fields = fields.replacing(5, with: newValue) }
    }

    /// The fields, in one object that the copies of a citation share. A document's citations are held by the
    /// document, the citation graph and the record (three lists of about 190,000 at 10,000 documents); as a struct
    /// of about 220 bytes each copy held and retained every field of its own, a sixth of a full build's peak of
    /// memory. Its text fields are one string: as strings of their own, with the object, they were another sixth.
    private var fields: Fields

    /// Never changed: a citation given a summary gets new fields.
    private final class Fields: Sendable {
        /// written, text, typeWord, issuer, summary, mistypedDate, one after another.
        let texts: String
        /// Where each of them ends in `texts`, in UTF-8 bytes.
        let ends: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
        /// Bit i set: text field i is nil.
        let absent: UInt8
        let number: DocumentNumber
        let date: DocumentDate?
        let linkStart: Int32, linkEnd: Int32

        init(texts fields: [String?], number: DocumentNumber, date: DocumentDate?, linkRange: Range<Int>) {
            var texts = "", ends = [UInt32](), absent: UInt8 = 0
            texts.reserveCapacity(fields.reduce(0) { $0 + ($1?.utf8.count ?? 0) })
            for (i, field) in fields.enumerated() {
                if let field { texts += field } else { absent |= 1 << i }
                ends.append(UInt32(texts.utf8.count))
            }
            self.texts = texts
            self.ends = (ends[0], ends[1], ends[2], ends[3], ends[4], ends[5])
            self.absent = absent
            self.number = number
            self.date = date
            (linkStart, linkEnd) = (Int32(clamping: linkRange.lowerBound), Int32(clamping: linkRange.upperBound))
        }

        /// Text field `i`, as `init` numbers them.
        func text(_ i: Int) -> String? {
            guard absent & (1 << i) == 0 else { return nil }
            let (start, end) = withUnsafeBytes(of: ends) { ends in
                let end = { (field: Int) in Int(ends.load(fromByteOffset: field * 4, as: UInt32.self)) }
                return (i == 0 ? 0 : end(i - 1), end(i))
            }
            let utf8 = texts.utf8
            // the fields were joined whole, so each one's bounds fall between characters
            return String(texts[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        }

        var allTexts: [String?] { (0..<6).map(text) }

        func replacing(_ i: Int, with value: String?) -> Fields {
            var texts = allTexts
            texts[i] = value
            return Fields(texts: texts, number: number, date: date, linkRange: Int(linkStart)..<Int(linkEnd))
        }

        func hasSameValues(as other: Fields) -> Bool {
            texts == other.texts && absent == other.absent && ends == other.ends && number == other.number && date == other.date
                && linkStart == other.linkStart && linkEnd == other.linkEnd
        }
    }

    public init(written: String, text: String, number: DocumentNumber, typeWord: String?, date: DocumentDate?, issuer: String?,
                linkRange: Range<Int>, summary: String? = nil, mistypedDate: String? = nil) {
        fields = Fields(texts: [written, text, typeWord, issuer, summary, mistypedDate], number: number, date: date, linkRange: linkRange)
    }

    public static func == (a: Citation, b: Citation) -> Bool {
        a.fields === b.fields || a.fields.hasSameValues(as: b.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.texts)
        hasher.combine(fields.absent)
        withUnsafeBytes(of: fields.ends) { hasher.combine(bytes: $0) }
        hasher.combine(fields.number)
        hasher.combine(fields.date)
        hasher.combine(fields.linkStart)
        hasher.combine(fields.linkEnd)
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
