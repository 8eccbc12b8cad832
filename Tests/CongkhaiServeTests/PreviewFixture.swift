@testable import CongkhaiServe
import Foundation
import Testing

/// A content folder and a copy of the default theme in a temporary folder,
/// previewed on a free port of 127.0.0.1.
final class PreviewFixture {
    let root: URL
    let preview: Preview
    let server: PreviewServer
    private(set) var port: UInt16 = 0
    private var serving: Task<Void, Error>?

    var content: URL { root.appendingPathComponent("Content") }
    var theme: URL { root.appendingPathComponent("theme") }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let notice = """
    ---
    type: TB
    number: "3/TB-STTTT"
    date: 2024-02-02
    title: Lịch tiếp công dân tháng 2 năm 2024
    ---

    Sở Thông tin và Truyền thông tỉnh Sông Lam thông báo lịch tiếp công dân vào sáng thứ Năm hằng tuần.

    """

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-serve-test-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        let theme = root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Themes/default"), to: theme)
        try Data("name: Sở Thông tin và Truyền thông\nparent: Ủy ban nhân dân tỉnh Sông Lam\nplace: Sông Lam\n".utf8)
            .write(to: content.appendingPathComponent("site.yml"))
        try Data(Self.notice.utf8).write(to: content.appendingPathComponent("thong-bao-tiep-cong-dan.md"))
        // Outside the content folder: no request may ever reach it.
        try Data("BÍ MẬT: không được phục vụ\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
        var options = Preview.Options(content: content, theme: theme)
        options.pollInterval = 0.05
        self.root = root
        preview = Preview(options)
        server = try PreviewServer(preview: preview, host: "127.0.0.1", port: 0)
    }

    /// A fixture served for the time of `body`, stopped and removed however `body` ends.
    static func serving(watching: Bool = false, _ body: (PreviewFixture) async throws -> Void) async throws {
        let fixture = try PreviewFixture()
        do {
            try await fixture.start(watching: watching)
            try await body(fixture)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    /// Builds once and starts serving; `watching` also starts the rebuild-on-change loop.
    func start(watching: Bool = false) async throws {
        let first = preview.rebuild()
        #expect(first.failure == nil, "the first build failed: \(first.failure ?? "")")
        serving = Task { [server] in try await server.run() }
        // Generous: in a full test run other suites keep the concurrency pool busy for a while.
        try await server.waitUntilListening(timeout: 120)
        port = try #require(await server.boundPort())
        if watching { preview.watch { [outcomes] in outcomes.append($0) } }
    }

    /// What each rebuild of the watcher did, in order.
    let outcomes = Outcomes()

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Preview.Outcome] = []
        func append(_ outcome: Preview.Outcome) { lock.withLock { list.append(outcome) } }
        var all: [Preview.Outcome] { lock.withLock { list } }
    }

    func stop() async {
        preview.stopWatching()
        await server.stop()
        serving?.cancel()
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String, in folder: URL? = nil) throws {
        let url = (folder ?? content).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// On a Dispatch thread: a blocking read on the concurrency pool (two
    /// threads on two cores) would starve the server that must answer it.
    func get(_ target: String, method: String = "GET") async throws -> RawHTTP.Answer {
        let port = port
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try RawHTTP.get(target, port: port, method: method) })
            }
        }
    }

    /// The address of the one document page of the site, from the served catalogue.
    func noticePage() async throws -> String {
        let catalogue = try await get("/api/documents.json")
        let json = try #require(try JSONSerialization.jsonObject(with: catalogue.body) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        return "/" + (try #require(documents.first?["url"] as? String))
    }

    /// The build counter as the browser's script reads it.
    func version() async throws -> Int {
        try #require(Int(try await get("/__congkhai/version").text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Waits, at most `seconds`, for the build counter to pass `version`.
    func waitForVersion(after version: Int, seconds: Double = 30) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let now = try await self.version()
            if now > version { return now }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("the build counter stayed at \(version) for \(seconds) s after a change")
        return version
    }
}
