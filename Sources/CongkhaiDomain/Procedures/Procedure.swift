import Foundation
/// An administrative procedure (thủ tục hành chính) as the national database
/// records it (Nghị định 63/2010/NĐ-CP, Art. 8; DOMAIN.md §3).
public struct Procedure: Sendable, Codable {
    /// The front-matter keys of a procedure's parts (README, "Administrative procedures"), as `ProcedureReader` reads them.
    public static let frontMatterKeys = ["code", "level", "agency", "competent_agency", "coordinating_agency", "submission_address",
                                         "online_level", "steps", "hours", "method", "time_limit", "applicants", "result", "fees",
                                         "conditions", "channels", "dossier", "legal_basis", "forms", "announced_by", "history"]

    /// Mã thủ tục, e.g. "1.004492": an opaque string.
    public var code: String?
    public var name: String?
    public var field: String?
    /// Cấp thực hiện (tỉnh, huyện, xã).
    public var level: String?
    public var agency: String?
    public var competentAgency: String?
    public var coordinatingAgency: String?
    public var submissionAddress: String?
    public var onlineLevel: String?
    public var status: Status = .current
    public var statusText: String?
    public var announcedBy: Announcement?
    public var history: [Announcement] = []
    public var channels: [Channel] = []
    public var dossier: [DossierItem] = []
    public var legalBasis: [LegalBasis] = []
    /// Template files named in `forms:`.
    public var forms: [String] = []

    /// Every template file the procedure names, each once, with the words a download link gives it:
    /// a template named in the dossier is called by the document it is for, one named in `forms:` by its file name.
    public var namedForms: [(source: String, label: String)] {
        var names = dossier.compactMap { item in
            item.template.map { (source: $0, label: item.document.prefix(1).lowercased() + item.document.dropFirst()) }
        }
        for form in forms where !names.contains(where: { $0.source == form }) {
            names.append((source: form, label: ((form as NSString).lastPathComponent as NSString).deletingPathExtension))
        }
        return names
    }
    /// Each standard section written as text (front matter) or Markdown (a "##" section).
    public var sections: [Section: SectionText] = [:]
    /// Markdown sections with headings that are not among the standard ones.
    public var otherSections: [OtherSection] = []

    public init() {}

    public enum Status: String, Sendable, Codable {
        case current, amended, replacing, abolished
    }

    /// How a section was given: plain text from front matter, or Markdown from the body.
    public enum SectionText: Sendable, Equatable, Codable {
        case text(String)
        case markdown(String)
    }

    /// The 12 sections of a published procedure, in their usual order.
    public enum Section: Int, Sendable, CaseIterable, Comparable, Codable, CodingKeyRepresentable {
        case steps = 1, hours, method, dossier, timeLimit, applicants, agency, result, fees, forms, conditions, legalBasis

        public static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }

        public var title: String {
            switch self {
            case .steps: return "Trình tự thực hiện"
            case .hours: return "Thời gian tiếp nhận và trả kết quả"
            case .method: return "Cách thức thực hiện"
            case .dossier: return "Thành phần, số lượng hồ sơ"
            case .timeLimit: return "Thời hạn giải quyết"
            case .applicants: return "Đối tượng thực hiện"
            case .agency: return "Cơ quan thực hiện"
            case .result: return "Kết quả thực hiện"
            case .fees: return "Phí, lệ phí"
            case .forms: return "Tên mẫu đơn, mẫu tờ khai"
            case .conditions: return "Yêu cầu, điều kiện thực hiện"
            case .legalBasis: return "Căn cứ pháp lý"
            }
        }

        /// Folded heading starts that name the section ("Thành phần hồ sơ", "Phí, lệ phí"...).
        var headingKeys: [String] {
            switch self {
            case .steps: return ["trinh tu"]
            case .hours: return ["thoi gian tiep nhan"]
            case .method: return ["cach thuc"]
            case .dossier: return ["thanh phan", "ho so"]
            case .timeLimit: return ["thoi han"]
            case .applicants: return ["doi tuong"]
            case .agency: return ["co quan"]
            case .result: return ["ket qua"]
            case .fees: return ["phi", "le phi"]
            case .forms: return ["ten mau", "mau don", "mau to khai"]
            case .conditions: return ["yeu cau", "dieu kien"]
            case .legalBasis: return ["can cu"]
            }
        }

        public static func matching(heading: String) -> Section? {
            var folded = VietnameseText.fold(heading).trimmingScalars(in: .whitespaces)
            // "1. Trình tự thực hiện", "I. ..."
            if let marker = LineText.numbering(folded.uppercased()) {
                folded = folded.dropFirst(marker.marker.count).trimmingScalars(in: .whitespaces)
            }
            return allCases.first { section in section.headingKeys.contains { folded.hasPrefix($0) } }
        }
    }

    /// Parts a procedure must publish (Nghị định 63/2010/NĐ-CP, Art. 8).
    public static let mandatory: [Section] = [.steps, .method, .dossier, .timeLimit, .applicants, .agency, .result]

    /// A section under a heading of its own that is none of the standard twelve.
    public struct OtherSection: Sendable, Equatable, Codable {
        public var title: String
        public var markdown: String
    }

    public struct Channel: Sendable, Equatable, Codable {
        public var channel: String
        public var timeLimit: String?
        public var fee: String?
        public var description: String?
    }

    public struct DossierItem: Sendable, Equatable, Codable {
        public var document: String
        public var template: String?
        public var quantity: String?
    }

    public struct LegalBasis: Sendable, Equatable, Codable {
        public var number: String?
        public var summary: String?
        public var date: String?
        public var issuer: String?
    }

    public struct Announcement: Sendable, Equatable, Codable {
        public var number: String?
        public var date: DocumentDate?
        public var status: String?
        public var note: String?
    }

    public var isAbolished: Bool { status == .abolished }

    /// Whether a section has content, in any of its forms.
    public func has(_ section: Section) -> Bool {
        switch section {
        case .method where !channels.isEmpty: return true
        // a time limit given per channel, or as a column of the method's table
        case .timeLimit where channels.contains(where: { $0.timeLimit != nil }): return true
        // a time limit section of its own answers before the method's text is folded and searched
        case .timeLimit where sections[section] != nil: return true
        case .timeLimit where sections[.method].map(Self.mentionsTimeLimit) == true: return true
        case .dossier where !dossier.isEmpty: return true
        case .legalBasis where !legalBasis.isEmpty: return true
        case .forms where !forms.isEmpty: return true
        case .agency where agency != nil: return true
        default: return sections[section] != nil
        }
    }

    static func mentionsTimeLimit(_ text: SectionText) -> Bool {
        switch text {
        case .text(let s), .markdown(let s): return VietnameseText.fold(s).contains("thoi han giai quyet")
        }
    }

    /// Mandatory parts that are missing, name included.
    public var missingParts: [String] {
        var missing: [String] = []
        if name == nil { missing.append("tên thủ tục (title)") }
        for section in Self.mandatory where !has(section) { missing.append(section.title.lowercased()) }
        return missing
    }
}

import Foundation
