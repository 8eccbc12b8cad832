@testable import CongkhaiDomain

/// One recognition fixture: a document as some converter left it, and what a
/// clerk reads from it. Only the fields named in `expected` are scored; an
/// empty string means "nothing should be read here".
struct RecognitionFixture: Sendable {
    let name: String
    let text: String
    let expected: [RecognitionField: String]
}

/// The fields a clerk reads from a printed document.
enum RecognitionField: String, CaseIterable, Sendable {
    case type, number, date, place, issuer, parent, title, signer, signerTitle, recipients, appendices, citations
}

/// Reads a fixture the way the build does (layout, then type from the number,
/// then citations in body and appendices) and compares field by field.
enum RecognitionHarness {
    static let types = DocumentTypeTable([
        DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo"),
        DocumentType(code: "QĐ", name: "Quyết định"), DocumentType(code: "TB", name: "Thông báo"),
        DocumentType(code: "CV", name: "Công văn"), DocumentType(code: "HD", name: "Hướng dẫn"),
        DocumentType(code: "TTr", name: "Tờ trình"), DocumentType(code: "NQ", name: "Nghị quyết"),
        DocumentType(code: "CT", name: "Chỉ thị"), DocumentType(code: "NĐ", name: "Nghị định"),
        DocumentType(code: "TT", name: "Thông tư"), DocumentType(code: "CĐ", name: "Công điện"),
    ])

    /// What was read, as text comparable with the expected table.
    static func read(_ fixture: RecognitionFixture) -> [RecognitionField: String] {
        let layout = LayoutRecognizer(types: types).recognize(Substring(fixture.text), firstLine: 1)
        let m = layout.metadata
        var type = m.type
        if type == nil, let number = m.number {
            type = number.type(in: types) ?? (m.title?.hasPrefix("V/v") == true || number.style == .state ? types.lookup("CV") : nil)
        }
        if type == nil, m.title?.hasPrefix("V/v") == true { type = types.lookup("CV") }
        let texts = [layout.body.map(\.text).joined(separator: "\n")]
            + layout.appendices.map { $0.lines.map(\.text).joined(separator: "\n") }
        let cited = texts.flatMap { citations(in: $0, own: m.number, year: m.year) }
        return [
            .type: type?.code ?? "",
            .number: m.number?.written ?? "",
            .date: m.date?.iso ?? "",
            .place: m.place ?? "",
            .issuer: m.issuer ?? "",
            .parent: m.parentIssuer ?? "",
            .title: m.title ?? "",
            .signer: m.signer ?? "",
            .signerTitle: m.signerTitle.joined(separator: " / "),
            .recipients: m.recipients.joined(separator: " | "),
            .appendices: String(layout.appendices.count),
            .citations: cited.joined(separator: " "),
        ]
    }

    /// Identifier keys with their year ("12/KH-UBND@2024", "@?" without one), as the site
    /// lists them; a document never cites itself.
    static func citations(in text: String, own: DocumentNumber?, year: Int?) -> [String] {
        CitationScanner().scan(text)
            .filter { c in !(own.map { $0.key == c.number.key && (c.year == nil || c.year == year) } ?? false) }
            .map { $0.number.key + "@" + ($0.year.map(String.init) ?? "?") }
    }

    struct Miss: CustomStringConvertible {
        let fixture: String, field: RecognitionField, expected: String, read: String
        var description: String { "\(fixture).\(field.rawValue): expected '\(expected)', read '\(read)'" }
    }

    static func score(_ fixtures: [RecognitionFixture]) -> (right: Int, total: Int, misses: [Miss]) {
        var right = 0, total = 0
        var misses: [Miss] = []
        for fixture in fixtures {
            let read = read(fixture)
            for field in RecognitionField.allCases {
                guard let expected = fixture.expected[field] else { continue }
                total += 1
                if read[field] == expected {
                    right += 1
                } else {
                    misses.append(Miss(fixture: fixture.name, field: field, expected: expected, read: read[field] ?? ""))
                }
            }
        }
        return (right, total, misses)
    }
}
