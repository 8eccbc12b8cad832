@testable import CongkhaiSite
import CongkhaiDomain
import Foundation
import Testing

/// The open data on a fixture site: the CSV catalogues read back by Python's
/// csv module, the JSON twins against the catalogue and the records, and the
/// JSON-LD parsed here and expanded by a JSON-LD processor (pyld).
@Suite struct OpenDataTests {
    static let files = [
        "2024/quyet-dinh-cu.md": """
        ---
        type: QĐ
        number: "15/QĐ-STTTT"
        date: 2024-01-12
        title: Ban hành Quy chế quản lý, sử dụng chữ ký số
        signer: Trần Văn Bình
        field: Chuyển đổi số
        ---
        Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chữ ký số.
        """,
        "2024/quyet-dinh-moi.md": """
        ---
        type: QĐ
        number: "48/QĐ-STTTT"
        date: 2024-06-03
        published: 2024-06-05
        title: Ban hành Quy chế quản lý, sử dụng chữ ký số (thay thế)
        replaces: ["15/QĐ-STTTT (2024)"]
        recipients: [Các phòng thuộc Sở, "Lưu: VT, VP."]
        ---
        Điều 1. Quyết định này thay thế Quyết định số 15/QĐ-STTTT ngày 12/01/2024.
        """,
        "2024/bao-cao.md": """
        ---
        type: BC
        number: "21/BC-STTTT"
        date: 2024-07-01
        title: "=HYPERLINK(\\"http://vi-du.invalid\\",\\"Kết quả\\") sáu tháng đầu năm, \\"đạt\\" kế hoạch"
        ---
        Nội dung báo cáo sáu tháng.
        """,
        "2024/ke-hoach.md": """
        ---
        type: KH
        number: "30/KH-STTTT"
        date: 2024-08-15
        title: "</script><!-- Thử & kiểm tra > tiêu đề ác ý"
        signer: "@Nguyễn Thị Hoa"
        field: "-Cải cách hành chính"
        ---
        Căn cứ Báo cáo số 21/BC-STTTT ngày 01/7/2024 của Sở.
        """,
        "2024/cong-van.md": """
        ---
        type: CV
        number: "102/STTTT-VP"
        date: 2024-09-09
        title: "+Đôn đốc cập nhật dữ liệu; hạn 30/9"
        ---
        Đề nghị các đơn vị cập nhật dữ liệu.
        """,
        "thu-tuc/cap-phep.md": """
        ---
        type: TTHC
        code: "1.009001"
        title: Cấp giấy phép bưu chính
        field: Bưu chính
        agency: Sở Thông tin và Truyền thông tỉnh Hòa Bình
        legal_basis:
          - {number: "48/QĐ-STTTT", summary: "Quy chế chữ ký số", date: 03/6/2024}
        channels:
          - {channel: Trực tiếp, time_limit: 10 ngày làm việc, fee: Không}
        ---
        """,
    ]

    static func built(_ config: String = SiteFixture.siteConfig) throws -> SiteFixture {
        let site = try SiteFixture(files: files, config: config)
        let report = try site.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        return site
    }

    // MARK: CSV

