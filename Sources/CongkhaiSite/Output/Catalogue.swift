import CongkhaiDomain

/// `api/documents.json`: the open catalogue, one entry per document, in URL order.
enum Catalogue {
    static func documents(_ corpus: Corpus, attachmentsByDocument: [String: [AttachmentFile]]) -> String {
        let entries = corpus.documents.map { doc -> JSONValue in
            let m = doc.metadata
            let files = attachmentsByDocument[doc.source] ?? doc.attachments
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
                ("source", .string(doc.source)),
            ])
        }
        return JSONValue.object([("count", .int(entries.count)), ("documents", .array(entries))]).serialized()
    }
}
