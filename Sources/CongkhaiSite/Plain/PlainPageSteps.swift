import CongkhaiDomain
import Foundation

/// The build's steps for plain pages (`PlainPage`): set apart as documents are
/// read (`readDocuments`), read and rendered once documents have their addresses
/// (a plain page may link to them), written with the other pages.
extension BuildStep {
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
