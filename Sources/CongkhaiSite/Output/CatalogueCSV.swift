/// `api/documents.csv` and `api/procedures.csv`: the JSON catalogues as
/// tables for a spreadsheet. Each row is made from the same catalogue entry as
/// the JSON item (`Catalogue.entry`, `Catalogue.procedureEntry`), so the
/// columns are the catalogue's fields, in its order, and cannot drift from it.
extension Catalogue {
    func documentsCSV() -> String {
        Self.csv(documentRecords, Self.entry)
    }

    func proceduresCSV() -> String {
        Self.csv(procedureRecords, Self.procedureEntry)
    }

    /// One column per field of the entry; the header comes from the entry's
    /// keys, which are the same for every record.
    static func csv(_ records: [DocumentRecord], _ entry: (DocumentRecord) -> JSONValue) -> String {
        guard let first = records.first, case .object(let firstFields) = entry(first) else { return "\u{FEFF}" }
        var writer = CSVWriter(header: firstFields.map(\.0))
        // Looked up once per column rather than once per cell.
        let columnSummaries = firstFields.map { summaries[$0.0] }
        writer.append(rowsFor: records) { record in
            guard case .object(let fields) = entry(record) else { return [] }
            return zip(fields, columnSummaries).map { field, summary in cell(field.1, summary: summary) }
        }
        return writer.text
    }

    /// The text of one cell: a list is joined with "; ", and a list of records
    /// (attachments, relations...) keeps the fields that name each item.
    static func cell(_ value: JSONValue, summary: [String]? = nil) -> String {
        switch value {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array(let items): return items.map { cell($0, summary: summary) }.filter { !$0.isEmpty }.joined(separator: "; ")
        case .object(let fields):
            let kept = summary.map { keys in keys.compactMap { key in fields.first { $0.0 == key }?.1 } } ?? fields.map(\.1)
            // "Trực tuyến: 20 ngày làm việc, Không", "replacedBy: 15/QĐ-STTTT".
            let parts = kept.map { cell($0) }.filter { !$0.isEmpty }
            guard let head = parts.first else { return "" }
            return parts.count == 1 ? head : head + ": " + parts.dropFirst().joined(separator: ", ")
        }
    }

    /// For a list of records, the fields a cell shows of each (all of them when not named here).
    static let summaries: [String: [String]] = [
        "attachments": ["url"],
        "cites": ["identifier"],
        "relations": ["type", "identifier"],
        "channels": ["channel", "timeLimit", "fee"],
        "dossier": ["document", "quantity"],
        "legalBasis": ["number"],
        "announcedBy": ["number", "date"],
        "history": ["status", "number", "date"],
    ]
}
