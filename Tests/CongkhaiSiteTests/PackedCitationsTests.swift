@testable import CongkhaiDomain
@testable import CongkhaiSite
import Foundation
import Testing

/// The build cache stores a document's citations as one packed string, or as arrays when a value holds a mark.
@Suite struct PackedCitationsTests {
    struct Holder: Codable {
        @PackedCitations var citations: [LocatedCitation]
    }

    static let found = CitationScanner().scan("""
    Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin trực tuyến; \
    Chỉ thị số 19-CT/TU.
    """, details: true)

    func roundTrip(_ citations: [LocatedCitation]) throws -> (stored: String, back: [LocatedCitation]) {
        let data = try JSONEncoder().encode(Holder(citations: citations))
        return (String(decoding: data, as: UTF8.self), try JSONDecoder().decode(Holder.self, from: data).citations)
    }

    @Test func citationsComeBackPackedInOneString() throws {
        let citations = Self.found.enumerated().map { LocatedCitation(citation: $1, line: $0 == 0 ? nil : 7) }
        let (stored, back) = try roundTrip(citations)
        #expect(stored.hasPrefix(#"{"citations":""#))
        #expect(back.map(\.citation) == citations.map(\.citation))
        #expect(back.map(\.line) == [nil, 7])
    }

    @Test func aCitationHoldingAMarkIsStoredAsArrays() throws {
        var fields = Self.found[0].packedFields
        fields[15] = "về \u{E001} lạ"
        let odd = try #require(Citation(packedFields: fields[...]))
        let (stored, back) = try roundTrip([LocatedCitation(citation: odd, line: 3)])
        #expect(stored.hasPrefix(#"{"citations":[{"#))
        #expect(back.map(\.citation) == [odd] && back.map(\.line) == [3])
    }

    @Test func aDamagedPackIsAnError() {
        let damaged = Data(#"{"citations":"1\u{E000}2\u{E001}"}"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Holder.self, from: damaged) }
    }
}
