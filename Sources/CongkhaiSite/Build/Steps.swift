import CongkhaiDomain
import Foundation

/// The build, read top to bottom: sources are read, documents recognised, the
/// corpus linked, Markdown rendered, records assembled, then every output is
/// rendered from the records and handed to the sink.
extension BuildStep {
    /// Everything a full build does, in order.
    public static let site: [BuildStep] = check + [planRendering, assembleRecords, renderMarkdown, strayOriginals] + outputs

    /// Reading, recognising and linking: the content's sources.
    static let check: [BuildStep] = [loadConfiguration, readPublished, scanContent, readDocuments, linkCorpus, resolveCitations,
                                     readPlainPages]

    /// Every diagnostic a build gives about the content, and no page rendered: `congkhai check`.
    public static let checkOnly: [BuildStep] = check + [planRendering, assembleRecords, renderMarkdownOnly, strayOriginals]

    /// Every file of the site made from the records without their texts: those made from the texts (pages, twins,
    /// the search index's passages and words) are made by `renderMarkdown`, as each text is rendered.
    static let outputs: [BuildStep] = [search, indexPages, citationPages, procedureLists, plainPageFiles,
                                       catalogues, openDataTables, copyFiles, archivesPage, disclosureCatalogue, recentPages, notFoundPage,
                                       feeds, sitemap, redirects, marker]

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
    /// A rebuild has them in the cache, which describes the site online: decoding its catalogues took seconds.
    static let readPublished = BuildStep("reading the published site's addresses") { state in
        let published = state.options.output.resolvingSymlinksInPath()
        if let previous = state.previous {
            let redirects = try? Data(contentsOf: published.appendingPathComponent(RedirectPlan.cataloguePath))
            let entries = previous.sources.compactMap { path, entry in
                entry.published ? entry.url.map { RenameDetector.Entry(url: $0, source: path) } : nil
            }
            state.published = .init(entries: entries, redirects: RedirectPlan.keptRedirects(redirects))
            return
        }
        func file(_ path: String) -> Data? { try? Data(contentsOf: published.appendingPathComponent(path)) }
        state.published = .read(catalogues: [file(Routes.documentsCatalogue), file(Routes.proceduresCatalogue)],
                                redirects: file(RedirectPlan.cataloguePath))
    }

    static let scanContent = BuildStep("scanning the content folder") { state in
        state.inventory = ContentInventory.scan(state.options.content)
        state.report(state.inventory.diagnostics)
    }

    /// Every content file on all cores; a file that cannot be used is an error, not a document.
    /// A rebuild takes what the cache says of a file whose size, time or bytes did not change.
    /// Plain pages (`PlainPage`) are set apart here, from the bytes read for the document: a step of their own
    /// before this one opened every file of the site once more.
    static let readDocuments = BuildStep("reading documents") { state in
        let reader = DocumentReader(types: state.types)
        let sources = state.inventory.sources
        state.progress.count(sources.count)
        let limit = state.options.maxDocumentBytes
        let citations = CitationPool()
        let readings = parallelMap(sources) { source -> BuildState.SourceReading? in
            defer { state.progress.advance() }
            // A file the build cache knows unchanged was read as a document last time: it still is one.
            if let entry = state.unchangedEntry(source.path) { return .init(cached: entry) }
            if source.path.hasPrefix(PlainPage.folder + "/") { return nil }
            let result: Result<Document, Diagnostic>
            var digest = ""
            if let size = state.inventory.sizes[source.path], size > limit {
                if PlainPage.isPlainPage(path: source.path, head: PlainPage.head(of: source.url)) { return nil }
                result = .failure(Diagnostic(.error, file: source.path, .tooLarge,
                                             ["size": String(size >> 20), "limit": String(limit >> 20)]))
            } else if let data = FileManager.default.contents(atPath: source.url.path) {
                if PlainPage.isPlainPage(path: source.path, head: data.prefix(PlainPage.headLength)) { return nil }
                digest = ContentDigest.of(data)
                if let entry = state.sameBytesEntry(source.path, digest: digest) {
                    return .init(cached: entry)
                }
                result = reader.read(data, path: source.path).map { doc in
                    var doc = doc
                    doc.sourceDigest = digest
                    doc.readKey = state.readKey(of: doc)
                    // what every document keeps until its text is rendered, made small: its Markdown packed, its
                    // citations' fields shared with the mentions that say the same
                    doc.packMarkdown()
                    doc.citations = doc.citations.map { LocatedCitation(citation: citations.share($0.citation), line: $0.line) }
                    return doc
                }
            } else {
                result = .failure(Diagnostic(.error, file: source.path, .unreadable))
            }
            let entry = state.entry(for: result, path: source.path, digest: digest)
            switch result {
            case .success(let doc): return .init(entry: entry, document: doc)
            case .failure(let failure): return .init(entry: entry, failure: failure)
            }
        }
        var documents: [ContentInventory.SourceFile] = []
        for (source, reading) in zip(sources, readings) {
            guard let reading else {
                state.plainSources.append(source)
                continue
            }
            documents.append(source)
            var entry = reading.entry
            if var doc = reading.document {
                state.report(doc.diagnostics)
                doc.diagnostics = []
                state.sourceDigests[doc.source] = doc.sourceDigest
                state.read.append(doc)
            } else if let failure = reading.failure {
                if let (kept, warning) = state.lastGoodVersion(of: failure.file, failure: failure), var doc = kept.document {
                    state.report([warning])
                    doc.diagnostics = []
                    state.sourceDigests[doc.source] = doc.sourceDigest
                    state.keptFromPrevious.insert(doc.id)
                    state.withoutMarkdown.insert(doc.id)
                    state.read.append(doc)
                    entry = kept
                } else {
                    state.report([failure])
                }
            }
            if reading.isCached { state.withoutMarkdown.insert(DocumentID(source.path)) }
            state.next.sources[source.path] = entry
        }
        state.inventory.sources = documents
    }