    @Test func documentsCSVReadsBackWithPythonsCSVModule() throws {
        let site = try Self.built()
        defer { site.remove() }
        let data = try Data(contentsOf: site.output.appendingPathComponent("api/documents.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark, so that Excel reads UTF-8")
        #expect(String(decoding: data, as: UTF8.self).contains("\r\n"), "records end in CRLF (RFC 4180)")
        let rows = try Self.pythonCSV(site.output.appendingPathComponent("api/documents.csv"))
        let catalogue = try site.catalogue()
        let header = try #require(rows.first)
        #expect(header.first == "url", "no byte-order mark left in the first column's name")
        #expect(header.contains("title") && header.contains("recipients") && header.contains("relations"))
        #expect(rows.count == catalogue.count + 1)
        func row(_ url: String) throws -> [String: String] {
            let cells = try #require(rows.first { $0.first == url }, "no row for \(url)")
            return Dictionary(uniqueKeysWithValues: zip(header, cells).map { ($0, $1) })
        }
        let newer = try row("van-ban/2024/48-qd-stttt/")
        #expect(newer["title"] == "Ban hành Quy chế quản lý, sử dụng chữ ký số (thay thế)")
        #expect(newer["typeName"] == "Quyết định")
        #expect(newer["recipients"] == "Các phòng thuộc Sở; Lưu: VT, VP.")
        #expect(newer["published"] == "2024-06-05")
        let older = try row("van-ban/2024/15-qd-stttt/")
        #expect(older["relations"] == "replacedBy: 48/QĐ-STTTT", "\(older["relations"] ?? "")")
        // Formula cells begin with an apostrophe; quotes, commas and Vietnamese survive.
        let report = try row("van-ban/2024/21-bc-stttt/")
        #expect(report["title"] == "'=HYPERLINK(\"http://vi-du.invalid\",\"Kết quả\") sáu tháng đầu năm, \"đạt\" kế hoạch")
        let plan = try row("van-ban/2024/30-kh-stttt/")
        #expect(plan["signer"] == "'@Nguyễn Thị Hoa")
        #expect(plan["field"] == "'-Cải cách hành chính")
        #expect(plan["title"] == "</script><!-- Thử & kiểm tra > tiêu đề ác ý")
        let letter = try row("van-ban/2024/102-stttt-vp/")
        #expect(letter["title"] == "'+Đôn đốc cập nhật dữ liệu; hạn 30/9")
        for cells in rows.dropFirst() {
            for cell in cells { #expect(!"=+-@\t\r".contains(cell.first ?? " "), "a formula cell: \(cell)") }
        }
    }

    @Test func proceduresCSVHasOneRowPerProcedure() throws {
        let site = try Self.built()
        defer { site.remove() }
        let rows = try Self.pythonCSV(site.output.appendingPathComponent("api/procedures.csv"))
        #expect(rows.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]).map { ($0, $1) })
        #expect(row["code"] == "1.009001")
        #expect(row["name"] == "Cấp giấy phép bưu chính")
        #expect(row["channels"] == "Trực tiếp: 10 ngày làm việc, Không")
        #expect(row["legalBasis"] == "48/QĐ-STTTT")
    }

    @Test func csvWriterQuotesAndNeutralises() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append(["x,y", "say \"hi\""])
        writer.append(["=1+1", "line\nbreak"])
        writer.append(["-5", "ordinary"])
        writer.append(["\tcmd", "@SUM(A1)"])
        writer.append(["\rx", "Hà Nội"])
        #expect(writer.text == "\u{FEFF}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=1+1,\"line\nbreak\"\r\n'-5,ordinary\r\n"
                    + "'\tcmd,'@SUM(A1)\r\n\"'\rx\",Hà Nội\r\n")
    }

    // MARK: JSON twins

