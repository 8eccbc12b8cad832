import CongkhaiArchive
import Crypto
import Foundation
import Testing

@Suite struct WACZTests {
    @Test func theWACZHoldsWARCRecordsWithRightDigestsAnIndexPagesAndADataPackage() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let result = try fixture.archive()
        let entries = try ArchiveFixture.entries(of: result.wacz)
        #expect(entries.map(\.path) == ["archive/data.warc", "datapackage-digest.json", "datapackage.json", "indexes/index.cdx",
                                        "pages/pages.jsonl"])
        let files = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.data) })
        let warc = try #require(files["archive/data.warc"])
        let records = try Self.records(warc)
        let page = "https://stttt.songlam.gov.vn/cong-khai/van-ban/2023/12-kh-stttt/index.html"
        let record = try #require(records.first { $0.headers["WARC-Target-URI"] == page })
        #expect(record.headers["WARC-Type"] == "response")
        #expect(record.headers["WARC-Date"] == "2024-06-30T00:00:00Z")
        #expect(record.headers["WARC-Block-Digest"] == "sha256:" + SHA256.hash(data: record.block).hex)
        let split = try #require(record.block.range(of: Data("\r\n\r\n".utf8)))
        let payload = record.block[split.upperBound...]
        #expect(record.headers["WARC-Payload-Digest"] == "sha256:" + SHA256.hash(data: payload).hex)
        #expect(String(decoding: record.block[..<split.lowerBound], as: UTF8.self).contains("Content-Type: text/html; charset=utf-8"))
        #expect(String(decoding: payload, as: UTF8.self).contains("Số hóa hồ sơ lưu trữ của Sở năm 2023"))
        #expect(Set(records.compactMap { $0.headers["WARC-Record-ID"] }).count == records.count, "record ids are unique")

        let index = String(decoding: try #require(files["indexes/index.cdx"]), as: UTF8.self)
        let key = "vn,gov,songlam,stttt)/cong-khai/van-ban/2023/12-kh-stttt/index.html "
        let line = try #require(index.split(separator: "\n").first { $0.hasPrefix(key) })
        #expect(line.contains("20240630000000"))
        let pages = String(decoding: try #require(files["pages/pages.jsonl"]), as: UTF8.self).split(separator: "\n")
        #expect(pages.first?.contains("json-pages-1.0") == true)
        #expect(pages.contains { $0.contains(page) && $0.contains("Số hóa hồ sơ lưu trữ của Sở năm 2023") })

        let packageData = try #require(files["datapackage.json"])
        let package = try #require(try JSONSerialization.jsonObject(with: packageData) as? [String: Any])
        #expect(package["wacz_version"] as? String == "1.1.1")
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.count == 3)
        for resource in resources {
            let path = resource["path"] as? String ?? ""
            let data = try #require(files[path])
            #expect(resource["hash"] as? String == "sha256:" + SHA256.hash(data: data).hex)
        }
        let digestData = try #require(files["datapackage-digest.json"])
        let digest = try #require(try JSONSerialization.jsonObject(with: digestData) as? [String: Any])
        #expect(digest["hash"] as? String == "sha256:" + SHA256.hash(data: packageData).hex)
        #expect(try fixture.verify(result.wacz).ok)
    }

    @Test func aChangedWACZResourceIsNamed() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let result = try fixture.archive()
        let copy = fixture.root.appendingPathComponent("copy.wacz")
        try ArchiveFixture.rewrite(result.wacz, to: copy) { path, data in
            path == "pages/pages.jsonl" ? data + Data("{\"url\": \"https://gia-mao.invalid/\"}\n".utf8) : data
        }
        let report = try fixture.verify(copy)
        #expect(report.problems.map(\.path) == ["pages/pages.jsonl"])
    }

    struct Record {
        var headers: [String: String]
        var block: Data
    }

    /// Reads WARC records back: headers up to a blank line, then Content-Length bytes, then CRLF CRLF.
    static func records(_ warc: Data) throws -> [Record] {
        var records: [Record] = []
        var position = warc.startIndex
        let blank = Data("\r\n\r\n".utf8)
        while position < warc.endIndex {
            let end = try #require(warc.range(of: blank, in: position..<warc.endIndex))
            var headers: [String: String] = [:]
            for line in String(decoding: warc[position..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2 { headers[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
            let length = try #require(Int(headers["Content-Length"] ?? ""))
            let block = warc[end.upperBound..<end.upperBound + length]
            records.append(Record(headers: headers, block: Data(block)))
            position = end.upperBound + length + 4
        }
        return records
    }
}

extension SHA256.Digest {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
