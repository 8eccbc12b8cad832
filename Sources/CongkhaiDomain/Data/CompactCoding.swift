/// The stored form of the values a corpus holds by the hundred thousand: a
/// citation and a document number are written as an array of their fields in a
/// fixed order, not as an object with a name for every field. The build cache
/// is the one place they are stored (the site's own JSON is written by hand);
/// in this form its entries take half the bytes and decode about twice as fast,
/// which is most of what a rebuild waits for. Changing the order changes the
/// cache's format (`BuildCache.format`).
extension DocumentNumber {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        let written = try fields.decode(String.self)
        let number = try fields.decodeIfPresent(String.self)
        let year = try fields.decodeIfPresent(Int.self)
        let rejectedYear = try fields.decodeIfPresent(String.self)
        let symbol = try fields.decode(String.self)
        let style = try fields.decode(Style.self)
        self.init(written: written, number: number, year: year, rejectedYear: rejectedYear, symbol: symbol, style: style)
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(written)
        try fields.encode(number)
        try fields.encode(year)
        try fields.encode(rejectedYear)
        try fields.encode(symbol)
        try fields.encode(style)
    }
}

extension Citation {
    public init(from decoder: Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        let written = try fields.decode(String.self)
        let text = try fields.decode(String.self)
        let number = try fields.decode(DocumentNumber.self)
        let typeWord = try fields.decodeIfPresent(String.self)
        let year = try fields.decodeIfPresent(Int.self)
        let month = try fields.decodeIfPresent(Int.self)
        let day = try fields.decodeIfPresent(Int.self)
        let issuer = try fields.decodeIfPresent(String.self)
        let start = try fields.decode(Int.self)
        let end = try fields.decode(Int.self)
        let summary = try fields.decodeIfPresent(String.self)
        let mistypedDate = try fields.decodeIfPresent(String.self)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(in: fields, debugDescription: "a citation's range ends before it starts")
        }
        self.init(written: written, text: text, number: number, typeWord: typeWord,
                  date: year.flatMap { DocumentDate(year: $0, month: month, day: day) }, issuer: issuer, linkRange: start..<end,
                  summary: summary, mistypedDate: mistypedDate)
    }

    public func encode(to encoder: Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(written)
        try fields.encode(text)
        try fields.encode(number)
        try fields.encode(typeWord)
        try fields.encode(date?.year)
        try fields.encode(date?.month)
        try fields.encode(date?.day)
        try fields.encode(issuer)
        try fields.encode(linkRange.lowerBound)
        try fields.encode(linkRange.upperBound)
        try fields.encode(summary)
        try fields.encode(mistypedDate)
    }
}