    @Test func jsonStringsReadBackExactlyAndHideMarkup() throws {
        let texts = ["", "Quyết định số 15/QĐ-STTTT", "</script><!-- \"trích\" \\ & >", "dòng\nhai\r\tba\u{01}\u{1F}\u{7F}",
                     "tách\u{2028}đoạn\u{2029}hết", "– — … “” ₫ 😀", "kết thúc bằng <"]
        for text in texts {
            let quoted = JSONString.quote(text)
            #expect(!quoted.contains("<") && !quoted.contains("\u{2028}") && !quoted.contains("\u{2029}"), "\(quoted)")
            let decoded = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String]
            #expect(decoded == [text], "\(quoted)")
        }
        #expect(JSONString.quote("a\u{01}<\u{2028}") == "\"a\\u0001\\u003c\\u2028\"")
    }

    @Test func everyPageHasAJSONTwinThatIsItsCatalogueEntry() throws {
        let site = try Self.built()
        defer { site.remove() }
        for entry in try site.catalogue() {
            let url = try #require(entry["url"] as? String)
            let twin = try Self.json(site, url + "index.json")
            var fields = twin
            let body = try #require(fields.removeValue(forKey: "bodyHTML") as? String)
            fields.removeValue(forKey: "appendices")
            #expect(NSDictionary(dictionary: fields).isEqual(to: entry), "\(url)index.json differs from its catalogue entry")
            #expect(try site.page(url + "index.html").contains(body), "the twin's text is the page's")
            #expect(try site.page(url + "index.html").contains("<link rel=\"alternate\" type=\"application/json\" href=\"index.json\">"))
        }
        let twin = try Self.json(site, "van-ban/2024/48-qd-stttt/index.json")
        #expect(twin["number"] as? String == "48/QĐ-STTTT")
        #expect(twin["date"] as? String == "2024-06-03")
        #expect(twin["title"] as? String == "Ban hành Quy chế quản lý, sử dụng chữ ký số (thay thế)")
        #expect(twin["recipients"] as? [String] == ["Các phòng thuộc Sở", "Lưu: VT, VP."])
        let procedures = try #require(try Self.json(site, "api/procedures.json")["procedures"] as? [[String: Any]])
        let procedure = try #require(procedures.first)
        let procedureTwin = try Self.json(site, "thu-tuc/1-009001/index.json")
        #expect(NSDictionary(dictionary: procedureTwin).isEqual(to: procedure))
        #expect(procedureTwin["name"] as? String == "Cấp giấy phép bưu chính")
    }

    // MARK: JSON-LD

    @Test func jsonLDDescribesEachRecordAndCannotBreakOut() throws {
        let site = try Self.built(SiteFixture.siteConfig + "\nbase_url: https://stttt.hoabinh.example.gov.vn/\n")
        defer { site.remove() }
        let decision = try Self.linkedData(site, "van-ban/2024/48-qd-stttt/")
        #expect(decision["@type"] as? String == "Legislation")
        #expect(decision["legislationIdentifier"] as? String == "48/QĐ-STTTT")
        #expect(decision["legislationDate"] as? String == "2024-06-03")
        #expect(decision["legislationType"] as? String == "Quyết định")
        #expect((decision["legislationPassedBy"] as? [String: Any])?["@type"] as? String == "GovernmentOrganization")
        #expect((decision["legislationLegalForce"] as? [String: Any])?["@id"] as? String == "https://schema.org/InForce")
        let changes = try #require(decision["legislationChanges"] as? [[String: Any]])
        #expect(changes.first?["url"] as? String == "https://stttt.hoabinh.example.gov.vn/van-ban/2024/15-qd-stttt/")
        #expect(decision["@id"] as? String == "https://stttt.hoabinh.example.gov.vn/van-ban/2024/48-qd-stttt/")
        let older = try Self.linkedData(site, "van-ban/2024/15-qd-stttt/")
        #expect((older["legislationLegalForce"] as? [String: Any])?["@id"] as? String == "https://schema.org/NotInForce")
        #expect((older["@reverse"] as? [String: Any])?["legislationChanges"] != nil)
        let report = try Self.linkedData(site, "van-ban/2024/21-bc-stttt/")
        #expect(report["@type"] as? String == "Report")
        #expect(report["reportNumber"] as? String == "21/BC-STTTT")
        let plan = try Self.linkedData(site, "van-ban/2024/30-kh-stttt/")
        #expect(plan["@type"] as? String == "DigitalDocument")
        #expect(plan["name"] as? String == "</script><!-- Thử & kiểm tra > tiêu đề ác ý", "the title survives the escaping")
        let procedure = try Self.linkedData(site, "thu-tuc/1-009001/")
        #expect(procedure["@type"] as? String == "GovernmentService")
        #expect(procedure["serviceType"] as? String == "Bưu chính")
        #expect((procedure["provider"] as? [String: Any])?["name"] as? String == "Sở Thông tin và Truyền thông tỉnh Hòa Bình")
        #expect((procedure["areaServed"] as? [String: Any])?["name"] as? String == "Hòa Bình")
        // The hostile title's page: one script element, data only, nothing after it but its own end tag.
        let html = try site.page("van-ban/2024/30-kh-stttt/index.html")
        let block = try #require(Self.blocks(html).first)
        #expect(!block.contains("<") && !block.contains(">") && !block.contains("&"))
        #expect(html.replacingOccurrences(of: "<script src=\"../../../assets/print.js\" defer>", with: "")
            .components(separatedBy: "<script").count == 2, "no other script element than the theme's print button")
        #expect(html.contains("<script type=\"application/ld+json\">"), "no inline executable script (CSP): JSON-LD is data")
        let trail = try Self.breadcrumbs(site, "van-ban/2024/30-kh-stttt/")
        #expect(trail.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(trail.map { $0["item"] as? String } == ["https://stttt.hoabinh.example.gov.vn/",
                                                       "https://stttt.hoabinh.example.gov.vn/nam/2024/",
                                                       "https://stttt.hoabinh.example.gov.vn/van-ban/2024/30-kh-stttt/"])
    }

    @Test func aConsolidatedTextConsolidatesTheTextsItNames() throws {
        var files = Self.files
        files["2024/hop-nhat.md"] = """
        ---
        type: VBHN
        number: "02/VBHN-STTTT"
        date: 2024-10-01
        title: Quyết định ban hành Quy chế quản lý, sử dụng chữ ký số
        based_on: ["48/QĐ-STTTT (2024)"]
        ---
        Văn bản hợp nhất.
        """
        let types = "\ndocument_types:\n  - {code: VBHN, name: Văn bản hợp nhất}\n"
        let site = try SiteFixture(files: files, config: SiteFixture.siteConfig + types)
        defer { site.remove() }
        #expect(try site.build().errors.isEmpty)
        let consolidated = try Self.linkedData(site, "van-ban/2024/2-vbhn-stttt/")
        #expect(consolidated["@type"] as? String == "Legislation")
        let merged = try #require(consolidated["legislationConsolidates"] as? [[String: Any]])
        #expect(merged.map { $0["name"] as? String } == ["Quyết định 48/QĐ-STTTT"])
        #expect(consolidated["isBasedOn"] == nil)
    }

    @Test func withoutABaseURLTheDataLinksRelativeToThePage() throws {
        let site = try Self.built()
        defer { site.remove() }
        let decision = try Self.linkedData(site, "van-ban/2024/48-qd-stttt/")
        #expect(decision["@id"] == nil)
        #expect(decision["url"] as? String == "../../../van-ban/2024/48-qd-stttt/index.html")
    }

    static let venvPython = FileManager.default.homeDirectoryForCurrentUser
        .appendingPathComponent(".cache/congkhai/jsonld-venv/bin/python").path
    static let checker = SiteFixture.repository.appendingPathComponent(".ci/jsonld-check.py").path

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: venvPython),
                   "pyld is not installed: run .ci/jsonld-check.sh once (it makes ~/.cache/congkhai/jsonld-venv)"))
    func everyJSONLDBlockExpandsToSchemaOrgTermsOnly() throws {
        let site = try Self.built(SiteFixture.siteConfig + "\nbase_url: https://stttt.hoabinh.example.gov.vn/\n")
        defer { site.remove() }
        let result = try Self.run(Self.venvPython, [Self.checker, site.output.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("6 blocks in 6 pages"), "\(result.output)")
        // The checker can fail: a term schema.org does not have is named.
        let page = site.output.appendingPathComponent("van-ban/2024/21-bc-stttt/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        try html.replacingOccurrences(of: "\"reportNumber\"", with: "\"reportNumbr\"").write(to: page, atomically: true, encoding: .utf8)
        let broken = try Self.run(Self.venvPython, [Self.checker, site.output.path])
        #expect(broken.status != 0)
        #expect(broken.output.contains("'https://schema.org/reportNumbr' is not a schema.org term"), "\(broken.output)")
    }

    // MARK: determinism

    @Test func openDataIsByteIdenticalAcrossTwoBuilds() throws {
        let site = try Self.built()
        defer { site.remove() }
        let second = site.root.appendingPathComponent("Site2")
        try site.build(output: second)
        let first = try site.allFiles(), again = try site.allFiles(in: second)
        let data = first.keys.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix("index.html") }
        #expect(data.filter { $0.hasSuffix(".csv") }.count == 3)  // documents, procedures, the disclosure catalogue
        #expect(data.filter { $0.hasSuffix("/index.json") }.count == 6)
        for path in data { #expect(first[path] == again[path], "\(path) differs between two builds") }
    }

    // MARK: helpers

    static func json(_ site: SiteFixture, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: site.output.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The text of every `<script type="application/ld+json">` element.
    static func blocks(_ html: String) -> [String] {
        html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map {
            String($0.components(separatedBy: "</script>")[0])
        }
    }

    static func graph(_ site: SiteFixture, _ page: String) throws -> [[String: Any]] {
        let blocks = Self.blocks(try site.page(page + "index.html"))
        #expect(blocks.count == 1)
        let block = try #require(blocks.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        return try #require(object["@graph"] as? [[String: Any]])
    }

    static func linkedData(_ site: SiteFixture, _ page: String) throws -> [String: Any] {
        try #require(try graph(site, page).first)
    }

    static func breadcrumbs(_ site: SiteFixture, _ page: String) throws -> [[String: Any]] {
        let list = try #require(try graph(site, page).first { $0["@type"] as? String == "BreadcrumbList" })
        return try #require(list["itemListElement"] as? [[String: Any]])
    }

    /// Rows as Python's csv module reads the file (utf-8-sig drops the byte-order mark).
    static func pythonCSV(_ file: URL) throws -> [[String]] {
        let script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))"
        let result = try run("/usr/bin/env", ["python3", "-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-opendata-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }
}
