/// `index.json` beside a document's or procedure's `index.html`: the page as
/// data. It is the record's catalogue entry, made by the very function that
/// makes its item in `api/documents.json` or `api/procedures.json` (one
/// serialisation of the record, reused), with the rendered text the page shows.
enum JSONTwin {
    static func json(_ record: DocumentRecord) -> String {
        guard record.procedure == nil, case .object(let fields) = Catalogue.entry(record) else {
            return Catalogue.procedureEntry(record).serialized()
        }
        // Links in the HTML are relative to the page, and so to this file beside it.
        let appendices = record.text.appendices.map { a in
            JSONValue.object([("id", .string(a.id)), ("title", .string(a.title)), ("subtitle", .optional(a.subtitle)),
                              ("html", .string(a.html))])
        }
        return JSONValue.object(fields + [("bodyHTML", .string(record.text.bodyHTML)), ("appendices", .array(appendices))]).serialized()
    }
}
