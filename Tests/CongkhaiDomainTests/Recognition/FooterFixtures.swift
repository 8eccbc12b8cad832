/// Signature blocks, recipients and attached forms in the shapes other bodies print.
extension RecognitionFixture {
    static let footers: [RecognitionFixture] = [
        RecognitionFixture(name: "two-part-title-bold-run", text: """
        ỦY BAN DÂN TỘC MIỀN NÚI SÔNG LAM

        Số: 73/TB-UBDT

        Sông Lam, ngày 08 tháng 8 năm 2025

        THÔNG BÁO

        Kết luận của lãnh đạo Ủy ban tại buổi làm việc với huyện Bến Đá

        Nội dung thông báo.

        Nơi nhận:
        - Các Vụ, đơn vị;
        - Lưu: VT, VP.

        **KT. BỘ TRƯỞNG, CHỦ NHIỆM
        PHÓ CHỦ NHIỆM**

        **Thiếu tướng Hoàng Văn Tư**
        """, expected: [
            .type: "TB", .number: "73/TB-UBDT", .date: "2025-08-08", .issuer: "ỦY BAN DÂN TỘC MIỀN NÚI SÔNG LAM",
            .title: "Kết luận của lãnh đạo Ủy ban tại buổi làm việc với huyện Bến Đá", .signer: "Hoàng Văn Tư",
            .signerTitle: "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM", .recipients: "Các Vụ, đơn vị | Lưu: VT, VP", .appendices: "0",
        ]),
        RecognitionFixture(name: "authority-forms", text: """
        BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH LAM HÀ

        Số: 09/TB-BCĐ

        Lam Hà, ngày 1 tháng 10 năm 2025

        THÔNG BÁO

        Phân công nhiệm vụ thành viên Ban Chỉ đạo

        Nội dung.

        Nơi nhận:
        - Thành viên Ban Chỉ đạo;
        - Lưu: VT.

        K/T TRƯỞNG BAN
        PHÓ TRƯỞNG BAN THƯỜNG TRỰC

        ThS. Cao Thị Ngọc Ánh
        """, expected: [
            .type: "TB", .number: "09/TB-BCĐ", .title: "Phân công nhiệm vụ thành viên Ban Chỉ đạo", .signer: "Cao Thị Ngọc Ánh",
            .signerTitle: "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN THƯỜNG TRỰC", .recipients: "Thành viên Ban Chỉ đạo | Lưu: VT",
        ]),
        RecognitionFixture(name: "not-a-deputy-title", text: """
        BAN QUẢN LÝ KHU KINH TẾ SÔNG LAM

        Số: 31/QĐ-BQL

        Sông Lam, ngày 19 tháng 11 năm 2025

        QUYẾT ĐỊNH

        Về việc thành lập Tổ công tác cải cách hành chính

        Điều 1. Thành lập Tổ công tác.

        Điều 2. Quyết định có hiệu lực kể từ ngày ký.

        TUQ. TRƯỞNG BAN
        CHÁNH VĂN PHÒNG

        Đại tá Mạc Văn Khoa
        """, expected: [
            .type: "QĐ", .number: "31/QĐ-BQL", .date: "2025-11-19", .title: "Về việc thành lập Tổ công tác cải cách hành chính",
            .signer: "Mạc Văn Khoa", .signerTitle: "TUQ. TRƯỞNG BAN / CHÁNH VĂN PHÒNG", .recipients: "",
        ]),
        RecognitionFixture(name: "unsigned-copy", text: """
        SỞ NỘI VỤ TỈNH LAM HÀ

        Số: 140/BC-SNV

        Lam Hà, ngày 22 tháng 12 năm 2025

        BÁO CÁO

        Tổng kết công tác thi đua, khen thưởng năm 2025

        Nội dung báo cáo.

        Nơi nhận:
        - UBND tỉnh;
        - Lưu: VT.

        Q. GIÁM ĐỐC
        """, expected: [
            .type: "BC", .number: "140/BC-SNV", .title: "Tổng kết công tác thi đua, khen thưởng năm 2025", .signer: "",
            .signerTitle: "Q. GIÁM ĐỐC", .recipients: "UBND tỉnh | Lưu: VT",
        ]),
        RecognitionFixture(name: "recipients-from-pdf-and-form-after-signature", text: """
        TRƯỜNG CAO ĐẲNG KỸ THUẬT LAM HÀ

        Số: 66/TB-CĐKT

        Lam Hà, ngày 04 tháng 9 năm 2025

        THÔNG BÁO

        Tuyển sinh lớp bồi dưỡng ngắn hạn năm 2025

        Nhà trường thông báo tuyển sinh; mẫu đăng ký kèm theo.

        TL. HIỆU TRƯỞNG
        TRƯỞNG PHÒNG ĐÀO TẠO

        Kiều Văn Nam

        Mẫu số 01

        PHIẾU ĐĂNG KÝ THAM GIA LỚP BỒI DƯỠNG

        Họ và tên: ..........

        Đại diện đơn vị

        (Ký, ghi rõ họ tên)

        NGƯỜI ĐĂNG KÝ

        (Ký, ghi rõ họ tên)
        """, expected: [
            .type: "TB", .number: "66/TB-CĐKT", .title: "Tuyển sinh lớp bồi dưỡng ngắn hạn năm 2025", .signer: "Kiều Văn Nam",
            .signerTitle: "TL. HIỆU TRƯỞNG / TRƯỞNG PHÒNG ĐÀO TẠO", .recipients: "", .appendices: "1",
        ]),
    ]

