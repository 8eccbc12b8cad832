import Testing
@testable import CongkhaiDomain

/// The printed layout's set-apart lines, the "Nơi nhận" punctuation, one name per
/// issuing body and drafts, on fixtures about fictional bodies.
@Suite struct OfficialLinesTests {
    @Test func aDecisionSetsApartItsAuthorityLineAndEnactingWord() {
        let body = ["GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
                    "Theo đề nghị của Chánh Văn phòng Sở.", "**QUYẾT ĐỊNH:**", "**Điều 1.** Ban hành kèm theo Quyết định này.",
                    "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ"]
        #expect(OfficialLines.kinds(of: body, typeCode: "QĐ") == [.authority, nil, nil, .decisionWord, nil, nil])
    }

    @Test func aCollectiveBodyAndAResolutionAreRecognisedToo() {
        #expect(OfficialLines.kinds(of: ["ỦY BAN NHÂN DÂN HUYỆN ĐỒI MÂY", "QUYẾT ĐỊNH:"], typeCode: "QĐ") == [.authority, .decisionWord])
        #expect(OfficialLines.kinds(of: ["HỘI ĐỒNG NHÂN DÂN XÃ SƠN KHÊ", "QUYẾT NGHỊ:"], typeCode: "NQ") == [.authority, .decisionWord])
    }

    @Test func aReportHasNoAuthorityLine() {
        // capitals in a report are a section title, never a decision's authority
        #expect(OfficialLines.kinds(of: ["GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "QUYẾT ĐỊNH:"], typeCode: "BC") == [nil, nil])
        #expect(OfficialLines.kinds(of: ["I. KẾT QUẢ THỰC HIỆN"], typeCode: "QĐ") == [nil])
    }

    @Test func theHeadingWithoutColonIsNotTheEnactingWord() {
        #expect(OfficialLines.kinds(of: ["QUYẾT ĐỊNH", "GIÁM ĐỐC SỞ Y TẾ", "QUYẾT ĐỊNH:"], typeCode: "QĐ")
                == [nil, .authority, .decisionWord])
    }

    @Test func kinhGuiIsAnAddresseeLineInAnyDocument() {
        #expect(OfficialLines.kinds(of: ["Kính gửi:", "Thực hiện Kế hoạch số 12/KH-UBND ..."], typeCode: "CV") == [.addressee, nil])
        #expect(OfficialLines.kinds(of: ["Kính gửi: Ủy ban nhân dân các xã."], typeCode: nil) == [.addressee])
    }

    @Test func recipientsKeepTheirPrintedPunctuation() {
        #expect(RecipientList.punctuated(["Như Điều 3", "- Thanh tra huyện;", "Lưu: VT, VP"])
                == ["Như Điều 3;", "Thanh tra huyện;", "Lưu: VT, VP."])
        #expect(RecipientList.punctuated(["Sở Tài chính.", "Lưu: VT."]) == ["Sở Tài chính;", "Lưu: VT."])
        #expect(RecipientList.punctuated(["Lưu VT./."]) == ["Lưu VT."])
        #expect(RecipientList.punctuated(["", " ; "]).isEmpty)
    }

    @Test func oneIssuerHasOneNameInData() {
        #expect(IssuerName.key("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") == IssuerName.key("Sở Nông nghiệp  và Môi trường"))
        #expect(IssuerName.key("UBND huyện Đồi Mây") == IssuerName.key("Ủy ban nhân dân huyện Đồi Mây"))
        let names = IssuerName.canonical(["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": 5, "Sở Nông nghiệp và Môi trường": 1, "Sở Y tế": 2])
        #expect(names[IssuerName.key("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")] == "Sở Nông nghiệp và Môi trường")
        #expect(names[IssuerName.key("Sở Y tế")] == "Sở Y tế")
        // only capitals seen: the most used spelling
        #expect(IssuerName.canonical(["BAN QUẢN LÝ DỰ ÁN": 1, "BAN  QUẢN LÝ DỰ ÁN": 3]).values.first == "BAN  QUẢN LÝ DỰ ÁN")
    }

    @Test func draftsAreKnownByTheirBlankNumberStatusOrFileName() {
        #expect(DraftMarker.isDraft(number: DocumentNumber.parse("/BC-SNNMT"), status: nil, path: "2025/bao-cao.md"))
        #expect(DraftMarker.isDraft(number: nil, status: "Dự thảo lần 2", path: "2025/bao-cao.md"))
        #expect(DraftMarker.isDraft(number: nil, status: nil, path: "2025/ke-hoach-du-thao.md"))
        #expect(DraftMarker.isDraft(number: nil, status: nil, path: "2025/Dự thảo kế hoạch.md"))
        #expect(!DraftMarker.isDraft(number: DocumentNumber.parse("15/BC-SNNMT"), status: "Còn hiệu lực", path: "2025/bao-cao.md"))
    }
}
