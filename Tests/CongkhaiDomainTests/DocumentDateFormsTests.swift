import Testing
@testable import CongkhaiDomain

/// A date's three written forms are written as bytes; they must read as the plain rules say.
@Suite struct DocumentDateFormsTests {
    /// The forms as they were written by joining strings, before they were written as bytes: the rules.
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    static func iso(_ date: DocumentDate) -> String {
        var s = String(date.year)
        if let month = date.month { s += "-" + twoDigits(month) }
        if let day = date.day { s += "-" + twoDigits(day) }
        return s
    }

    static func official(_ date: DocumentDate) -> String {
        var parts: [String] = []
        if let day = date.day { parts.append("ngày " + twoDigits(day)) }
        if let month = date.month { parts.append("tháng " + (month <= 2 ? twoDigits(month) : String(month))) }
        parts.append("năm \(date.year)")
        return parts.joined(separator: " ")
    }

    static func short(_ date: DocumentDate) -> String {
        switch (date.day, date.month) {
        case let (d?, m?): return twoDigits(d) + "/" + twoDigits(m) + "/" + String(date.year)
        case let (nil, m?): return twoDigits(m) + "/" + String(date.year)
        default: return String(date.year)
        }
    }

    /// Every day of some years (leap and not), every month alone, the year alone, at both ends of the years allowed.
    @Test func everyDateReadsAsTheRulesSay() throws {
        var dates: [DocumentDate] = []
        for year in [1000, 1999, 2000, 2020, 2023, 2024, 2100, 9999] {
            dates.append(try #require(DocumentDate(year: year)))
            for month in 1...12 {
                dates.append(try #require(DocumentDate(year: year, month: month)))
                for day in 1...31 { if let date = DocumentDate(year: year, month: month, day: day) { dates.append(date) } }
            }
        }
        #expect(dates.count > 2900)
        for date in dates {
            #expect(date.iso == Self.iso(date), "\(date)")
            #expect(date.official == Self.official(date), "\(date)")
            #expect(date.short == Self.short(date), "\(date)")
        }
    }

    @Test func examples() throws {
        let date = try #require(DocumentDate(year: 2016, month: 4, day: 5))
        #expect(date.iso == "2016-04-05" && date.official == "ngày 05 tháng 4 năm 2016" && date.short == "05/04/2016")
        let february = try #require(DocumentDate(year: 2020, month: 2))
        #expect(february.iso == "2020-02" && february.official == "tháng 02 năm 2020" && february.short == "02/2020")
        let year = try #require(DocumentDate(year: 2023))
        #expect(year.iso == "2023" && year.official == "năm 2023" && year.short == "2023")
    }
}
