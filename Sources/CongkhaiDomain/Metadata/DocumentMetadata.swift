/// What is known about a document, whether read from front matter or from
/// its printed layout. Every field is optional: drafts and old texts lack many.
public struct DocumentMetadata: Sendable, Equatable, Codable {
    public var type: DocumentType?
    public var number: DocumentNumber?
    public var date: DocumentDate?
    public var place: String?
    public var issuer: String?
    public var parentIssuer: String?
    /// The summary (trích yếu) under the type heading, or after "V/v".
    public var title: String?
    public var signer: String?
    /// A rank or degree printed before the signer's name ("Đại tá", "TS."): shown in the
    /// signature block, but not part of the name.
    public var signerRank: String?
    /// The lines above the name: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC".
    public var signerTitle: [String] = []
    public var recipients: [String] = []
    public var attachments: [String] = []
    /// Lĩnh vực: the field of work.
    public var field: String?
    public var status: String?
    /// The day it was posted on the site.
    public var published: DocumentDate?
    public var effective: DocumentDate?

    public init() {}

    /// The year the number belongs to: numbers restart every year.
    public var year: Int? { date?.year ?? number?.year }

    /// Fills every field this one lacks from `fallback`: front matter wins field by field.
    public func filled(from fallback: DocumentMetadata) -> DocumentMetadata {
        var m = self
        m.type = type ?? fallback.type
        m.number = number ?? fallback.number
        m.date = date ?? fallback.date
        m.place = place ?? fallback.place
        m.issuer = issuer ?? fallback.issuer
        m.parentIssuer = parentIssuer ?? fallback.parentIssuer
        m.title = title ?? fallback.title
        m.signer = signer ?? fallback.signer
        if signer == nil { m.signerRank = fallback.signerRank }
        if signerTitle.isEmpty { m.signerTitle = fallback.signerTitle }
        if recipients.isEmpty { m.recipients = fallback.recipients }
        if attachments.isEmpty { m.attachments = fallback.attachments }
        m.field = field ?? fallback.field
        m.status = status ?? fallback.status
        m.published = published ?? fallback.published
        m.effective = effective ?? fallback.effective
        return m
    }
}
