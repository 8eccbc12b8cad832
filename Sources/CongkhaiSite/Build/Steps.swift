import CongkhaiDomain
import Foundation

/// The build, read top to bottom: sources are read, documents recognised, the
/// corpus linked, Markdown rendered, records assembled, then every output is
/// rendered from the records and handed to the sink.
extension BuildStep {
    /// Everything a full build does, in order.
    public static let site: [BuildStep] = check + [renderMarkdown, assembleRecords, strayOriginals] + outputs

    /// Reading, recognising and linking: the content's sources.
    static let check: [BuildStep] = [loadConfiguration, readPublished, scanContent, readDocuments, linkCorpus, resolveCitations]

    /// Every diagnostic a build gives about the content, and no page rendered: `congkhai check`.
    public static let checkOnly: [BuildStep] = check + [renderMarkdown, assembleRecords, strayOriginals]

    /// Every file of the site, each made from the records.
    static let outputs: [BuildStep] = [documentPages, indexPages, citationPages, procedureLists, catalogues, search, copyFiles,
                                       archivesPage, redirects, marker]

    static let loadConfiguration = BuildStep("loading the configuration and theme") { state in
        let (config, diagnostics, digest) = SiteConfig.load(contentDirectory: state.options.content)
        state.config = config
        if let digest { state.sourceDigests[SiteConfig.fileNames[0]] = digest }
        state.report(diagnostics)
        state.types = try DocumentTypeTable.bundled().adding(config.extraTypes)
        state.theme = try Theme.load(state.options.theme, language: config.language)
        if config.name.isEmpty { state.config.name = state.theme.string("unnamed_site") }
    }

    /// The published site's addresses, read before the new corpus fills the memory.
    static let readPublished = BuildStep("reading the published site's addresses") { state in
        let published = state.options.output.resolvingSymlinksInPath()
        state.published = .read(catalogues: [Routes.documentsCatalogue, Routes.proceduresCatalogue, RedirectPlan.cataloguePath]
            .map { try? Data(contentsOf: published.appendingPathComponent($0)) })
    }

    static let scanContent = BuildStep("scanning the content folder") { state in
        state.inventory = ContentInventory.scan(state.options.content)
        state.report(state.inventory.diagnostics)
    }

    /// Every content file on all cores; a file that cannot be used is an error, not a document.
    static let readDocuments = BuildStep("reading documents") { state in
        let reader = DocumentReader(types: state.types)
        let sources = state.inventory.sources
        state.progress.count(sources.count)
        let limit = state.options.maxDocumentBytes
        let results = parallelMap(sources) { source -> Result<Document, Diagnostic> in
            defer { state.progress.advance() }
            if let size = state.inventory.sizes[source.path], size > limit {
                return .failure(Diagnostic(.error, file: source.path,
                                           "the file is \(size >> 20) MB, more than the \(limit >> 20) MB a document may have, "
                                               + "so it is left out",
                                           hint: "a document's text is rarely over 1 MB: check that this is the right file, split it, "
                                               + "or raise the limit with --max-document-size"))
            }
            guard let data = FileManager.default.contents(atPath: source.url.path) else {
                return .failure(Diagnostic(.error, file: source.path, "the file could not be read",
                                           hint: "check that it exists and that you may read it"))
            }
            return reader.read(data, path: source.path).map { doc in
                var doc = doc
                doc.sourceDigest = ContentDigest.of(data)
                return doc
            }
        }
        for result in results {
            switch result {
            case .success(var doc):
                state.report(doc.diagnostics)
                doc.diagnostics = []
                state.sourceDigests[doc.source] = doc.sourceDigest
                state.read.append(doc)
            case .failure(let diagnostic):
                state.report([diagnostic])
            }
        }
    }

    static let linkCorpus = BuildStep("linking the corpus") { state in
        var corpus = Corpus(state.read, attachments: state.inventory.attachments)
        state.read = []
        state.report(corpus.diagnostics + corpus.documents.flatMap(\.diagnostics))
        corpus.clearDiagnostics()
        state.corpus = corpus
    }

    static let resolveCitations = BuildStep("resolving citations") { state in
        let graph = CitationGraph(corpus: state.corpus, types: state.types)
        state.corpus.applyStatus(from: graph, repealed: state.theme.string("status_repealed"),
                                 replaced: state.theme.string("status_replaced"))
        state.graph = graph
        state.report(graph.diagnostics)
    }

    static let renderMarkdown = BuildStep("rendering Markdown") { state in
        let renderer = DocumentTextRenderer(addresses: state.corpus.addresses, graph: state.graph, strings: state.theme.strings)
        state.progress.count(state.corpus.documents.count)
        let diagnostics = state.corpus.renderInPlace { doc in
            defer { state.progress.advance() }
            return renderer.render(doc)
        }
        state.report(diagnostics)
    }

    static let assembleRecords = BuildStep("assembling document records") { state in
        let assembler = RecordAssembler(corpus: state.corpus, graph: state.graph)
        state.records = parallelMap(state.corpus.documents) { assembler.record($0) }
        state.pages = Routes.allPages(records: state.records, graph: state.graph, config: state.config)
    }

    /// A Word or PDF file that no document names was most likely meant to be imported.
    static let strayOriginals = BuildStep("checking files no document names") { state in
        state.report(StrayOriginals.diagnostics(attachments: state.inventory.attachments.keys,
                                                named: StrayOriginals.named(by: state.records)))
    }

    static let documentPages = BuildStep("writing document pages") { state in
        let frame = state.pageFrame
        let documents = DocumentPage(frame: frame)
        let procedures = ProcedurePage(frame: frame)
        state.writePages(state.records.map { record in {
            RenderedPage(path: Routes.file(of: record.url),
                         content: record.procedure == nil ? documents.render(record) : procedures.render(record))
        } })
    }

