import CMimalloc
import CongkhaiDomain
import Foundation

/// A file made from one record and its text: a document's page, its JSON twin. The Markdown step makes them as
/// it renders each text, so that the text is let go as soon as everything made of it is made.
struct RecordFile {
    /// What every file of its kind is made from besides the record and its text (the frame, the version...).
    let sharedInput: String
    var extraInput: (DocumentRecord) -> String = { _ in "" }
    let path: (DocumentRecord) -> String
    /// The file's bytes: a file made as bytes (the JSON twin) is written as it is made.
    let render: (DocumentRecord) -> [UInt8]

    /// Every file made from one record and its text, in the order they are made: adding such an output is
    /// adding it here.
    static func all(_ state: BuildState) -> [RecordFile] { [documentPage(state), jsonTwin(state)] }

    /// A document's or procedure's page. A citation that leads to no document links to its page in the
    /// cited-documents index: that address is an input too.
    static func documentPage(_ state: BuildState) -> RecordFile {
        let frame = state.pageFrame
        var documents = DocumentPage(frame: frame)
        documents.citationPages = CitationPageIndex(state.graph)
        let procedures = ProcedurePage(frame: frame)
        let citationPages = documents.citationPages
        return RecordFile(sharedInput: state.frameKey,
                          extraInput: { record in record.cites.compactMap { citationPages.path(of: $0) }.joined(separator: " ") },
                          path: { Routes.file(of: $0.url) }) { record in
            record.procedure == nil ? documents.renderBytes(record) : procedures.renderBytes(record)
        }
    }
}

extension BuildStep {
    /// The part of the Markdown step that is the search index's (`--timings`): its words and passages.
    static let searchGatheringPart = "the search index's words and passages"

    /// The build's one pass over the texts. Each text is rendered (if the build renders it, else only if an
    /// output needs it), made into its page and JSON twin (`RecordFile.all`) and its words and passages for the
    /// search index (`SearchGathering`), and let go: the texts of a large corpus are never all held at once
    /// (at 10,000 documents they were 200 MB, the build's peak of memory). The documents go four at a time,
    /// those of one context file of the search index, on all cores.
    static let renderMarkdown = BuildStep("rendering Markdown") { state in
        let files = RecordFile.all(state)
        // nothing to gather when the search step keeps the index online whole
        let gathering = state.searchIsKeptWhole() ? nil : state.gatherSearch()
        let search = gathering?.search ?? SearchFiles(records: state.records, procedureTypeName: state.theme.string("procedures"))
        state.progress.count(state.records.count)
        let made = parallelMap(search.textFiles) { file -> (inputs: [(path: String, input: String)], terms: [SearchFiles.Terms]) in
            var inputs: [(path: String, input: String)] = []
            for number in file.members {
                let record = search.documents[number]
                let digest = record.digest
                for output in files { inputs.append(state.writeRecordFile(output, record, digest: digest)) }
            }
            var terms: [SearchFiles.Terms] = []
            if let gathering {
                let started = ProcessInfo.processInfo.systemUptime
                let (found, text) = search.gather(file, patching: gathering.patching, reuse: gathering.reuse)
                if let text { state.sink.write(file.path, text, for: BuildStep.search.name) }
                terms = found
                state.progress.add(ProcessInfo.processInfo.systemUptime - started, to: BuildStep.searchGatheringPart)
            }
            for number in file.members {
                search.documents[number].releaseText()
                state.progress.advance()
            }
            return (inputs, terms)
        }
        for (file, made) in zip(search.textFiles, made) {
            for (path, input) in made.inputs { state.next.pageInputs[path] = input }
            for (number, terms) in zip(file.members, made.terms) { gathering?.gathered[number] = terms }
        }
        state.searchGathering = gathering
        state.finishRendering()
        // The memory of the texts and pages made here goes back to the system before the catalogues and tables are
        // made. With glibc's malloc, which kept it scattered among what stays, this took the peak of a 10,000-document
        // build from 583 MB to 504 MB; mimalloc gives back most of it on its own, and this call (a few ms) the rest.
        mi_collect(true)
    }

    /// `congkhai check`: every text the build would render, rendered for what it finds, and let go.
    static let renderMarkdownOnly = BuildStep("rendering Markdown") { state in
        state.finishRendering()
    }
}

extension BuildState {
    /// Reports what rendering found (rendering each text of `toRender` no output asked for) and keeps it for the
    /// next build. The records' digests are final then: those of rendered texts needed the files they link to.
    func finishRendering() {
        progress.count(toRender.count)
        let found = parallelMap(records) { record -> [Diagnostic]? in
            guard toRender.contains(record.id) else { return nil }
            defer { progress.advance() }
            return record.textSource.findings
        }
        rememberRendering(zip(records, found).compactMap { record, found in found.map { (record, $0) } })
        settleRecordsDigest()
    }

    /// The digest of every record's digest, for the steps that depend on the records only.
    func settleRecordsDigest() {
        recordsDigest = ContentDigest.of(Data(parallelMap(records) { $0.digest }.joined(separator: "\n").utf8))
    }

    /// Whether the search step will keep the index online whole (see `runRemembered`), decided before any text
    /// is read so that none is read for it: never when a text is rendered now (its inputs changed, and they are
    /// the search step's), else when its input is the previous build's and its files are online.
    func searchIsKeptWhole() -> Bool {
        guard toRender.isEmpty, let entry = previous?.steps[BuildStep.search.name] else { return false }
        settleRecordsDigest()
        return entry.input == rememberedInput(BuildStep.search) && entry.files.allSatisfy(sink.isOnline)
    }
}
