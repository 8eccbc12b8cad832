import CongkhaiDomain
import Foundation

/// One named step of the build. The builder runs the steps in order, times
/// each, and stamps its name on every problem it reports; adding an output to
/// the site is adding a step to the list.
public struct BuildStep: Sendable {
    public let name: String
    /// The step's files depend only on the records (without their text) and the
    /// page frame: a rebuild in which neither changed keeps the files it made last time.
    let dependsOnRecordsOnly: Bool
    /// The same, for a step that also reads every record's text (the search index).
    let dependsOnRecordsAndTexts: Bool
    let run: @Sendable (BuildState) throws -> Void

    init(_ name: String, dependsOnRecordsOnly: Bool = false, dependsOnRecordsAndTexts: Bool = false,
         _ run: @escaping @Sendable (BuildState) throws -> Void) {
        self.name = name
        self.dependsOnRecordsOnly = dependsOnRecordsOnly
        self.dependsOnRecordsAndTexts = dependsOnRecordsAndTexts
        self.run = run
    }
}

/// What the steps hand on to each other, filled in as the build goes.
/// A step reads what earlier steps left here and adds its own part.
final class BuildState: @unchecked Sendable {
    let options: SiteBuilder.Options
    let sink: PageSink
    var progress: BuildProgress { options.progress }

    var config = SiteConfig()
    var types = DocumentTypeTable([])
    var theme: Theme!
    var inventory = ContentInventory()
    /// Documents as read, before linking.
    var read: [Document] = []
    var corpus: Corpus!
    var graph: CitationGraph!
    /// One record per document, in the corpus's order: what every output is made from.
    var records: [DocumentRecord] = []
    /// Every page of the site, from the route table.
    var pages: [String] = []
    /// The addresses the published site holds, for its redirect pages.
    var published = RedirectPlan.Published()
    /// Content files that are plain pages (under trang/ or `type: trang`), set apart before documents are read.
    var plainSources: [ContentInventory.SourceFile] = []
    /// The plain pages, read and rendered, in menu order.
    var plainPages: [PlainPage] = []
    /// SHA-256 of every content file read (site.yml and documents), by content path.
    var sourceDigests: [String: String] = [:]
    /// What the build says that is not a problem in the content (an output left out, and how to turn it on).
    var notices: [String] = []

    /// The previous build's cache, when this build may trust it (see `BuildCache`).
    var previous: BuildCache?
    /// Its search words, when a process that builds again and again kept them in memory (see `KeptCache`).
    var previousSearchTerms: [String: Substring]?
    /// What this build learns, for the next one.
    var next = BuildCache()
    /// The version, theme, configuration and options: the cache's key.
    var cacheKey = ""
    var contentStamps: FileStamps?
    /// Documents whose file cannot be read now and whose previous version stays online, page and all.
    var keptFromPrevious: Set<DocumentID> = []
    /// Documents taken from the cache, without their Markdown.
    var withoutMarkdown: Set<DocumentID> = []
    /// SHA-256 of every record (without its text), in the corpus's order, for steps that depend on records only.
    var recordsDigest = ""
    /// What each text is rendered from (see `renderKey(of:)`).
    var renderKeys: [DocumentID: String] = [:]
    /// `frameKey` once made: the outputs ask for it again and again, and the corpus no longer changes then.
    var frameKeyMade: String?
    /// The documents whose text this build renders: those whose inputs changed (see `planRendering`).
    var toRender: Set<DocumentID> = []
    /// Renders a text of `toRender`, on first use.
    var renderNow: (@Sendable (Document) -> (RenderedText, [Diagnostic]))?
    /// Renders a text the build does not (its page and the rest are kept), if an output asks for it after all.
    var renderLater: (@Sendable (DocumentID) -> RenderedText)?
    /// What the previous build found in the texts this one does not render: reported by the Markdown step.
    var keptRenderFindings: [Diagnostic] = []
    /// What the Markdown step gathered for the search index, until the search step makes it.
    var searchGathering: SearchGathering?
    /// The rendered texts held at once (see `renderMarkdown`).
    let heldTexts = HeldTexts()
    /// The digests the site marker's content digest is made from, by content path (kept for `TextEdits`).
    var markerDigests: [String: String] = [:]

    private(set) var diagnostics: [Diagnostic] = []
    fileprivate var currentStep = ""
    private let lock = NSLock()

    init(options: SiteBuilder.Options, sink: PageSink) {
        self.options = options
        self.sink = sink
    }

    /// Problems found by the current step; it is named on each.
    func report(_ found: [Diagnostic]) {
        guard !found.isEmpty else { return }
        lock.lock(); defer { lock.unlock() }
        diagnostics += found.map { var d = $0; d.step = d.step ?? currentStep; return d }
    }

    var pageFrame: PageFrame {
        var frame = PageFrame(site: config, theme: theme)
        frame.hasProcedures = corpus.documents.contains(where: \.isProcedure)
        frame.lastUpdated = CitizenFormatting.lastUpdated(corpus.documents.map(\.metadata) + plainPages.map {
            var m = DocumentMetadata()
            m.published = $0.updated
            return m
        })
        frame.plainPages = plainPages.map { ($0.title, $0.url) }
        return frame
    }
}

extension BuildState {
    /// Runs `steps` in order, each timed and named.
    func run(_ steps: [BuildStep]) throws {
        for step in steps {
            currentStep = step.name
            sink.step = step.name
            try progress.measure(step.name) {
                if step.dependsOnRecordsOnly || step.dependsOnRecordsAndTexts { try runRemembered(step) } else { try step.run(self) }
            }
        }
        sink.step = ""
        currentStep = ""
    }

    /// A step that depends only on the records: kept whole from the previous build
    /// when its input is the same, else run and remembered.
    private func runRemembered(_ step: BuildStep) throws {
        let input = rememberedInput(step)
        if let entry = previous?.steps[step.name], entry.input == input, sink.keep(entry.files) {
            report(entry.diagnostics)
            next.steps[step.name] = entry
            return
        }
        let before = diagnostics.count
        try step.run(self)
        sink.drain()
        let found = lock.withLock { Array(diagnostics[before...]) }
        next.steps[step.name] = .init(input: input, files: sink.paths(writtenBy: step.name), diagnostics: found)
    }

    /// What a step that depends on the records only (and perhaps their texts) is made from: the frame, the records'
    /// digest, and the identity of every text.
    func rememberedInput(_ step: BuildStep) -> String {
        let texts = step.dependsOnRecordsAndTexts ? ContentDigest.of(Data(records.map(\.renderKey).joined(separator: "\n").utf8)) : ""
        return ContentDigest.of(Data("\(step.name)\n\(frameKey)\n\(recordsDigest)\n\(texts)".utf8))
    }

    /// Renders pages on all cores and hands each to the sink as it is made.
    func writePages(_ pages: [() -> RenderedPage]) {
        progress.count(pages.count)
        parallelForEach(pages) { render in
            let page = render()
            sink.write(page.path, page.content)
            progress.advance()
        }
    }
}
