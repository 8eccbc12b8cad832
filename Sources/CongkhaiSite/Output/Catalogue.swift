import CongkhaiDomain

/// The open data: `api/documents.json`, `api/citations.json` and
/// `api/procedures.json`, made from the same records as the pages.
struct Catalogue {
    let records: [DocumentRecord]
    let graph: CitationGraph
    private let byID: [DocumentID: DocumentRecord]

    init(records: [DocumentRecord], graph: CitationGraph) {
        self.records = records
        self.graph = graph
        byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
    }

    /// One entry per document (procedures have their own catalogue), in URL order, piece by piece.
    func documents(into append: (String) -> Void) {
        JSONValue.catalogue("documents", documentRecords, item: Self.entry, into: append)
    }

    /// The documents that are not procedures, in URL order.
    var documentRecords: [DocumentRecord] { records.filter { $0.procedure == nil } }

    /// One document's entry: the catalogue's item, the CSV's row and the page's JSON twin.
    static func entry(_ record: DocumentRecord) -> JSONValue {
        let m = record.metadata
        return .object([
            ("url", .string(record.url)),
            ("type", .optional(m.type?.code)),
            ("typeName", .optional(m.type?.name)),
            ("number", .optional(record.numberWritten)),
            ("symbol", .optional(m.number?.symbol)),
            ("year", .optional(m.year)),
            ("date", .optional(m.date?.iso)),
            ("title", .optional(m.title)),
            ("issuer", .optional(m.issuer)),
            ("parentIssuer", .optional(m.parentIssuer)),
            ("place", .optional(m.place)),
            ("signer", .optional(m.signer)),
            ("signerRank", .optional(m.signerRank)),
            ("signerTitle", .array(m.signerTitle.map(JSONValue.string))),
            ("recipients", .array(m.recipients.map(JSONValue.string))),
            ("field", .optional(m.field)),
            ("status", .optional(m.status)),
            ("published", .optional(m.published?.iso)),
            ("effective", .optional(m.effective?.iso)),
            ("attachments", .array(record.attachments.map { file in
                .object([("url", .string(file.sitePath)), ("name", .string(file.name)),
                         ("format", .string(file.kind)), ("size", .int(file.size))])
            })),
            ("cites", .array(record.cites.map { cite in
                .object([("text", .string(cite.citation.text)), ("identifier", .string(cite.citation.number.key)),
                         ("year", .optional(cite.year)), ("url", .optional(cite.target?.url))])
            })),
            ("standards", .array(record.standards.map { .string($0.written) })),
            ("citedBy", .array(record.citedBy.map { .string($0.url) })),
            ("relations", .array(record.relations.map { r in
                .object([("type", .string(r.isInverse ? r.kind.inverseName : r.kind.rawValue)), ("identifier", .optional(r.identifier)),
                         ("year", .optional(r.year)), ("url", .optional(r.target?.url))])
            })),
            ("source", .string(record.source)),
        ])
    }

    /// Every cited identifier, most cited first, with the documents citing it, piece by piece.
    func citations(into append: (String) -> Void) {
        JSONValue.catalogue("identifiers", graph.identifiers, item: { id in
            let target = id.target.flatMap { byID[$0] }
            return JSONValue.object([
                ("identifier", .string(id.key)),
                ("written", .string(id.written)),
                ("year", .optional(id.year)),
                ("url", .optional(target?.url)),
                ("page", .string(target.map { $0.url + "#" + Routes.citedByAnchor } ?? Routes.citation(id))),
                ("count", .int(id.citing.count)),
                ("citedBy", .array(id.citing.compactMap { byID[$0].map { .string($0.url) } })),
            ])
        }, into: append)
    }
}

extension Catalogue {
    /// Every procedure with its parts, in code order, piece by piece.
    func procedures(into append: (String) -> Void) {
        JSONValue.catalogue("procedures", procedureRecords, item: Self.procedureEntry, into: append)
    }

    /// The procedures, in code order.
    var procedureRecords: [DocumentRecord] {
        records.filter { $0.procedure != nil }
            .sorted { ($0.procedure?.code ?? "", $0.source) < ($1.procedure?.code ?? "", $1.source) }
    }

    /// One procedure's entry: the catalogue's item, the CSV's row and the page's JSON twin.
    static func procedureEntry(_ doc: DocumentRecord) -> JSONValue {
        func text(_ t: Procedure.SectionText?) -> JSONValue {
            switch t { case .text(let s)?, .markdown(let s)?: return .string(s); case nil: return .null }
        }
        let p = doc.procedure!
        return .object([
            ("code", .optional(p.code)), ("name", .optional(p.name)), ("url", .string(doc.url)),
            ("field", .optional(p.field)), ("level", .optional(p.level)),
            ("agency", .optional(p.agency)), ("competentAgency", .optional(p.competentAgency)),
            ("coordinatingAgency", .optional(p.coordinatingAgency)), ("submissionAddress", .optional(p.submissionAddress)),
            ("onlineLevel", .optional(p.onlineLevel)), ("status", .string(p.status.rawValue)), ("statusText", .optional(p.statusText)),
            ("steps", text(p.sections[.steps])), ("hours", text(p.sections[.hours])), ("method", text(p.sections[.method])),
            ("channels", .array(p.channels.map { .object([("channel", .string($0.channel)), ("timeLimit", .optional($0.timeLimit)),
                                                         ("fee", .optional($0.fee)), ("description", .optional($0.description))]) })),
            ("dossier", .array(p.dossier.map {
                .object([("document", .string($0.document)), ("template", .optional($0.template)),
                         ("quantity", .optional($0.quantity))])
            })),
            ("dossierText", text(p.sections[.dossier])),
            ("timeLimit", text(p.sections[.timeLimit])), ("applicants", text(p.sections[.applicants])),
            ("result", text(p.sections[.result])), ("fees", text(p.sections[.fees])),
            ("forms", .array(p.forms.map(JSONValue.string))), ("conditions", text(p.sections[.conditions])),
            ("legalBasis", .array(p.legalBasis.map { .object([("number", .optional($0.number)), ("summary", .optional($0.summary)),
                                                             ("date", .optional($0.date)), ("issuer", .optional($0.issuer))]) })),
            ("legalBasisText", text(p.sections[.legalBasis])),
            ("announcedBy", p.announcedBy.map { a in
                .object([("number", .optional(a.number)), ("date", .optional(a.date?.iso))])
            } ?? .null),
            ("history", .array(p.history.map { h in .object([("number", .optional(h.number)), ("date", .optional(h.date?.iso)),
                                                             ("status", .optional(h.status)), ("note", .optional(h.note))]) })),
            ("missing", .array(p.missingParts.map(JSONValue.string))),
            ("source", .string(doc.source)),
        ])
    }
}

extension RelationKind {
    /// The relation seen from the other document, for the catalogue.
    var inverseName: String {
        switch self {
        case .replaces: return "replacedBy"
        case .amends: return "amendedBy"
        case .corrects: return "correctedBy"
        case .repeals: return "repealedBy"
        case .implements: return "implementedBy"
        case .basedOn: return "basisOf"
        }
    }
}
