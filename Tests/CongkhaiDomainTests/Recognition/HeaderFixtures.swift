/// Header shapes left by converters other than the seeds' (fictional bodies).
extension RecognitionFixture {
    static let headers: [RecognitionFixture] = [
        RecognitionFixture(name: "table-cells-run-together", text: """
        | BỘ HẠ TẦNG ĐÔ THỊ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
        |---|---|
        | Số: 2214/BHT-QLN V/v: hướng dẫn kiểm kê quỹ nhà ở công vụ năm 2025 | Hà Nội, ngày 12 tháng 5 năm 2025 |

        | Kính gửi: | - Ủy ban nhân dân các tỉnh Sông Lam, Lam Hà; - Sở Xây dựng các tỉnh. |
        |---|---|

        Thực hiện Quyết định số 88/QĐ-TTg ngày 15/01/2025 của Thủ tướng Chính phủ, Bộ đề nghị các địa phương kiểm kê quỹ nhà.

        Trân trọng./.

        Nơi nhận:
        - Như trên;
        - Lưu: VT, QLN.

        KT. BỘ TRƯỞNG
        THỨ TRƯỞNG

        Lê Văn Khải
        """, expected: [
            .type: "CV", .number: "2214/BHT-QLN", .date: "2025-05-12", .place: "Hà Nội", .issuer: "BỘ HẠ TẦNG ĐÔ THỊ", .parent: "",
            .title: "V/v hướng dẫn kiểm kê quỹ nhà ở công vụ năm 2025", .signer: "Lê Văn Khải", .signerTitle: "KT. BỘ TRƯỞNG / THỨ TRƯỞNG",
            .recipients: "Như trên | Lưu: VT, QLN", .citations: "88/QĐ-TTG@2025",
        ]),
        RecognitionFixture(name: "table-issuer-two-lines-in-a-cell", text: """
        | ỦY BAN NHÂN DÂN TỈNH SÔNG LAM SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do \
        - Hạnh phúc |
        |---|---|
        | Số: 57/KH-SNNMT | Sông Lam, ngày 03 tháng 02 năm 2025 |

        KẾ HOẠCH

        Trồng cây xanh dọc các tuyến đê năm 2025

        I. MỤC ĐÍCH

        Phủ xanh các tuyến đê.

        Nơi nhận:
        - UBND tỉnh (b/c);
        - Lưu: VT.

        GIÁM ĐỐC

        Hà Thị Mai
        """, expected: [
            .type: "KH", .number: "57/KH-SNNMT", .date: "2025-02-03", .place: "Sông Lam", .issuer: "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            .parent: "ỦY BAN NHÂN DÂN TỈNH SÔNG LAM", .title: "Trồng cây xanh dọc các tuyến đê năm 2025", .signer: "Hà Thị Mai",
        ]),
        RecognitionFixture(name: "columns-interleaved", text: """
        UBND TỈNH SÔNG LAM

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

        SỞ TÀI CHÍNH

        Độc lập - Tự do - Hạnh phúc

        Số: 0125/KH-STC

        Sông Lam, ngày 05 tháng 3 năm 2025

        KẾ HOẠCH

        Kiểm tra công tác quyết toán ngân sách năm 2024

        Căn cứ Kế hoạch số 14/KH-UBND ngày 10/01/2025 của UBND tỉnh, Sở Tài chính ban hành kế hoạch như sau:

        I. MỤC ĐÍCH

        Nội dung.

        GIÁM ĐỐC

        Đỗ Minh Tâm
        """, expected: [
            .type: "KH", .number: "0125/KH-STC", .date: "2025-03-05", .place: "Sông Lam", .issuer: "SỞ TÀI CHÍNH",
            .parent: "UBND TỈNH SÔNG LAM",
            .title: "Kiểm tra công tác quyết toán ngân sách năm 2024", .signer: "Đỗ Minh Tâm", .signerTitle: "GIÁM ĐỐC",
            .citations: "14/KH-UBND@2025",
        ]),
        RecognitionFixture(name: "party-header", text: """
        ĐẢNG BỘ TỈNH SÔNG LAM
        ĐẢNG CỘNG SẢN VIỆT NAM
        ĐẢNG ỦY CÁC CƠ QUAN TỈNH
        \\*
        Số 37-HD/ĐUK
        Sông Lam, ngày 20 tháng 6 năm 2025

        HƯỚNG DẪN

        Tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025 - 2027

        Thực hiện Chỉ thị số 12-CT/TU ngày 02/4/2025 của Ban Thường vụ Tỉnh ủy; Đảng ủy hướng dẫn như sau:

        1. Thời gian tổ chức

        Nội dung.

        T/M BAN THƯỜNG VỤ
        PHÓ BÍ THƯ

        Vũ Thị Lan
        """, expected: [
            .type: "HD", .number: "37-HD/ĐUK", .date: "2025-06-20", .place: "Sông Lam", .issuer: "ĐẢNG ỦY CÁC CƠ QUAN TỈNH",
            .parent: "ĐẢNG BỘ TỈNH SÔNG LAM",
            .title: "Tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025 - 2027", .signer: "Vũ Thị Lan",
            .signerTitle: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ",
            .citations: "12-CT/TU@2025",
        ]),
        RecognitionFixture(name: "three-line-issuer", text: """
        ỦY BAN NHÂN DÂN
        THÀNH PHỐ SÔNG LAM
        SỞ GIÁO DỤC VÀ ĐÀO TẠO

        Số: 286 /SGDĐT-KHTC

        V/v rà soát cơ sở vật chất trường học

        Sông Lam , ngày  05  tháng  3  năm 2025

        Kính gửi: Các trường trung học phổ thông.

        Sở đề nghị các trường rà soát.

        Nơi nhận :

        - Như trên;

        - Lưu: VT.

        KT GIÁM ĐỐC
        PHÓ GIÁM ĐỐC

        TS. Nguyễn Thanh Hải
        """, expected: [
            .type: "CV", .number: "286/SGDĐT-KHTC", .date: "2025-03-05", .place: "Sông Lam", .issuer: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
            .parent: "ỦY BAN NHÂN DÂN THÀNH PHỐ SÔNG LAM", .title: "V/v rà soát cơ sở vật chất trường học", .signer: "Nguyễn Thanh Hải",
            .signerTitle: "KT GIÁM ĐỐC / PHÓ GIÁM ĐỐC", .recipients: "Như trên | Lưu: VT",
        ]),
        RecognitionFixture(name: "tax-issuer-ve-summary", text: """
        CỤC THUẾ
        THUẾ TỈNH LAM HÀ

        Số: 1802/LHA-QLDN

        Về việc hoàn thuế giá trị gia tăng

        Lam Hà, ngày 14 tháng01 năm 2026

        Kính gửi: Công ty cổ phần Thiết bị Lam Hà.

        Trả lời văn bản số 05/2025/CV-TBLH ngày 02/01/2026 của Công ty, Thuế tỉnh trả lời như sau.

        Nơi nhận:
        Như trên;
        Lưu: VT, QLDN.

        KT. TRƯỞNG THUẾ TỈNH
        PHÓ TRƯỞNG THUẾ TỈNH

        Phan Văn Đức
        """, expected: [
            .type: "CV", .number: "1802/LHA-QLDN", .date: "2026-01-14", .place: "Lam Hà", .issuer: "THUẾ TỈNH LAM HÀ", .parent: "CỤC THUẾ",
            .title: "Về việc hoàn thuế giá trị gia tăng", .signer: "Phan Văn Đức", .recipients: "Như trên | Lưu: VT, QLDN",
            .citations: "5/2025/CV-TBLH@2026",
        ]),
        RecognitionFixture(name: "ve-summary-before-date", text: """
        ỦY BAN NHÂN DÂN
        HUYỆN BẾN ĐÁ

        Số: 412/UBND-VP
        Về tăng cường phòng cháy, chữa cháy mùa khô
        năm 2025

        Bến Đá, ngày 10 tháng 02 năm 2025

        Kính gửi: Các phòng, ban chuyên môn huyện.

        Ủy ban nhân dân huyện yêu cầu các đơn vị thực hiện Công điện số 03/CĐ-UBND ngày 06/02/2025.

        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH

        Trịnh Quốc Bảo
        """, expected: [
            .type: "CV", .number: "412/UBND-VP", .date: "2025-02-10", .place: "Bến Đá", .issuer: "HUYỆN BẾN ĐÁ", .parent: "ỦY BAN NHÂN DÂN",
            .title: "Về tăng cường phòng cháy, chữa cháy mùa khô năm 2025", .signer: "Trịnh Quốc Bảo",
            .signerTitle: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", .recipients: "", .citations: "3/CĐ-UBND@2025",
        ]),
        RecognitionFixture(name: "symbol-with-digits-and-ampersand", text: """
        CÔNG AN TỈNH SÔNG LAM
        PHÒNG CẢNH SÁT PCCC&CNCH

        Số: 88/KH-PCCC&CNCH

        Sông Lam, ngày 02 tháng 4 năm 2025

        KẾ HOẠCH

        Diễn tập phương án chữa cháy năm 2025

        Thực hiện Kế hoạch số 15/KH-BCĐ1789 ngày 01/3/2025 và Quy chuẩn QCVN 03:2023/BCA, TCVN 5738:2021.

        TRƯỞNG PHÒNG

        Thượng tá Lý Văn Sơn
        """, expected: [
            .type: "KH", .number: "88/KH-PCCC&CNCH", .date: "2025-04-02", .issuer: "PHÒNG CẢNH SÁT PCCC&CNCH",
            .parent: "CÔNG AN TỈNH SÔNG LAM",
            .title: "Diễn tập phương án chữa cháy năm 2025", .signer: "Lý Văn Sơn", .signerTitle: "TRƯỞNG PHÒNG",
            .citations: "15/KH-BCĐ1789@2025",
        ]),
        RecognitionFixture(name: "blank-number-with-spaces", text: """
        SỞ Y TẾ TỈNH LAM HÀ

        Số:        /BC-SYT

        Lam Hà, ngày     tháng 9 năm 2025

        BÁO CÁO

        Tình hình tiêm chủng mở rộng 9 tháng đầu năm 2025

        Nội dung báo cáo.

        GIÁM ĐỐC
        """, expected: [
            .type: "BC", .number: "/BC-SYT", .date: "2025-09", .place: "Lam Hà", .issuer: "SỞ Y TẾ TỈNH LAM HÀ", .signer: "",
            .signerTitle: "GIÁM ĐỐC",
            .title: "Tình hình tiêm chủng mở rộng 9 tháng đầu năm 2025",
        ]),
    ]
}
