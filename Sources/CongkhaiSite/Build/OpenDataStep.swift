extension BuildStep {
    /// The catalogues as CSV, beside the JSON catalogues.
    static let openDataTables = BuildStep("writing open data tables (CSV)", dependsOnRecordsOnly: true) { state in
        let catalogue = Catalogue(records: state.records, graph: state.graph)
        // A table with no rows has no columns either (they come from the entries): none is written.
        if !catalogue.documentRecords.isEmpty { state.sink.write(Routes.documentsCSV, catalogue.documentsCSV()) }
        if !catalogue.procedureRecords.isEmpty { state.sink.write(Routes.proceduresCSV, catalogue.proceduresCSV()) }
    }

}

extension RecordFile {
    /// A document's or procedure's JSON twin (`index.json` beside its page).
    static func jsonTwin(_ state: BuildState) -> RecordFile {
        RecordFile(sharedInput: "json-twin\n" + state.cacheKey, path: { Routes.twin(of: $0.url) }) { JSONTwin.json($0) }
    }
}
