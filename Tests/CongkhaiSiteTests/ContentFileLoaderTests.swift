import Foundation
import Testing
import CongkhaiDomain
@testable import CongkhaiSite

/// A document over the size limit is named and left out without being read.
@Suite struct ContentFileLoaderTests {
    @Test func aThreeGigabyteFileIsRefusedWithoutBeingRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-large-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        FileManager.default.createFile(atPath: url.path, contents: Data("# Tiêu đề\n".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 3 * 1024 * 1024 * 1024) // sparse: no disk space used
        try handle.close()
        guard case .failure(let error) = ContentFileLoader.load(url, path: "lon.md") else {
            Issue.record("a 3 GB file was read"); return
        }
        #expect(error.file == "lon.md" && error.message.contains("limit"))
    }

    @Test func aFileWithinTheLimitIsReadWhole() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-small-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("Nội dung.\n".utf8).write(to: url)
        #expect(try ContentFileLoader.load(url, path: "a.md", limit: 64).get() == Data("Nội dung.\n".utf8))
        #expect(throws: Diagnostic.self) { try ContentFileLoader.load(url, path: "a.md", limit: 4).get() }
        #expect(throws: Diagnostic.self) { try ContentFileLoader.load(url.appendingPathExtension("khong-co"), path: "b.md").get() }
    }
}
