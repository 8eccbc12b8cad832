extension BuildStep {
    /// The catalogues as CSV, beside the JSON catalogues.
    static let openDataTables = BuildStep("writing open data tables (CSV)", dependsOnRecordsOnly: true) { state in
        let catalogue = Catalogue(records: state.records, graph: state.graph)
        // A table with no rows has no columns either (they come from the entries): none is written.
        if !catalogue.documentRecords.isEmpty { state.sink.write(Routes.documentsCSV, catalogue.documentsCSV()) }
        if !catalogue.procedureRecords.isEmpty { state.sink.write(Routes.proceduresCSV, catalogue.proceduresCSV()) }
    }

    /// Every document's and procedure's JSON twin (`index.json` beside its page); a rebuild
    /// keeps each whose record and text are those of the twin online.
    static let jsonTwins = BuildStep("writing JSON twins") { state in
        state.writeRecordFiles(sharedInput: "json-twin\n" + state.cacheKey, path: { Routes.twin(of: $0.url) }) { JSONTwin.json($0) }
    }
}
