@testable import CongkhaiDomain

/// A procedure as the national portal exports it: "Key: value" lines, then
/// title-case headings. Scored on the parts a clerk checks.
enum ProcedureFixtures {
    static let portalExport = """
    Tên thủ tục: Thủ tục cấp giấy phép hoạt động in xuất bản phẩm
    Mã thủ tục: 2.002288
    Số quyết định: 461/QĐ-BVH
    Cấp thực hiện: Cấp Tỉnh
    Loại thủ tục: TTHC được luật giao quy định chi tiết
    Lĩnh vực: Xuất bản, In và Phát hành
    Đối tượng thực hiện: Tổ chức, Doanh nghiệp
    Cơ quan thực hiện: Sở Văn hóa tỉnh Sông Lam
    Cơ quan có thẩm quyền: Không có thông tin
    Địa chỉ tiếp nhận hồ sơ: Trung tâm Phục vụ hành chính công tỉnh Sông Lam
    Cơ quan được ủy quyền: Không có thông tin
    Cơ quan phối hợp: Không có thông tin
    Kết quả thực hiện: Giấy phép hoạt động in

    ## Trình Tự Thực Hiện

    Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.

    Bước 2: Sở thẩm định và cấp giấy phép.

    ## Cách Thức Thực Hiện

    | Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí |
    |---|---|---|
    | Trực tiếp | 07 ngày làm việc | Không |

    ## Thành Phần Hồ Sơ

    - Đơn đề nghị cấp giấy phép: 01 bản.

    ## Yêu Cầu, Điều Kiện Thực Hiện

    Không có thông tin

    ## Căn Cứ Pháp Lý

    Nghị định số 60/2014/NĐ-CP ngày 19/6/2014 của Chính phủ.
    """

    static let expected: [String: String] = [
        "code": "2.002288", "name": "Cấp giấy phép hoạt động in xuất bản phẩm", "field": "Xuất bản, In và Phát hành", "level": "Cấp Tỉnh",
        "agency": "Sở Văn hóa tỉnh Sông Lam", "competentAgency": "", "coordinatingAgency": "",
        "submissionAddress": "Trung tâm Phục vụ hành chính công tỉnh Sông Lam", "announcedBy": "461/QĐ-BVH",
        "applicants": "Tổ chức, Doanh nghiệp", "result": "Giấy phép hoạt động in", "sections": "1 3 4 5 6 7 8 12", "missing": "",
    ]

    /// The title the build passes: with no heading, the first words of the first paragraph.
    static func read(_ body: String) -> [String: String] {
        let firstParagraph = body.components(separatedBy: "\n\n")[0]
        let words = firstParagraph.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(20).joined(separator: " ")
        let title = firstParagraph.contains("\n") ? words + "…" : firstParagraph
        let (p, _) = ProcedureReader().read(values: [:], title: title, body: body)
        func text(_ s: Procedure.Section) -> String {
            switch p.sections[s] {
            case .text(let t)?, .markdown(let t)?: return t
            case nil: return ""
            }
        }
        return [
            "code": p.code ?? "", "name": p.name ?? "", "field": p.field ?? "", "level": p.level ?? "", "agency": p.agency ?? "",
            "competentAgency": p.competentAgency ?? "", "coordinatingAgency": p.coordinatingAgency ?? "",
            "submissionAddress": p.submissionAddress ?? "", "announcedBy": p.announcedBy?.number ?? "",
            "applicants": text(.applicants), "result": text(.result),
            "sections": Procedure.Section.allCases.filter { p.has($0) }.map { String($0.rawValue) }.joined(separator: " "),
            "missing": p.missingParts.joined(separator: ", "),
        ]
    }
}
