import CongkhaiDomain

/// Checks on a document's citations once its metadata is known (issue 13).
/// Self-contained so that the reader needs one call after scanning citations:
/// `document.checkCitations()` in `DocumentReader.read`.
extension Document {
    /// Drops mentions of the document's own number (a header repeated on an
    /// attached page, an appendix's "Kèm theo ..." line), and warns about a
    /// date after an identifier whose year is mistyped ("08/6/20210").
    public mutating func checkCitations() {
        let own = metadata.number
        let year = metadata.year
        citations.removeAll { $0.citation.names(own, year: year) }
        for located in citations {
            guard let finding = located.citation.dateFinding else { continue }
            diagnostics.append(Diagnostic(.warning, file: source, line: located.line, finding.key, finding.arguments))
        }
    }

    /// Technical standards and regulations named in the body and appendices
    /// ("QCVN 03:2023/BCA"), each once, in order of first mention: references
    /// of their own kind, for the citation pages and the catalogue.
    func findStandards() -> [TechnicalStandard] {
        var seen: Set<String> = []
        return ([body.text] + appendices.map(\.body.text)).flatMap(TechnicalStandard.scan).filter { seen.insert($0.key).inserted }
    }
}
