import CongkhaiDomain

extension DocumentRecord {
    /// Its status as lists show it: the document's own (or the one a replacing
    /// or repealing document gave it), or a procedure's.
    var statusText: String? { metadata.status ?? procedure?.statusText }

    /// Replaced, repealed, wholly expired, recalled, or an abolished procedure:
    /// marked in every list, not only on its own page.
    var isNoLongerInForce: Bool {
        if let procedure { return procedure.isAbolished }
        guard let status = metadata.status else { return false }
        let folded = VietnameseText.fold(status)
        if folded.contains("mot phan") { return false }
        return ["bi thay the", "bai bo", "het hieu luc", "het han", "thu hoi", "ngung hieu luc"].contains { folded.contains($0) }
    }
}
