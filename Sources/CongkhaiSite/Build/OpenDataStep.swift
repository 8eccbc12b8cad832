extension BuildStep {
    /// The open data beside the JSON catalogues: the catalogues as CSV, and
    /// every document's and procedure's JSON twin (`index.json` beside its page).
    static let openData = BuildStep("writing open data (CSV, JSON twins)") { state in
        let catalogue = Catalogue(records: state.records, graph: state.graph)
        // A table with no rows has no columns either (they come from the entries): none is written.
        if !catalogue.documentRecords.isEmpty { state.sink.write(Routes.documentsCSV, catalogue.documentsCSV()) }
        if !catalogue.procedureRecords.isEmpty { state.sink.write(Routes.proceduresCSV, catalogue.proceduresCSV()) }
        state.writePages(state.records.map { record in {
            RenderedPage(path: Routes.twin(of: record.url), content: JSONTwin.json(record))
        } })
    }
}
