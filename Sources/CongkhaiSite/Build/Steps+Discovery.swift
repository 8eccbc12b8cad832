import CongkhaiDomain
import Foundation

/// The outputs that let people find and follow the site from outside it:
/// feeds, the sitemap and robots.txt (all need absolute addresses, so a
/// `base_url`), and the pages that help them narrow down within it.
extension BuildStep {
    /// Said once when there is no base_url, since three outputs are left out for it.
    static let noBaseURLNotice = "feeds (feed.atom), sitemap.xml and robots.txt were not written because site.yml has no base_url; "
        + "add 'base_url: https://…/' (the address the site is published at) to site.yml to make them"

    static let feeds = BuildStep("writing feeds") { state in
        guard state.config.baseURL != nil else {
            state.notices.append(noBaseURLNotice)
            state.progress.notice(noBaseURLNotice)
            return
        }
        for (path, text) in FeedSet(records: state.records, config: state.config, strings: state.theme.strings).files() {
            state.sink.write(path, text)
        }
    }

    /// After every step that adds pages to the route table (the archive page).
    static let sitemap = BuildStep("writing the sitemap and robots.txt") { state in
        guard let baseURL = state.config.baseURL else { return }
        let entries = Sitemap.entries(pages: state.pages, records: state.records)
        for (path, text) in Sitemap(baseURL: baseURL).files(entries) { state.sink.write(path, text) }
        state.sink.write(Routes.robots, RobotsFile.text(baseURL: baseURL))
    }
}

extension BuildStep {
    /// `danh-muc-cong-khai/` and its CSV twin.
    static let disclosureCatalogue = BuildStep("writing the disclosure catalogue", dependsOnRecordsOnly: true) { state in
        let page = DisclosurePage(frame: state.pageFrame, records: state.records)
        state.writePages(page.all())
        state.sink.write(Routes.disclosureCatalogueCSV, page.csv())
    }

    static let recentPages = BuildStep("writing the recently posted list", dependsOnRecordsOnly: true) { state in
        state.writePages(RecentPage(frame: state.pageFrame, records: state.records).all())
    }

    static let notFoundPage = BuildStep("writing the 404 page") { state in
        state.writePages([NotFoundPage(frame: state.pageFrame).render])
    }
}
