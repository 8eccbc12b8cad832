import CongkhaiDomain

/// Which cited documents are legal normative documents, to be looked up on
/// the national legal database (site.yml `legal_database_search_url`).
enum LegalSearch {
    static let legalWords = ["luat", "bo luat", "nghi dinh", "thong tu", "thong tu lien tich", "phap lenh", "nghi quyet", "quyet dinh",
                             "chi thi", "hien phap"]

    static func isLegalWord(_ word: String?) -> Bool {
        guard let word else { return false }
        return legalWords.contains(VietnameseText.fold(word).lowercased())
    }
}
