import CongkhaiDomain
import Foundation

/// The build's steps for plain pages (`PlainPage`): set apart before documents
/// are read, read and rendered once documents have their addresses (a plain page
/// may link to them), written with the other pages.
extension BuildStep {
    /// Only the front matter's first lines are looked at here; a file under trang/ is not even opened.
    static let setAsidePlainPages = BuildStep("setting plain pages apart") { state in
        // on all cores: in a large site this opens every file once more
        let isPlain = parallelMap(state.inventory.sources) { source -> Bool in
            var head = Data()
            // A file the build cache knows unchanged was read as a document last time: it still is one.
            if state.unchangedEntry(source.path) != nil { return false }
            if !source.path.hasPrefix(PlainPage.folder + "/"), let handle = try? FileHandle(forReadingFrom: source.url) {
                head = (try? handle.read(upToCount: 4096)) ?? Data()
                try? handle.close()
            }
            return PlainPage.isPlainPage(path: source.path, head: head)
        }
        var documents: [ContentInventory.SourceFile] = []
        for (source, plain) in zip(state.inventory.sources, isPlain) {
            if plain { state.plainSources.append(source) } else { documents.append(source) }
        }
        state.inventory.sources = documents
    }

    static let readPlainPages = BuildStep("reading plain pages") { state in
        var pages: [PlainPage] = []
        var byURL: [String: String] = [:]
        for source in state.plainSources {
            guard let data = FileManager.default.contents(atPath: source.url.path) else {
                state.report([Diagnostic(.error, file: source.path, .unreadable)])
                continue
            }
            switch PlainPage.read(data, path: source.path, types: state.types, addresses: state.corpus.addresses,
                                  tableLabel: state.theme.string("table")) {
            case .failure(let problem): state.report([problem])
            case .success(let (page, diagnostics)):
                state.report(diagnostics)
                state.sourceDigests[source.path] = ContentDigest.of(data)
                if let other = byURL[page.url] {
                    state.report([Diagnostic(.error, file: source.path, .plainPageSameAddress, ["address": page.url, "other": other])])
                    continue
                }
                byURL[page.url] = source.path
                pages.append(page)
            }
        }
        state.plainPages = PlainPage.menuOrder(pages, order: state.config.pageOrder)
    }

    static let plainPageFiles = BuildStep("writing plain pages") { state in
        let frame = state.pageFrame
        let t = frame.theme
        state.writePages(state.plainPages.map { page in {
            var context = frame.context(pagePath: page.url, title: page.title, breadcrumbs: [(page.title, nil)])
            context["description"] = page.description
            context["page"] = ["title": page.title, "html": page.html, "updated": page.updated?.official as Any? ?? false,
                               "updatedISO": page.updated?.iso as Any? ?? false]
            return RenderedPage(path: Routes.file(of: page.url), content: t.render(context, template: "plain"))
        } })
    }
}
