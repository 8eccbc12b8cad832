import CongkhaiDomain
import Foundation

/// One named step of the build. The builder runs the steps in order, times
/// each, and stamps its name on every problem it reports; adding an output to
/// the site is adding a step to the list.
public struct BuildStep: Sendable {
    public let name: String
    let run: @Sendable (BuildState) throws -> Void

    init(_ name: String, _ run: @escaping @Sendable (BuildState) throws -> Void) {
        self.name = name
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
    /// SHA-256 of every content file read (site.yml and documents), by content path.
    var sourceDigests: [String: String] = [:]
    /// What the build says that is not a problem in the content (an output left out, and how to turn it on).
    var notices: [String] = []

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
        return frame
    }
}

extension BuildState {
    /// Runs `steps` in order, each timed and named.
    func run(_ steps: [BuildStep]) throws {
        for step in steps {
            currentStep = step.name
            try progress.measure(step.name) { try step.run(self) }
        }
        currentStep = ""
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
