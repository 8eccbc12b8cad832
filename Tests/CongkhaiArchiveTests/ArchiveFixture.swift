import CongkhaiArchive
import CongkhaiSite
import Foundation
import Testing
import ZIPFoundation

/// A small site of a fictional department, built into a temporary folder, with helpers to
/// archive it, verify the result and tamper with it.
struct ArchiveFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var site: URL { root.appendingPathComponent("Site") }
    var output: URL { root.appendingPathComponent("Archives") }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let theme = repository.appendingPathComponent("Themes/default")
    static let day = "2024-06-30"

    static let documents: [String: String] = [
        "site.yml": """
        name: Sở Thông tin và Truyền thông tỉnh Sông Lam
        parent: Ủy ban nhân dân tỉnh Sông Lam
        place: Sông Lam
        base_url: https://stttt.songlam.gov.vn/cong-khai/
        """,
        "2023/ke-hoach-so-hoa.md": """
        ---
        type: KH
        number: 12/KH-STTTT
        date: 2023-03-02
        title: Số hóa hồ sơ lưu trữ của Sở năm 2023
        attachments: [bieu-mau.pdf]
        ---
        Kế hoạch số hóa hồ sơ lưu trữ, thực hiện trong năm 2023.
        """,
        "2023/bieu-mau.pdf": "%PDF-1.4 biểu mẫu giả định\n",
        "2023/bao-cao-quy-1.md": """
        ---
        type: BC
        number: 30/BC-STTTT
        date: 2023-04-10
        title: Kết quả số hóa quý I năm 2023
        ---
        Báo cáo kết quả thực hiện Kế hoạch số 12/KH-STTTT ngày 02/3/2023.
        """,
        "2024/ke-hoach-chuyen-doi-so.md": """
        ---
        type: KH
        number: 5/KH-STTTT
        date: 2024-01-15
        title: Chuyển đổi số trong cơ quan năm 2024
        ---
        Kế hoạch chuyển đổi số, tiếp nối Kế hoạch số 12/KH-STTTT ngày 02/3/2023.
        """,
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-archive-test-\(UUID().uuidString)")
        for (path, text) in Self.documents {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let report = try SiteBuilder(.init(content: content, theme: Self.theme, output: site)).build()
        #expect(report.written)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func options(year: Int? = nil, key: URL? = nil, output: URL? = nil, day: String = ArchiveFixture.day) throws -> Archiver.Options {
        Archiver.Options(site: site, output: output ?? self.output, date: try SnapshotDate.resolve(day: day, environment: [:]),
                         year: year, signingKey: key, content: content, theme: Self.theme)
    }

    @discardableResult
    func archive(year: Int? = nil, key: URL? = nil, output: URL? = nil, day: String = ArchiveFixture.day) throws -> Archiver.Result {
        try Archiver(options(year: year, key: key, output: output, day: day)).run()
    }

    func verify(_ file: URL, key: URL? = nil) throws -> Verifier.Report {
        try Verifier(file: file, publicKey: key).run()
    }

    func keys() throws -> (privateKey: URL, publicKey: URL) {
        try ArchiveKeys.generate(into: root.appendingPathComponent("keys-\(UUID().uuidString)"))
    }

    /// The entries of a zip, in order, with their bytes.
    static func entries(of zip: URL) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: zip, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    /// Writes a copy of a snapshot with entries changed, left out or added, the way someone editing
    /// it with an ordinary zip tool would: same time and permissions, so only the content differs.
    static func rewrite(_ zip: URL, to copy: URL, change: (String, Data) -> Data? = { $1 }, adding extra: [(String, Data)] = []) throws {
        let date = try SnapshotDate.resolve(day: day, environment: [:]).instant
        try? FileManager.default.removeItem(at: copy)
        let target = try Archive(url: copy, accessMode: .create)
        for (path, data) in try entries(of: zip) + extra {
            guard let changed = change(path, data) else { continue }
            try target.addEntry(with: path, type: .file, uncompressedSize: Int64(changed.count), modificationDate: date,
                                permissions: 0o644, compressionMethod: .deflate) { position, size in
                changed.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func problems(_ report: Verifier.Report) -> String { report.problems.map(\.description).joined(separator: "\n") }
}