    static let linkCorpus = BuildStep("linking the corpus") { state in
        let published = Set(state.previous?.sources.filter(\.value.published).map { DocumentID($0.key) } ?? [])
        var corpus = Corpus(state.read, attachments: state.inventory.attachments, published: published)
        state.read = []
        state.report(corpus.diagnostics + corpus.documents.flatMap(\.diagnostics))
        corpus.clearDiagnostics()
        corpus.nameIssuersCanonically(siteName: state.config.name, siteParent: state.config.parent)
        state.corpus = corpus
    }

    static let resolveCitations = BuildStep("resolving citations") { state in
        let graph = CitationGraph(corpus: state.corpus, types: state.types)
        state.corpus.applyStatus(from: graph, repealed: state.theme.string("status_repealed"),
                                 replaced: state.theme.string("status_replaced"))
        state.graph = graph
        state.report(graph.diagnostics)
    }

    /// Which texts this build renders: those whose inputs changed since the previous build (all, in a full
    /// build). The others keep what the previous build found in them (its diagnostics, the files they link to)
    /// and are rendered only if an output asks for them.
    static let planRendering = BuildStep("deciding which texts to render") { state in
        let renderer = DocumentTextRenderer(addresses: state.corpus.addresses, graph: state.graph, strings: state.theme.strings)
        let addressesDigest = state.corpus.addressesDigest
        let keys = parallelMap(state.corpus.documents) { state.renderKey(of: $0, addressesDigest: addressesDigest) }
        var skip = Set<DocumentID>()
        for (doc, key) in zip(state.corpus.documents, keys) {
            state.renderKeys[doc.id] = key
            guard let entry = state.previous?.sources[doc.source] else { continue }
            if entry.renderKey == key || state.keptFromPrevious.contains(doc.id) { skip.insert(doc.id) }
        }
        state.rememberKeptRendering(skipped: skip)
        state.toRender = Set(state.corpus.documents.map(\.id)).subtracting(skip)
        // A document taken from the cache has no Markdown: its file is read again. The others' was packed as read.
        state.renderNow = { doc in
            guard !state.withoutMarkdown.contains(doc.id), let unpacked = doc.unpacked else {
                return state.renderFromSource(doc, renderer: renderer)
            }
            return renderer.render(unpacked)
        }
        state.renderLater = { id in state.corpus[id].map { state.renderFromSource($0, renderer: renderer).0 } ?? RenderedText() }
    }

    /// Records made before their texts are rendered: each record renders its own on first use.
    static let assembleRecords = BuildStep("assembling document records") { state in
        state.records = {
            var assembler = RecordAssembler(corpus: state.corpus, graph: state.graph)
            assembler.renderLater = state.renderLater
            assembler.renderNow = state.renderNow
            assembler.toRender = state.toRender
            assembler.heldTexts = state.heldTexts
            assembler.renderKeys = state.renderKeys
            return parallelMap(state.corpus.documents) { assembler.record($0) }
        }()
        // the assembler (and its copy of the corpus) is gone: the records hold the only copy of the Markdown now,
        // each until its text is rendered
        state.corpus.dropMarkdown()
        state.pages = Routes.allPages(records: state.records, graph: state.graph, config: state.config, plainPages: state.plainPages)
    }

