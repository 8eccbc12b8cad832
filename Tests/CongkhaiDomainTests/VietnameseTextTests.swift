import Testing
@testable import CongkhaiDomain

@Suite struct VietnameseTextTests {
    @Test func slugsFoldDToD() {
        #expect(VietnameseText.slug("Đề án Đổi mới") == "de-an-doi-moi")
        #expect(VietnameseText.slug("Kế hoạch số 545/KH-STTTT-VP") == "ke-hoach-so-545-kh-stttt-vp")
        #expect(VietnameseText.slug("  --Báo cáo!!  ") == "bao-cao")
        #expect(VietnameseText.slug("Quyết định").allSatisfy { $0.isASCII })
    }

    @Test func slugsStayShortAndCutAtAWord() {
        let slug = VietnameseText.slug("Kết quả thực hiện công tác dân vận của chính quyền năm 2020 tại các cơ quan, đơn vị trực thuộc",
                                       maxLength: 40)
        #expect(slug.count <= 40)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasPrefix("ket-qua-thuc-hien"))
    }

    @Test func foldingTreatsOldAndNewTonePlacementAlike() {
        #expect(VietnameseText.fold("hoá") == VietnameseText.fold("hóa"))
        #expect(VietnameseText.fold("uỷ") == VietnameseText.fold("ủy"))
        #expect(VietnameseText.fold("Đường") == "duong")
    }

    @Test func normalizesToNFC() {
        let nfd = "Nghị định".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != "Nghị định".unicodeScalars.count)
        let normalized = VietnameseText.normalize(nfd)
        #expect(normalized.unicodeScalars.elementsEqual("Nghị định".unicodeScalars))
    }

    @Test func normalizesSpacesButKeepsHardBreaksAndIndentation() {
        #expect(VietnameseText.normalize("Sở\u{00A0}Nội   vụ") == "Sở Nội vụ")
        #expect(VietnameseText.normalize("dòng một  \ndòng hai") == "dòng một  \ndòng hai")
        #expect(VietnameseText.normalize("    mã\r\n") == "    mã\n")
        #expect(VietnameseText.normalize("\u{FEFF}Báo\u{200B}cáo") == "Báocáo")
        #expect(VietnameseText.normalize("không cần sửa") == "không cần sửa")
    }

    @Test func vietnameseAlphabeticalOrder() {
        let fields = ["Đo lường", "Dân tộc", "Âm nhạc", "Ăn uống", "An ninh", "Báo chí"]
        let sorted = fields.sorted(by: VietnameseText.collationLess)
        #expect(sorted == ["An ninh", "Ăn uống", "Âm nhạc", "Báo chí", "Dân tộc", "Đo lường"])
    }

    @Test func upperAndLowerCaseLines() {
        #expect(VietnameseText.isUpperCase("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"))
        #expect(VietnameseText.isUpperCase("KT. GIÁM ĐỐC"))
        #expect(!VietnameseText.isUpperCase("Sở Nội vụ"))
        #expect(!VietnameseText.isUpperCase("2020"))
        #expect(VietnameseText.startsLowerCase("đưa Nghị quyết vào"))
        #expect(VietnameseText.startsLowerCase("“về việc"))
        #expect(!VietnameseText.startsLowerCase("Trung ương"))
    }
}

import Foundation
