import CongkhaiDomain
import Foundation

/// The build, step by step: load the configuration and the theme, read the
/// documents, link the corpus, render the pages, write them beside the old
/// site and swap the new site in.
public struct SiteBuilder {
    public struct Options {
        public var content: URL
        public var theme: URL
        public var output: URL
        /// Warnings fail the build too.
        public var strict = false
        public var progress: BuildProgress = .silent

        public init(content: URL, theme: URL, output: URL, strict: Bool = false, progress: BuildProgress = .silent) {
            self.content = content
            self.theme = theme
            self.output = output
            self.strict = strict
            self.progress = progress
        }
    }

    public let options: Options

    public init(_ options: Options) {
        self.options = options
    }

    public func build() throws -> BuildReport {
        let started = Date()
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure("the content folder \(options.content.path) does not exist; give it with --content")
        }
        try checkOutputIsSafe()

        // Sources are loaded
        let progress = options.progress
        let (config, configDiagnostics) = SiteConfig.load(contentDirectory: options.content)
        let types = try DocumentTypeTable.bundled().adding(config.extraTypes)
        let theme = try Theme.load(options.theme, language: config.language)
        let inventory = progress.measure("scanning the content folder") { ContentInventory.scan(options.content) }
        var diagnostics = configDiagnostics + inventory.diagnostics

        // Documents are recognised
        let (documents, readingErrors) = readDocuments(inventory.sources, types: types)
        diagnostics += readingErrors

        // The corpus is linked
        var corpus = progress.measure("linking the corpus") { Corpus(documents, attachments: inventory.attachments) }
        let graph = progress.measure("resolving citations") { CitationGraph(corpus: corpus, types: types) }
        corpus.applyStatus(from: graph)
        diagnostics += corpus.diagnostics + graph.diagnostics

        // Pages are rendered and written
        let staging = try OutputStaging(output: options.output)
        do {
            diagnostics += try writeSite(corpus: corpus, graph: graph, config: config, theme: theme, inventory: inventory, to: staging)
        } catch {
            staging.abandon()
            throw error
        }

        diagnostics.sort { ($0.file, $0.line ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.message) }
        var report = BuildReport(corpus: corpus, diagnostics: diagnostics, output: options.output)
        if options.strict && !diagnostics.isEmpty {
            staging.abandon()
            report.written = false
        } else {
            try progress.measure("replacing the site") { try staging.commit() }
            report.written = true
        }
        report.seconds = Date().timeIntervalSince(started)
        report.timings = progress.timings
        return report
    }

    /// Reads every content file on all cores; a file that cannot be used is an error, not a document.
    func readDocuments(_ sources: [ContentInventory.SourceFile], types: DocumentTypeTable) -> ([Document], [Diagnostic]) {
        let reader = DocumentReader(types: types)
        let progress = options.progress
        progress.begin("reading documents", total: sources.count)
        let results = parallelMap(sources) { source -> Result<Document, Diagnostic> in
            defer { progress.advance() }
            guard let data = FileManager.default.contents(atPath: source.url.path) else {
                return .failure(Diagnostic(.error, file: source.path, "the file could not be read", hint: "check that it exists and that you may read it"))
            }
            return reader.read(data, path: source.path)
        }
        progress.end()
        var documents: [Document] = []
        var errors: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let doc): documents.append(doc)
            case .failure(let diagnostic): errors.append(diagnostic)
            }
        }
        return (documents, errors)
    }

    /// Renders every page on all cores; a writer queue takes them to disk so
    /// that rendering never waits for it. Returns the documents' diagnostics.
    func writeSite(corpus: Corpus, graph: CitationGraph, config: SiteConfig, theme: Theme,
                   inventory: ContentInventory, to staging: OutputStaging) throws -> [Diagnostic] {
        let progress = options.progress
        var frame = PageFrame(site: config, theme: theme)
        frame.hasProcedures = corpus.documents.contains(where: \.isProcedure)
        let documentPage = DocumentPage(frame: frame, corpus: corpus, graph: graph)
        let procedurePages = ProcedurePages(frame: frame, corpus: corpus, graph: graph)
        let writer = PageWriter(staging)
        // Even when a step below fails, no write may still be running when the staging folder is removed.
        defer { writer.drain() }

        progress.begin("writing document pages", total: corpus.documents.count)
        let pageDiagnostics = parallelMap(Array(corpus.documents.indices)) { index -> [Diagnostic] in
            defer { progress.advance() }
            let doc = corpus.documents[index]
            let output = doc.isProcedure ? procedurePages.render(index) : documentPage.render(index)
            writer.write(doc.url + "index.html", output.html)
            return doc.diagnostics + output.diagnostics
        }
        progress.end()

        let catalogues: [() -> RenderedPage] = [
            { RenderedPage(path: "api/documents.json", content: Catalogue.documents(corpus, graph: graph)) },
            { RenderedPage(path: "api/citations.json", content: Catalogue.citations(corpus, graph: graph)) },
            { RenderedPage(path: "api/procedures.json", content: Catalogue.procedures(corpus, graph: graph)) },
        ]
        let indexPages = catalogues + IndexPages(frame: frame, corpus: corpus).all()
            + CitationPages(frame: frame, corpus: corpus, graph: graph).all() + procedurePages.lists()
        progress.begin("writing index pages and catalogues", total: indexPages.count)
        _ = parallelMap(indexPages) { render -> Void in
            defer { progress.advance() }
            let page = render()
            writer.write(page.path, page.content)
        }
        progress.end()

        try progress.measure("copying files and finishing writes") {
            for asset in theme.assets { try staging.copy(asset.url, to: asset.path) }
            for file in inventory.attachments.values.sorted(by: { $0.sitePath < $1.sitePath }) {
                try staging.copy(file.url, to: file.sitePath)
            }
            try writer.finish()
        }
        return pageDiagnostics.flatMap { $0 }
    }

    /// The output folder is replaced whole: it must not hold the sources.
    func checkOutputIsSafe() throws {
        let output = options.output.standardizedFileURL.path
        for (name, url) in [("content", options.content), ("theme", options.theme)] {
            let path = url.standardizedFileURL.path
            if path == output || path.hasPrefix(output + "/") || output == "/" {
                throw BuildFailure("the output folder \(output) contains the \(name) folder and would be replaced; choose another --output")
            }
        }
    }
}

/// What a build did, for the closing summary.
public struct BuildReport {
    public let documentCount: Int
    public let byType: [(String, Int)]
    public let byYear: [(String, Int)]
    public let diagnostics: [Diagnostic]
    public let output: URL
    public var written = false
    public var seconds = 0.0
    public var timings: [(step: String, seconds: Double)] = []

    init(corpus: Corpus, diagnostics: [Diagnostic], output: URL) {
        documentCount = corpus.documents.count
        byType = corpus.types.map { ($0.type?.name ?? "?", $0.documents.count) }
        byYear = corpus.years.map { ($0.year.map(String.init) ?? "?", $0.documents.count) }
        self.diagnostics = diagnostics
        self.output = output
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