    static let indexPages = BuildStep("writing index pages") { state in
        state.writePages(IndexPages(frame: state.pageFrame, records: state.records).all())
    }

    static let citationPages = BuildStep("writing citation pages") { state in
        state.writePages(CitationPages(frame: state.pageFrame, records: state.records, graph: state.graph).all())
    }

    static let procedureLists = BuildStep("writing procedure lists") { state in
        state.writePages(ProcedureLists(frame: state.pageFrame, records: state.records).all())
    }

    static let catalogues = BuildStep("writing catalogues") { state in
        let catalogue = Catalogue(records: state.records, graph: state.graph)
        let texts = parallelMap([catalogue.documents, catalogue.citations, catalogue.procedures]) { $0() }
        for (path, text) in zip([Routes.documentsCatalogue, Routes.citationsCatalogue, Routes.proceduresCatalogue], texts) {
            state.sink.write(path, text)
        }
    }

    static let copyFiles = BuildStep("copying assets and attachments") { state in
        for asset in state.theme.assets { state.sink.copy(asset.url, to: asset.path) }
        var unreadable: [Diagnostic] = []
        for file in state.inventory.attachments.values.sorted(by: { $0.sitePath < $1.sitePath }) {
            guard FileManager.default.isReadableFile(atPath: file.url.path) else {
                unreadable.append(Diagnostic(.error, file: file.sourcePath, "this file could not be read, so it is not published",
                                             hint: "check that you may read it (its permissions), then build again"))
                continue
            }
            if file.size > state.options.largeAttachmentBytes {
                unreadable.append(Diagnostic(.warning, file: file.sourcePath,
                                             "this file is \(file.size >> 20) MB; it is published, but citizens on a phone may not "
                                                 + "manage to download it",
                                             hint: "publish a smaller copy (a PDF saved for the web, a scan at 150 dpi) if you can"))
            }
            state.sink.copy(file.url, to: file.sitePath)
        }
        state.report(unreadable)
        state.sink.drain()
        // static/ is copied last and may not replace anything the build made.
        var clashes: [Diagnostic] = []
        for file in state.inventory.staticFiles {
            if state.sink.record(of: file.path) != nil || file.path == OutputStaging.marker {
                clashes.append(Diagnostic(.error, file: ContentInventory.staticFolder + "/" + file.path,
                                          "this file would replace \(file.path), which the build makes; it is not copied",
                                          hint: "rename it or move it to another folder inside static/"))
            } else if FileManager.default.isReadableFile(atPath: file.url.path) {
                state.sink.copy(file.url, to: file.path)
            }
        }
        state.report(clashes)
    }

    /// `luu-tru/`, the snapshots `congkhai archive` made (after the static files, whose key it links to).
    static let archivesPage = BuildStep("writing the archive page") { state in
        var archives = ArchivesPage(frame: state.pageFrame, content: state.options.content)
        archives.hasPublicKey = state.sink.record(of: Routes.archivePublicKey) != nil
        state.report(archives.diagnostics)
        let pages = archives.pages()
        // The page exists only when there are snapshots: the route table learns it here.
        if !pages.isEmpty { state.pages = (state.pages + [Routes.archives]).sorted() }
        state.writePages(pages)
    }

    /// Pages at old addresses (from redirects.yml, and documents that moved since the
    /// published build, whose catalogue is compared with the records) that lead to
    /// the new ones, so that permanent links stay permanent.
    static let redirects = BuildStep("writing redirect pages") { state in
        state.sink.drain()
        let current = state.records.map { RenameDetector.Entry(url: $0.url, source: $0.source) }
        let file = try? String(contentsOf: state.options.content.appendingPathComponent(RedirectFile.name), encoding: .utf8)
        let plan = RedirectPlan.make(redirectsFile: file, previous: state.published, current: current) { state.sink.record(of: $0) != nil }
        state.report(plan.diagnostics)
        let strings = RedirectPage.Strings(state.theme.strings, language: state.config.language)
        let pages = plan.pages(baseURL: state.config.baseURL, strings: strings)
        for page in pages { state.sink.write(page.path, page.html) }
        // Old addresses are pages of the site too: the route table learns them here.
        let folders = pages.map(\.path).filter { $0.hasSuffix("/index.html") }.map { String($0.dropLast("index.html".count)) }
        if !folders.isEmpty { state.pages = Array(Set(state.pages + folders)).sorted() }
        state.sink.write(RedirectPlan.cataloguePath, plan.catalogue)
    }

    /// `tim-kiem/` and its index, made from the records' text (see SearchFiles).
    static let search = BuildStep("writing the search index") { state in
        let files = SearchFiles(records: state.records, procedureTypeName: state.theme.string("procedures")).files()
        for file in files { state.sink.write(file.path, file.text) }
        state.writePages([{ SearchPage(frame: state.pageFrame).render() }])
    }

    /// The marker that says "congkhai made this site", with the build's facts
    /// for the archive, publish and release tools.
    static let marker = BuildStep("writing the site marker") { state in
        state.sink.drain()
        var digests = state.sourceDigests
        for file in state.inventory.attachments.values {
            if let written = state.sink.record(of: file.sitePath) { digests[file.sourcePath] = written.sha256 }
        }
        let marker = SiteMarker(documents: state.records.filter { $0.procedure == nil }.count,
                                procedures: state.records.filter { $0.procedure != nil }.count,
                                leftOut: Set(state.diagnostics.filter { $0.severity == .error }.map(\.file)).sorted(),
                                contentDigest: ContentDigest.ofFiles(digests), themeDigest: state.theme.digest)
        state.sink.write(OutputStaging.marker, marker.json)
    }
}
