/// Fixtures written after the shapes were implemented and never tuned for:
/// their score is reported apart, as a check that recognition generalises.
extension RecognitionFixture {
    static let heldOut: [RecognitionFixture] = [
        RecognitionFixture(name: "held-out-table-br-cells", text: """
        | ỦY BAN NHÂN DÂN<br>HUYỆN ĐỒNG TRĂNG<br>------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh \
        phúc<br>--------------- |
        |---|---|
        | Số: 77/BC-UBND | Đồng Trăng, ngày 28 tháng 02 năm 2025 |

        BÁO CÁO

        Kết quả giải quyết thủ tục hành chính tháng 02 năm 2025

        Thực hiện Công văn số 311/SNV-CCHC ngày 20/02/2025 của Sở Nội vụ, Ủy ban nhân dân huyện báo cáo như sau:

        Nơi nhận:
        - Sở Nội vụ;
        - Lưu: VT.

        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH

        Đoàn Văn Lực
        """, expected: [
            .type: "BC", .number: "77/BC-UBND", .date: "2025-02-28", .place: "Đồng Trăng", .issuer: "HUYỆN ĐỒNG TRĂNG",
            .parent: "ỦY BAN NHÂN DÂN",
            .title: "Kết quả giải quyết thủ tục hành chính tháng 02 năm 2025", .signer: "Đoàn Văn Lực",
            .signerTitle: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", .recipients: "Sở Nội vụ | Lưu: VT", .citations: "311/SNV-CCHC@2025",
        ]),
        RecognitionFixture(name: "held-out-party-letter", text: """
        TỈNH ỦY SÔNG LAM

        ĐẢNG CỘNG SẢN VIỆT NAM

        BAN TUYÊN GIÁO

        Số 125-CV/BTG

        V/v tuyên truyền kỷ niệm ngày thành lập tỉnh

        Sông Lam, ngày 03 tháng 3 năm 2025

        Kính gửi: Các huyện ủy, thành ủy.

        Thực hiện Kế hoạch số 88-KH/TU ngày 14/01/2025 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo đề nghị như sau.

        Nơi nhận:
        - Như trên,
        - Lưu VP.

        K/T TRƯỞNG BAN
        PHÓ TRƯỞNG BAN

        Ngô Thị Hạnh
        """, expected: [
            .number: "125-CV/BTG", .date: "2025-03-03", .place: "Sông Lam", .issuer: "BAN TUYÊN GIÁO", .parent: "TỈNH ỦY SÔNG LAM",
            .title: "V/v tuyên truyền kỷ niệm ngày thành lập tỉnh", .signer: "Ngô Thị Hạnh",
            .signerTitle: "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN",
            .citations: "88-KH/TU@2025",
        ]),
        RecognitionFixture(name: "held-out-decision-degree", text: """
        SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LAM HÀ

        Số: 09/QĐ-SKHCN

        Lam Hà, ngày 2 tháng 6 năm 2025

        QUYẾT ĐỊNH

        Phê duyệt danh mục nhiệm vụ khoa học năm 2026

        Căn cứ Quyết định số 1230/QĐ-UBND ngày 12/5/2023 của UBND tỉnh;

        Điều 1. Phê duyệt danh mục.

        Điều 2. Quyết định có hiệu lực từ ngày ký.

        Nơi nhận:
        - Như Điều 2;
        - Lưu: VT, QLKH.

        GIÁM ĐỐC

        PGS.TS. Đinh Công Lý
        """, expected: [
            .type: "QĐ", .number: "09/QĐ-SKHCN", .date: "2025-06-02", .title: "Phê duyệt danh mục nhiệm vụ khoa học năm 2026",
            .signer: "Đinh Công Lý", .signerTitle: "GIÁM ĐỐC", .recipients: "Như Điều 2 | Lưu: VT, QLKH", .citations: "1230/QĐ-UBND@2023",
        ]),
        RecognitionFixture(name: "held-out-unsigned-pdf-recipients", text: """
        BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG TỈNH SÔNG LAM

        Số: 301/TB-BQLDA

        Sông Lam, ngày 17 tháng 10 năm 2025

        THÔNG BÁO

        Kết quả lựa chọn nhà thầu gói thầu số 05

        Căn cứ Luật Đấu thầu số 22/2023/QH15 và Nghị định số 214/2025/NĐ- CP.

        Nơi nhận :

        Các nhà thầu tham dự;

        Lưu: VT, KHKT.

        KT. GIÁM ĐỐC
        PHÓ GIÁM ĐỐC
        """, expected: [
            .type: "TB", .number: "301/TB-BQLDA", .title: "Kết quả lựa chọn nhà thầu gói thầu số 05", .signer: "",
            .signerTitle: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", .recipients: "Các nhà thầu tham dự | Lưu: VT, KHKT",
            .citations: "22/2023/QH15@2023 214/2025/NĐ-CP@2025",
        ]),
    ]
}
