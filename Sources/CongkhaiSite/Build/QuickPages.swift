import CongkhaiDomain
import Foundation

/// The preview's shortcut for the edit staff make most: a sentence of a document's text changed,
/// nothing a list or a link shows of it. The page of that document is made at once from the
/// last build, still in memory (its corpus, citation graph, theme and records), and served
/// while the rebuild that follows brings the rest of the site (its JSON twin, the search
/// index) up to date. Zola's and Hugo's preview servers re-render the changed page first in
/// the same way; a whole rebuild of ten thousand documents takes seconds.
///
/// The page is the one the rebuild makes, because it is made by the same code from the same
/// inputs: what reading the file gave, but the body, is the same as before (`ReadDigest`,
/// the build's own test for keeping lists as they are), so linking gives the same address,
/// status, issuer's name and citation targets. A test compares it with a full build's page.
public struct QuickPage: Sendable {
    /// The page's file in the site: "van-ban/2020/545-kh-stttt-vp/index.html".
    public let path: String
    public let html: String
}

/// What the shortcut keeps of the last build.
final class LastBuild: @unchecked Sendable {
    let state: BuildState
    /// Made on first use, then kept for the next edits: each one reads the whole corpus.
    private lazy var assembler = RecordAssembler(corpus: state.corpus, graph: state.graph)
    private lazy var renderer = DocumentTextRenderer(addresses: state.corpus.addresses, graph: state.graph,
                                                     strings: state.theme.strings)
    private lazy var pages: (document: DocumentPage, procedure: ProcedurePage) = {
        let frame = state.pageFrame
        var document = DocumentPage(frame: frame)
        document.citationPages = CitationPageIndex(state.graph)
        return (document, ProcedurePage(frame: frame))
    }()
    private let lock = NSLock()

    init(_ state: BuildState) {
        self.state = state
    }

    /// The new page of each changed content file, or nil when any of them is not a document
    /// of the last build whose text alone changed: the rebuild must then run before the preview changes.
    func quickPages(changed paths: [String]) -> [QuickPage]? {
        lock.lock(); defer { lock.unlock() }
        var pages: [QuickPage] = []
        for path in paths {
            guard let page = quickPage(path) else { return nil }
            pages.append(page)
        }
        return pages
    }

    private func quickPage(_ path: String) -> QuickPage? {
        let id = DocumentID(path)
        guard path.hasSuffix(".md"), !state.keptFromPrevious.contains(id), let linked = state.corpus[id],
              let before = state.next.sources[path]?.document,
              let data = FileManager.default.contents(atPath: state.options.content.appendingPathComponent(path).path),
              data.count <= state.options.maxDocumentBytes,
              case .success(var read) = DocumentReader(types: state.types).read(data, path: path),
              read.diagnostics == before.diagnostics, ReadDigest.of(read) == ReadDigest.of(before) else { return nil }
        // What linking made of the document stays (its facts are the same); the text is the new one.
        read.url = linked.url
        read.metadata = linked.metadata
        read.readKey = linked.readKey
        read.sourceDigest = ContentDigest.of(data)
        read.diagnostics = [] // reported by the rebuild that follows, as every build does
        Corpus.resolveAttachments(&read, attachments: state.corpus.attachments)
        read.rendered = renderer.render(read).0
        let record = assembler.record(read)
        let html = record.procedure == nil ? pages.document.render(record) : pages.procedure.render(record)
        return QuickPage(path: Routes.file(of: record.url), html: html)
    }
}

extension KeptCache {
    /// For the preview: the new pages of `paths` (content paths of documents whose text alone changed
    /// since the last build), made from that build; nil when the shortcut does not apply.
    public func quickPages(changed paths: [String]) -> [QuickPage]? {
        lastBuild?.quickPages(changed: paths)
    }
}
