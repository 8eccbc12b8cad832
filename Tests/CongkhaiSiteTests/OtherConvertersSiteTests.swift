import CongkhaiMessages
import CongkhaiSite
import Foundation
import Testing

/// Whole sites built from documents shaped by other bodies and converters
/// (issue 13): one per group of shapes, read the way a clerk reads them.
@Suite struct OtherConvertersSiteTests {
    @Test func headerTableWithCellsRunTogether() throws {
        let site = try SiteFixture(files: ["2025/cong-van.md": """
        | BỘ GIAO THÔNG ĐƯỜNG THỦY ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
        |---|---|
        | Số: 0318/BGT-KHĐT V/v: rà soát danh mục bến thủy nội địa | Lam Hà , ngày 07 tháng01 năm 2025 |

        | Kính gửi: | - Sở Giao thông tỉnh Sông Lam; - Sở Giao thông tỉnh Lam Hà. |
        |---|---|

        Bộ đề nghị các Sở rà soát danh mục bến.

        Nơi nhận :

        Như trên;

        Lưu: VT, KHĐT.

        K/T BỘ TRƯỞNG
        THỨ TRƯỞNG

        Phạm Quang Vinh
        """])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let entry = try site.entry("van-ban/2025/318-bgt-khdt/")
        #expect(entry["number"] as? String == "0318/BGT-KHĐT")
        #expect(entry["type"] as? String == "CV")
        #expect(entry["date"] as? String == "2025-01-07")
        #expect(entry["place"] as? String == "Lam Hà")
        #expect(entry["issuer"] as? String == "BỘ GIAO THÔNG ĐƯỜNG THỦY")
        #expect(entry["title"] as? String == "V/v rà soát danh mục bến thủy nội địa")
        #expect(entry["signer"] as? String == "Phạm Quang Vinh")
        #expect(entry["recipients"] as? [String] == ["Như trên", "Lưu: VT, KHĐT"])
        let page = try site.page("van-ban/2025/318-bgt-khdt/index.html")
        #expect(!page.contains("-------"))
        #expect(page.contains("Sở Giao thông tỉnh Lam Hà"))
    }

    @Test func signatureBlocksWithRanksWithoutNamesAndWithAForm() throws {
        let header = { (number: String, type: String) in
            "CÔNG AN TỈNH LAM HÀ\n\nSố: \(number)\n\nLam Hà, ngày 10 tháng 4 năm 2025\n\n\(type)\n\n"
        }
        let site = try SiteFixture(files: [
            "ranked.md": header("21/TB-CAT", "THÔNG BÁO")
                + "Kết quả tuyển sinh\n\nNội dung.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐại tá Hồ Minh Trí\n",
            "unsigned.md": header("22/TB-CAT", "THÔNG BÁO")
                + "Lịch trực\n\nNội dung.\n\nNơi nhận:\n- Các phòng;\n- Lưu: VT.\n\nTL. GIÁM ĐỐC\nTRƯỞNG PHÒNG THAM MƯU\n",
            "form.md": header("23/TB-CAT", "THÔNG BÁO")
                + "Đăng ký dự thi\n\nMẫu đăng ký kèm theo.\n\nTM. BAN CHỈ HUY\nCHỈ HUY TRƯỞNG\n\nVõ Thành Công\n\n"
                + "Mẫu số 02\n\nPHIẾU ĐĂNG KÝ\n\nĐại diện đơn vị\n\n(Ký, ghi rõ họ tên)\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(try site.entry("van-ban/2025/21-tb-cat/")["signer"] as? String == "Hồ Minh Trí")
        let unsigned = try site.entry("van-ban/2025/22-tb-cat/")
        #expect(unsigned["signer"] is NSNull)
        #expect(unsigned["signerTitle"] as? [String] == ["TL. GIÁM ĐỐC", "TRƯỞNG PHÒNG THAM MƯU"])
        #expect(report.warnings.map(\.english).contains { $0.hasPrefix("unsigned.md:") && $0.contains("has no signer's name") })
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning })
        let form = try site.entry("van-ban/2025/23-tb-cat/")
        #expect(form["signer"] as? String == "Võ Thành Công")
        let page = try site.page("van-ban/2025/23-tb-cat/index.html")
        let signer = try #require(page.range(of: "Võ Thành Công"))
        let formTitle = try #require(page.range(of: "Mẫu số 02"))
        #expect(signer.upperBound < formTitle.lowerBound)
    }

