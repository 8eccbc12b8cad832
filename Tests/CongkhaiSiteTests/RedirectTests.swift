import CongkhaiMessages
import CongkhaiDomain
@testable import CongkhaiSite
import Foundation
import Testing

@Suite struct RedirectTests {
    @Test func redirectsFileReadsOldAndNewAddresses() {
        let text = """
        # Kế hoạch được đánh số lại
        van-ban/2020/545-kh-stttt-vp/: van-ban/2020/546-kh-stttt-vp/
        /tin-tuc/ke-hoach-cu.html: /van-ban/2021/12-kh-stttt/index.html
        van-ban/2019/7-bc-stttt: https://songlam.gov.vn/luu-tru?so=7&nam=2019
        """
        let (redirects, diagnostics) = RedirectFile.parse(text)
        #expect(diagnostics.isEmpty)
        #expect(redirects.map(\.from) == ["van-ban/2020/545-kh-stttt-vp/", "tin-tuc/ke-hoach-cu.html", "van-ban/2019/7-bc-stttt/"])
        #expect(redirects.map(\.to) == ["van-ban/2020/546-kh-stttt-vp/", "van-ban/2021/12-kh-stttt/",
                                        "https://songlam.gov.vn/luu-tru?so=7&nam=2019"])
        #expect(redirects[1].origin == .file(line: 3) && redirects[1].pagePath == "tin-tuc/ke-hoach-cu.html")
        #expect(redirects[0].pagePath == "van-ban/2020/545-kh-stttt-vp/index.html")
    }

    @Test func badRedirectLinesAreNamedWithTheirLine() {
        let text = """
        ../../etc/passwd: van-ban/2020/1-kh-stttt/
        https://example.gov.vn/cu/: van-ban/2020/1-kh-stttt/
        van-ban/2020/2-kh-stttt/: "javascript:alert(1)"
        van-ban/2020/3-kh-stttt/: van-ban/2020/4-kh-stttt/
        van-ban/2020/5-kh-stttt/: {moi: van-ban/2020/6-kh-stttt/}
        """
        let (redirects, diagnostics) = RedirectFile.parse(text)
        #expect(redirects.map(\.from) == ["van-ban/2020/3-kh-stttt/"])
        #expect(diagnostics.map(\.line) == [1, 2, 3, 5])
        #expect(diagnostics.allSatisfy { $0.file == "redirects.yml" && $0.hint != nil && $0.severity == .warning })
        #expect(diagnostics.first?.message.contains("'../../etc/passwd' is not an address of this site") == true)

        // YAML itself refuses an old address written twice: the whole file is an error that names the line.
        let twice = RedirectFile.parse("van-ban/a/: van-ban/b/\nvan-ban/a/: van-ban/c/\n")
        #expect(twice.redirects.isEmpty && twice.diagnostics.first?.severity == .error && twice.diagnostics.first?.line != nil)

        let broken = RedirectFile.parse("van-ban/a/: [unclosed\n")
        #expect(broken.redirects.isEmpty && broken.diagnostics.count == 1 && broken.diagnostics[0].severity == .error)
        #expect(broken.diagnostics[0].message.contains("not valid YAML"))
        let list = RedirectFile.parse("- van-ban/a/\n- van-ban/b/\n")
        #expect(list.diagnostics.first?.message.contains("'old: new'") == true)
    }

    static let vietnamese = RedirectPage.Strings(title: "Trang đã chuyển địa chỉ", moved: "Trang này đã chuyển đến địa chỉ mới:",
                                                 language: "vi")

    @Test func redirectPageIsRelativeScriptFreeAndEscaped() {
        let page = RedirectPage.render(Redirect(from: "van-ban/2020/545-kh-stttt-vp/", to: "van-ban/2020/546-kh-stttt-vp/", origin: .kept),
                                       baseURL: "https://songlam.gov.vn/cong-khai/", strings: Self.vietnamese)
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=../../../van-ban/2020/546-kh-stttt-vp/index.html">"#))
        #expect(page.contains(#"<link rel="canonical" href="../../../van-ban/2020/546-kh-stttt-vp/index.html">"#))
        #expect(page.contains(#"<a href="../../../van-ban/2020/546-kh-stttt-vp/index.html">"#))
        #expect(page.contains(#"<html lang="vi">"#) && page.contains("Trang đã chuyển địa chỉ"))
        #expect(!page.contains("<script") && !page.contains("style"))

        let file = RedirectPage.render(Redirect(from: "bai-cu.html", to: "https://a.gov.vn/?x=1&y=\"2\"", origin: .kept), baseURL: nil,
                                       strings: .init(title: "This page has moved", moved: "This page has moved to a new address:",
                                                      language: "en"))
        #expect(file.contains(#"content="0; url=https://a.gov.vn/?x=1&amp;y=&quot;2&quot;""#))
        #expect(file.contains("This page has moved"))
        let relative = RedirectPage.render(Redirect(from: "a/b/", to: "c/", origin: .kept), baseURL: nil, strings: Self.vietnamese)
        #expect(relative.contains(#"<link rel="canonical" href="../../c/index.html">"#))
    }

    @Test func renamesAreTheSameSourceAtANewURL() {
        let previous = [RenameDetector.Entry(url: "van-ban/2024/5-kh-stttt/", source: "2024/ke-hoach.md"),
                        RenameDetector.Entry(url: "van-ban/2024/6-bc-stttt/", source: "2024/bao-cao.md"),
                        RenameDetector.Entry(url: "van-ban/2024/7-tb-stttt/", source: "2024/thong-bao.md")]
        let current = [RenameDetector.Entry(url: "van-ban/2025/5-kh-stttt/", source: "2024/ke-hoach.md"),
                       RenameDetector.Entry(url: "van-ban/2024/6-bc-stttt/", source: "2024/bao-cao.md"),
                       RenameDetector.Entry(url: "van-ban/2024/7-tb-stttt/", source: "2024/khac.md")]
        #expect(RenameDetector.renames(previous: previous, current: current)
            == [Redirect(from: "van-ban/2024/5-kh-stttt/", to: "van-ban/2025/5-kh-stttt/", origin: .rename(source: "2024/ke-hoach.md"))])
    }

    static func catalogue(_ entries: [(String, String)]) -> Data {
        let items = entries.map { ["url": $0.0, "source": $0.1] }
        return try! JSONSerialization.data(withJSONObject: ["count": items.count, "documents": items])
    }

    @Test func planFollowsChainsKeepsOldRedirectsAndLetsPagesWin() throws {
        let previous = Self.catalogue([("van-ban/2024/5-kh-stttt/", "2024/ke-hoach.md")])
        let current = Self.catalogue([("van-ban/2025/5-kh-stttt/", "2024/ke-hoach.md"), ("van-ban/2024/9-kh-stttt/", "2024/moi.md")])
        let kept = Data(#"{"redirects": [{"from": "van-ban/2023/1-kh-stttt/", "to": "van-ban/2024/5-kh-stttt/"}]}"#.utf8)
        let file = """
        van-ban/2024/9-kh-stttt/: van-ban/2025/5-kh-stttt/
        tin-tuc/a.html: tin-tuc/b.html
        tin-tuc/b.html: tin-tuc/a.html
        van-ban/2022/3-kh-stttt/: van-ban/2022/khong-co/
        """
        let pages: Set<String> = ["van-ban/2025/5-kh-stttt/index.html", "van-ban/2024/9-kh-stttt/index.html"]
        let plan = RedirectPlan.make(redirectsFile: file, previous: .read(catalogues: [previous, nil], redirects: kept),
                                     current: RenameDetector.entries(catalogue: current)) { pages.contains($0) }
        // 2023/1 → 2024/5 (kept) → 2025/5 (renamed): one hop straight to the page.
        #expect(plan.redirects.map { "\($0.from) → \($0.to)" } == [
            "van-ban/2023/1-kh-stttt/ → van-ban/2025/5-kh-stttt/",
            "van-ban/2024/5-kh-stttt/ → van-ban/2025/5-kh-stttt/",
        ])
        #expect(plan.diagnostics.map(\.line) == [2, 3, 4, 1])
        let messages = plan.diagnostics.map(\.message).joined(separator: "\n")
        #expect(messages.contains("go round in a circle") && messages.contains("is a page of the site")
            && messages.contains("not a page of the site"))
        let json = plan.catalogue
        #expect(json.contains(#""origin": "rename""#) || json.contains(#""origin":"rename""#))
        let again = RedirectPlan.make(redirectsFile: nil, previous: .read(catalogues: [current], redirects: Data(json.utf8)),
                                      current: RenameDetector.entries(catalogue: current)) { pages.contains($0) }
        #expect(again.redirects.map(\.from) == plan.redirects.map(\.from))
        #expect(plan.pages(baseURL: nil, strings: .init(title: "Đã chuyển", moved: "Đã chuyển đến:", language: "vi")).map(\.path)
                == ["van-ban/2023/1-kh-stttt/index.html", "van-ban/2024/5-kh-stttt/index.html"])
    }
}
