/// One mention of a document in another's text: "Kế hoạch số 420/KH-STTTT-VP,
/// ngày 15/4/2016 của Sở ..." or a bare "19-NQ/TW".
public struct Citation: Sendable, Hashable, Codable {
    /// The identifier exactly as written.
    public var written: String { fields.written }
    /// The clickable span as written: "Kế hoạch số 420/KH-STTTT-VP".
    public var text: String { fields.text }
    public var number: DocumentNumber { fields.number }
    /// The type word before it ("Kế hoạch"), if any.
    public var typeWord: String? { fields.typeWord }
    /// The date after it (", ngày 15/4/2016"), if any.
    public var date: DocumentDate? { fields.date }
    /// The body after "của", if any.
    public var issuer: String? { fields.issuer }
    /// UTF-8 offsets, in the scanned text, of the part a reader clicks:
    /// the type word, "số" and the identifier.
    public var linkRange: Range<Int> { fields.linkRange }
    /// What the citing text says the cited document is about, after its date and issuer:
    /// "quy định về việc cung cấp thông tin ..." (see `CitationSummary`); nil when it says nothing.
    public internal(set) var summary: String? {
        get { fields.summary }
        set { makeUnique(); fields.summary = newValue }
    }
    /// A date written after the identifier that is not one ("08/6/20210"): the
    /// citation keeps no year, and the writer is told (`dateFinding`).
    public internal(set) var mistypedDate: String? {
        get { fields.mistypedDate }
        set { makeUnique(); fields.mistypedDate = newValue }
    }

    /// The fields, in one object that the copies of a citation share, copied on write. A document's citations
    /// are held by the document, the citation graph and the record (three lists of about 190,000 at 10,000
    /// documents); as a struct of about 220 bytes each copy held and retained every field of its own, a sixth of
    /// a full build's peak memory.
    private var fields: Fields

    private final class Fields: @unchecked Sendable { // changed only through `makeUnique`, when not shared
        let written: String
        let text: String
        let number: DocumentNumber
        let typeWord: String?
        let date: DocumentDate?
        let issuer: String?
        let linkRange: Range<Int>
        var summary: String?
        var mistypedDate: String?

        init(written: String, text: String, number: DocumentNumber, typeWord: String?, date: DocumentDate?, issuer: String?,
             linkRange: Range<Int>, summary: String?, mistypedDate: String?) {
            (self.written, self.text, self.number, self.typeWord, self.date, self.issuer) = (written, text, number, typeWord, date, issuer)
            (self.linkRange, self.summary, self.mistypedDate) = (linkRange, summary, mistypedDate)
        }

        func copy() -> Fields {
            Fields(written: written, text: text, number: number, typeWord: typeWord, date: date, issuer: issuer, linkRange: linkRange,
                   summary: summary, mistypedDate: mistypedDate)
        }
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
    }

    public init(written: String, text: String, number: DocumentNumber, typeWord: String?, date: DocumentDate?, issuer: String?,
                linkRange: Range<Int>, summary: String? = nil, mistypedDate: String? = nil) {
        fields = Fields(written: written, text: text, number: number, typeWord: typeWord, date: date, issuer: issuer,
                        linkRange: linkRange, summary: summary, mistypedDate: mistypedDate)
    }

    public static func == (a: Citation, b: Citation) -> Bool {
        a.fields === b.fields
            || (a.written == b.written && a.text == b.text && a.number == b.number && a.typeWord == b.typeWord && a.date == b.date
                && a.issuer == b.issuer && a.linkRange == b.linkRange && a.summary == b.summary && a.mistypedDate == b.mistypedDate)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(written)
        hasher.combine(text)
        hasher.combine(number)
        hasher.combine(typeWord)
        hasher.combine(date)
        hasher.combine(issuer)
        hasher.combine(linkRange)
        hasher.combine(summary)
        hasher.combine(mistypedDate)
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
