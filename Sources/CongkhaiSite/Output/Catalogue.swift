import CongkhaiDomain

/// `api/documents.json`: the open catalogue, one entry per document, in URL order.
enum Catalogue {
    static func documents(_ corpus: Corpus, graph: CitationGraph) -> String {
        let docs = corpus.documents
        let entries = docs.indices.map { index -> JSONValue in
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