    @Test func brokenIdentifiersStandardsAndOwnNumber() throws {
        let site = try SiteFixture(files: [
            "nd.md": "---\ntype: NĐ\nnumber: \"144/2021/NĐ-CP\"\ndate: 2021-12-31\ntitle: Quy định xử phạt\n---\n\nNội dung.\n",
            "kh.md": """
            ỦY BAN NHÂN DÂN TỈNH LAM HÀ

            Số: 40/KH-UBND

            Lam Hà, ngày 15 tháng 01 năm 2025

            KẾ HOẠCH

            Triển khai quy định xử phạt

            Căn cứ Nghị định số 144/2021/NĐ- CP ngày 31/12/2021 của Chính phủ; áp dụng QCVN 03:2023/BCA.

            CHỦ TỊCH

            Lương Văn Tín

            PHỤ LỤC

            (Kèm theo Kế hoạch số 40/KH-UBND ngày 15/01/2025 của UBND tỉnh)

            Danh mục.
            """,
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let entry = try site.entry("van-ban/2025/40-kh-ubnd/")
        let cites = try #require(entry["cites"] as? [[String: Any]])
        #expect(cites.map { $0["identifier"] as? String } == ["144/2021/NĐ-CP"])
        #expect(cites.first?["url"] as? String == "van-ban/2021/144-2021-nd-cp/")
        let page = try site.page("van-ban/2025/40-kh-ubnd/index.html")
        #expect(page.contains("<a href=\"../../../van-ban/2021/144-2021-nd-cp/index.html\">Nghị định số 144/2021/NĐ- CP</a>"))
        #expect(page.contains("QCVN 03:2023/BCA"))
    }

    @Test func procedureExportedFromTheNationalPortal() throws {
        let site = try SiteFixture(files: ["thu-tuc/cap-phep-in.md": """
        Tên thủ tục: Thủ tục cấp giấy phép hoạt động in xuất bản phẩm
        Mã thủ tục: 2.002288
        Số quyết định: 461/QĐ-BVH
        Cấp thực hiện: Cấp Tỉnh
        Lĩnh vực: Xuất bản, In và Phát hành
        Đối tượng thực hiện: Tổ chức, Doanh nghiệp
        Cơ quan thực hiện: Sở Văn hóa tỉnh Lam Hà
        Cơ quan phối hợp: Không có thông tin
        Kết quả thực hiện: Giấy phép hoạt động in

        ## Trình Tự Thực Hiện

        Bước 1: Nộp hồ sơ.

        ## Cách Thức Thực Hiện

        | Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí |
        |---|---|---|
        | Trực tiếp | 07 ngày làm việc | Không |

        ## Thành Phần Hồ Sơ

        - Đơn đề nghị: 01 bản.

        ## Yêu Cầu, Điều Kiện Thực Hiện

        Không có thông tin
        """])
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.warnings.contains { $0.message.contains("lacks") }, "\(report.warnings)")
        let data = try Data(contentsOf: site.output.appendingPathComponent("api/procedures.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let procedure = try #require((json?["procedures"] as? [[String: Any]])?.first)
        #expect(procedure["code"] as? String == "2.002288")
        #expect(procedure["name"] as? String == "Cấp giấy phép hoạt động in xuất bản phẩm")
        #expect(procedure["field"] as? String == "Xuất bản, In và Phát hành")
        #expect(procedure["applicants"] as? String == "Tổ chức, Doanh nghiệp")
        #expect((procedure["announcedBy"] as? [String: Any])?["number"] as? String == "461/QĐ-BVH")
        let page = try site.page("thu-tuc/2-002288/index.html")
        #expect(!page.contains("Thủ tục Thủ tục") && !page.contains("Thủ tục cấp giấy phép"))
        #expect(!page.contains("Không có thông tin"))
        #expect(page.contains("Bước 1: Nộp hồ sơ."))
    }
}
