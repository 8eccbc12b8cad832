import CongkhaiDomain

/// `api/documents.json`: the open catalogue, one entry per document, in URL order.
enum Catalogue {
    static func documents(_ corpus: Corpus, graph: CitationGraph) -> String {
        let docs = corpus.documents
        let entries = docs.indices.filter { !docs[$0].isProcedure }.map { index -> JSONValue in
            let doc = docs[index]
            let m = doc.metadata
            let files = doc.attachments
            return .object([
                ("url", .string(doc.url)),
                ("type", .optional(m.type?.code)),
                ("typeName", .optional(m.type?.name)),
                ("number", .optional(m.number.flatMap { $0.number == nil ? nil : $0.written })),
                ("symbol", .optional(m.number?.symbol)),
                ("year", .optional(m.year)),
                ("date", .optional(m.date?.iso)),
                ("title", .optional(m.title)),
                ("issuer", .optional(m.issuer)),
                ("parentIssuer", .optional(m.parentIssuer)),
                ("place", .optional(m.place)),
                ("signer", .optional(m.signer)),
                ("signerTitle", .array(m.signerTitle.map(JSONValue.string))),
                ("recipients", .array(m.recipients.map(JSONValue.string))),
                ("field", .optional(m.field)),
                ("status", .optional(m.status)),
                ("published", .optional(m.published?.iso)),
                ("effective", .optional(m.effective?.iso)),
                ("attachments", .array(files.map { file in
                    .object([("url", .string(file.sitePath)), ("name", .string(file.sourcePath.split(separator: "/").last.map(String.init) ?? "")),
                             ("format", .string(file.kind)), ("size", .int(file.size))])
                })),
                ("cites", .array(graph.cites[index].map { cite in
                    .object([("text", .string(cite.citation.text)),
                             ("identifier", .string(cite.citation.number.key)),
                             ("year", .optional(cite.target.flatMap { docs[$0].year } ?? cite.citation.year)),
                             ("url", .optional(cite.target.map { docs[$0].url }))])
                })),
                ("citedBy", .array(graph.citedBy[index].map { .string(docs[$0].url) })),
                ("relations", .array(graph.relations[index].map { r in
                    .object([("type", .string(r.kind.rawValue)), ("identifier", .string(r.key)), ("year", .optional(r.year)),
                             ("url", .optional(r.target.map { docs[$0].url }))])
                } + graph.relatedBy[index].map { kind, source in
                    .object([("type", .string(kind.inverseName)),
                             ("identifier", .optional(docs[source].metadata.number.flatMap { $0.number == nil ? nil : $0.key })),
                             ("year", .optional(docs[source].year)), ("url", .string(docs[source].url))])
                })),
                ("source", .string(doc.source)),
            ])
        }
        return JSONValue.object([("count", .int(entries.count)), ("documents", .array(entries))]).serialized()
    }

    /// `api/citations.json`: every cited identifier, most cited first, with the documents citing it.
    static func citations(_ corpus: Corpus, graph: CitationGraph) -> String {
        let docs = corpus.documents
        let entries = graph.identifiers.map { id -> JSONValue in
            .object([
                ("identifier", .string(id.key)),
                ("written", .string(id.written)),
                ("year", .optional(id.year)),
                ("url", .optional(id.target.map { docs[$0].url })),
                ("page", .string(id.target.map { docs[$0].url + "#" + DocumentPage.citedByAnchor } ?? CitationPages.path(of: id))),
                ("count", .int(id.citing.count)),
                ("citedBy", .array(id.citing.map { .string(docs[$0].url) })),
            ])
        }
        return JSONValue.object([("count", .int(entries.count)), ("identifiers", .array(entries))]).serialized()
    }
}

extension Catalogue {
    /// `api/procedures.json`: every procedure with its parts, in code order.
    static func procedures(_ corpus: Corpus, graph: CitationGraph) -> String {
        let procedures = corpus.procedures.sorted { ($0.procedure?.code ?? "", $0.source) < ($1.procedure?.code ?? "", $1.source) }
        func text(_ t: Procedure.SectionText?) -> JSONValue {
            switch t { case .text(let s)?, .markdown(let s)?: return .string(s); case nil: return .null }
        }
        let entries = procedures.map { doc -> JSONValue in
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
                ("dossier", .array(p.dossier.map { .object([("document", .string($0.document)), ("template", .optional($0.template)), ("quantity", .optional($0.quantity))]) })),
                ("dossierText", text(p.sections[.dossier])),
                ("timeLimit", text(p.sections[.timeLimit])), ("applicants", text(p.sections[.applicants])), ("result", text(p.sections[.result])),
                ("fees", text(p.sections[.fees])), ("forms", .array(p.forms.map(JSONValue.string))), ("conditions", text(p.sections[.conditions])),
                ("legalBasis", .array(p.legalBasis.map { .object([("number", .optional($0.number)), ("summary", .optional($0.summary)),
                                                                 ("date", .optional($0.date)), ("issuer", .optional($0.issuer))]) })),
                ("legalBasisText", text(p.sections[.legalBasis])),
                ("announcedBy", p.announcedBy.map { a in .object([("number", .optional(a.number)), ("date", .optional(a.date?.iso))]) } ?? .null),
                ("history", .array(p.history.map { h in .object([("number", .optional(h.number)), ("date", .optional(h.date?.iso)),
                                                                 ("status", .optional(h.status)), ("note", .optional(h.note))]) })),
                ("missing", .array(p.missingParts.map(JSONValue.string))),
                ("source", .string(doc.source)),
            ])
        }
        return JSONValue.object([("count", .int(entries.count)), ("procedures", .array(entries))]).serialized()
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