    /// A Word or PDF file that no document names was most likely meant to be imported.
    static let strayOriginals = BuildStep("checking files no document names") { state in
        state.report(StrayOriginals.diagnostics(attachments: state.inventory.attachments.keys,
                                                named: StrayOriginals.named(by: state.records)))
    }

    static let indexPages = BuildStep("writing index pages", dependsOnRecordsOnly: true) { state in
        state.writePages(IndexPages(frame: state.pageFrame, records: state.records).all())
    }

    static let citationPages = BuildStep("writing citation pages", dependsOnRecordsOnly: true) { state in
        state.writePages(CitationPages(frame: state.pageFrame, records: state.records, graph: state.graph).all())
    }

    static let procedureLists = BuildStep("writing procedure lists", dependsOnRecordsOnly: true) { state in
        state.writePages(ProcedureLists(frame: state.pageFrame, records: state.records).all())
    }

    static let catalogues = BuildStep("writing catalogues", dependsOnRecordsOnly: true) { state in
        let catalogue = Catalogue(records: state.records, graph: state.graph)
        let files = [(Routes.documentsCatalogue, catalogue.documents), (Routes.citationsCatalogue, catalogue.citations),
                     (Routes.proceduresCatalogue, catalogue.procedures)]
        parallelForEach(files) { path, make in state.sink.write(path, streaming: make) }
    }

    static let copyFiles = BuildStep("copying assets and attachments") { state in
        // A rebuild keeps a file whose source has the size and time it had (the theme's are in the cache's key).
        let online = state.previous != nil
        for asset in state.theme.assets where !(online && state.sink.keep([asset.path])) { state.sink.copy(asset.url, to: asset.path) }
        var unreadable: [Diagnostic] = []
        for file in state.inventory.attachments.values.sorted(by: { $0.sitePath < $1.sitePath }) {
            state.rememberStamp(of: file.sourcePath)
            if file.size <= state.options.largeAttachmentBytes, state.isUnchanged(file.sourcePath), state.sink.keep([file.sitePath]) {
                continue
            }
            guard FileManager.default.isReadableFile(atPath: file.url.path) else {
                unreadable.append(Diagnostic(.error, file: file.sourcePath, .attachmentUnreadable))
                continue
            }
            if file.size > state.options.largeAttachmentBytes {
                unreadable.append(Diagnostic(.warning, file: file.sourcePath, .attachmentLarge, ["size": String(file.size >> 20)]))
            }
            state.sink.copy(file.url, to: file.sitePath)
        }
        state.report(unreadable)
        state.sink.drain()
        // static/ is copied last and may not replace anything the build made.
        var clashes: [Diagnostic] = []
        for file in state.inventory.staticFiles {
            if state.sink.record(of: file.path) != nil || file.path == OutputStaging.marker {
                clashes.append(Diagnostic(.error, file: ContentInventory.staticFolder + "/" + file.path, .staticClash, ["path": file.path]))
            } else if FileManager.default.isReadableFile(atPath: file.url.path) {
                let source = ContentInventory.staticFolder + "/" + file.path
                state.rememberStamp(of: source)
                if state.isUnchanged(source), state.sink.keep([file.path]) { continue }
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

    /// The marker that says "congkhai made this site", with the build's facts
    /// for the archive, publish and release tools.
    static let marker = BuildStep("writing the site marker") { state in
        state.sink.drain()
        var digests = state.sourceDigests
        for file in state.inventory.attachments.values {
            if let written = state.sink.record(of: file.sitePath) { digests[file.sourcePath] = written.sha256 }
        }
        state.markerDigests = digests
        let marker = SiteMarker(documents: state.records.filter { $0.procedure == nil }.count,
                                procedures: state.records.filter { $0.procedure != nil }.count,
                                leftOut: Set(state.diagnostics.filter { $0.severity == .error }.map(\.file)).sorted(),
                                contentDigest: ContentDigest.ofFiles(digests), themeDigest: state.theme.digest)
        state.sink.write(OutputStaging.marker, marker.json)
    }
}