    /// Identifiers in the body as converters break them, standards, and a document's own number.
    static let bodies: [RecognitionFixture] = [
        RecognitionFixture(name: "broken-identifiers-and-own-number", text: """
        ỦY BAN NHÂN DÂN TỈNH SÔNG LAM

        Số: 12/KH-UBND

        Sông Lam, ngày 15 tháng 01 năm 2025

        KẾ HOẠCH

        Triển khai Nghị định về phòng, chống ma túy

        Căn cứ Nghị định số 144/2021/NĐ- CP ngày 31/12/2021 của Chính phủ; Tờ trình số 02/TTr-CAT- ANCTNB ngày 06/01/2025
        của Công an tỉnh; Quyết định số 45/QĐ-UBND ngày 08/6/20210 của UBND tỉnh.

        Áp dụng QCVN 03:2023/BCA và TCVN 5738:2021 trong thiết kế.

        GIÁM ĐỐC

        Bùi Thế Anh

        PHỤ LỤC I

        (Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND tỉnh)

        | STT | Nội dung |
        |---|---|
        | 1 | Tuyên truyền |
        """, expected: [
            .type: "KH", .number: "12/KH-UBND", .date: "2025-01-15", .title: "Triển khai Nghị định về phòng, chống ma túy",
            .signer: "Bùi Thế Anh", .signerTitle: "GIÁM ĐỐC", .appendices: "1",
            .citations: "144/2021/NĐ-CP@2021 2/TTR-CAT-ANCTNB@2025 45/QĐ-UBND@?",
        ]),
        RecognitionFixture(name: "own-number-on-attached-page", text: """
        SỞ CÔNG THƯƠNG TỈNH LAM HÀ

        Số: 210/BC-SCT

        Lam Hà, ngày 30 tháng 6 năm 2025

        BÁO CÁO

        Tình hình thị trường 6 tháng đầu năm 2025

        Thực hiện Kế hoạch số 210/KH-SCT ngày 05/01/2025, Sở báo cáo như sau.

        Nơi nhận:
        - Bộ Công Thương;
        - Lưu: VT.

        GIÁM ĐỐC

        Lâm Văn Hậu

        PHỤ LỤC

        SỞ CÔNG THƯƠNG TỈNH LAM HÀ – Số: 210/BC-SCT ngày 30/6/2025

        Số liệu thị trường.
        """, expected: [
            .signer: "Lâm Văn Hậu", .appendices: "1", .citations: "210/KH-SCT@2025",
        ]),
    ]
}
