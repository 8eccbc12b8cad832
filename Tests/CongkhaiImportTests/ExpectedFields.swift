import CongkhaiDomain

/// What each fixture prints (we wrote the sources), to count the fields import read right.
struct ExpectedFields {
    let type: String
    let number: String
    let date: String
    let place = "Sông Lam"
    let issuer = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    let parentIssuer = "UBND TỈNH SÔNG LAM"
    let title: String
    let signer: String
    let signerTitle: [String]
    let recipients: [String]
    /// A cell of the appendix's table, when the document has one.
    var appendixCell: String?

    static let plan = ExpectedFields(
        type: "KH", number: "05/KH-STTTT", date: "2024-03-12", title: "Triển khai chuyển đổi số trong cơ quan năm 2024",
        signer: "Trần Thị Minh Hạnh", signerTitle: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        recipients: ["UBND tỉnh (b/c)", "Ban Giám đốc Sở", "Các phòng, trung tâm", "Lưu: VT, VP"], appendixCell: "Quý II/2024")

    static let report = ExpectedFields(
        type: "BC", number: "/BC-STTTT", date: "2024-11-25", title: "Kết quả bảo đảm an toàn thông tin mạng năm 2024",
        signer: "Lê Quang Vinh", signerTitle: ["GIÁM ĐỐC"], recipients: ["UBND tỉnh (b/c)", "Ban Giám đốc Sở", "Lưu: VT, BCVT"],
        appendixCell: "Hệ thống thông tin đã phê duyệt cấp độ")

    static let letter = ExpectedFields(
        type: "CV", number: "318/STTTT-BCVT", date: "2024-10-08", title: "V/v sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
        signer: "Đặng Văn Đức", signerTitle: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], recipients: ["Như trên", "Lưu: VT, BCVT"])

    /// The fields read wrong (or not at all), by front-matter key; empty when all ten are right.
    func wrongFields(_ m: DocumentMetadata) -> [String] {
        let checks: [(String, Bool)] = [
            ("type", m.type?.code == type),
            ("number", m.number?.written == number),
            ("date", m.date?.iso == date),
            ("place", m.place == place),
            ("issuer", m.issuer == issuer),
            ("parent_issuer", m.parentIssuer == parentIssuer),
            ("title", m.title == title),
            ("signer", m.signer == signer),
            ("signer_title", m.signerTitle == signerTitle),
            ("recipients", m.recipients == recipients),
        ]
        return checks.filter { !$0.1 }.map(\.0)
    }
}
