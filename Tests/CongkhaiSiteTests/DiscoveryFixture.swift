import Foundation
import Testing

/// A small site for the feeds, sitemap, catalogue and list tests: two years,
/// three types, a notice, a replaced decision, a procedure, a document without
/// any date, and values that a spreadsheet would take for formulas.
enum DiscoveryFixture {
    static let baseURL = "https://stttt.songmay.gov.vn/cong-khai/"

    static func config(baseURL: String? = DiscoveryFixture.baseURL, pageSize: Int? = nil) -> String {
        var text = """
        name: Sở Thông tin và Truyền thông
        parent: Ủy ban nhân dân tỉnh Sông Mây
        place: Sông Mây
        """
        if let baseURL { text += "\nbase_url: \(baseURL)" }
        if let pageSize { text += "\npage_size: \(pageSize)" }
        return text
    }

    static func doc(_ type: String, _ number: String, date: String?, published: String? = nil, title: String,
                    extra: String = "") -> String {
        let quoted = "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
        var front = "type: \(type)\nnumber: \"\(number)\"\ntitle: \(quoted)\nissuer: Sở Thông tin và Truyền thông tỉnh Sông Mây\n"
        if let date { front += "date: \(date)\n" }
        if let published { front += "published: \(published)\n" }
        return "---\n" + front + extra + "---\nNội dung của văn bản.\n"
    }

    static let files: [String: String] = [
        "2024/ke-hoach-chuyen-doi-so.md": doc("KH", "12/KH-STTTT", date: "2024-02-05", published: "2024-02-07",
                                              title: "Thực hiện chuyển đổi số năm 2024", extra: "field: Chuyển đổi số\n"),
        "2024/ke-hoach-an-toan.md": doc("KH", "30/KH-STTTT", date: "2024-05-20", title: "Bảo đảm an toàn thông tin mạng"),
        "2024/bao-cao-quy-1.md": doc("BC", "45/BC-STTTT", date: "2024-04-02", published: "2024-04-03",
                                     title: "=HYPERLINK(\"http://x\",\"Kết quả quý I, năm 2024\")"),
        "2024/thong-bao-lich-tiep.md": doc("TB", "07/TB-STTTT", date: "2024-11-28", published: "2024-12-01",
                                           title: "Lịch tiếp công dân tháng 12 năm 2024"),
        "2023/quyet-dinh-cu.md": doc("QĐ", "58/QĐ-STTTT", date: "2023-05-05", title: "Ban hành Quy chế tiếp công dân"),
        "2024/quyet-dinh-moi.md": doc("QĐ", "90/QĐ-STTTT", date: "2024-09-10", title: "-Ban hành Quy chế tiếp công dân (sửa đổi)",
                                      extra: "replaces: [\"58/QĐ-STTTT (2023)\"]\n"),
        "2023/bao-cao-nam.md": doc("BC", "101/BC-STTTT", date: "2023-12-20", title: "Tổng kết công tác năm 2023 & <phương hướng>"),
        "khac/cong-van-khong-ngay.md": doc("CV", "200/STTTT-VP", date: nil, title: "V/v rà soát số liệu"),
        "thu-tuc/cap-phep.md": """
        ---
        type: TTHC
        code: "1.004492"
        title: Cấp giấy phép hoạt động in
        field: Xuất bản, In và Phát hành
        announced_by: {number: "45/QĐ-UBND", date: 2024-03-18}
        ---
        """,
    ]

    /// Runs a Python snippet with feedparser from a virtual environment under
    /// ~/.cache/congkhai (made the first time, as .ci/wacz-check.sh does).
    static func feedparser(_ script: String, arguments: [String]) throws -> String {
        let venv = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/congkhai/feed-venv")
        let python = venv.appendingPathComponent("bin/python").path
        if !FileManager.default.isExecutableFile(atPath: python)
            || (try? run(python, ["-c", "import feedparser"])) == nil {
            _ = try run("/usr/bin/env", ["python3", "-m", "venv", venv.path])
            _ = try run(venv.appendingPathComponent("bin/pip").path, ["install", "-q", "feedparser"])
        }
        return try run(python, ["-c", script] + arguments)
    }

    struct Failed: Error, CustomStringConvertible { let description: String }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(executable) \(arguments.prefix(2)) failed: " + (String(data: error, encoding: .utf8) ?? ""))
        }
        return String(data: output, encoding: .utf8) ?? ""
    }
}
