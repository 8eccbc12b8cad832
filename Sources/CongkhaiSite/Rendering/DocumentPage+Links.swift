import CongkhaiDomain
import CongkhaiMarkdown
import Foundation

/// A document page's links to other documents: citations in its text, the
/// lists of what it cites and what cites it, and its declared relations.
extension DocumentPage {
    /// Makes each resolved citation in running text a link; the text stays as written.
    func citationLinker(from index: Int, root: String) -> (String) -> [TextPiece] {
        { text in
            let found = scanner.scan(text, details: false)
            guard !found.isEmpty else { return [.text(text)] }
            let bytes = Array(text.utf8)
            var pieces: [TextPiece] = []
            var cursor = 0
            for citation in found {
                guard let target = graph.target(of: citation, from: index), citation.linkRange.lowerBound >= cursor else { continue }
                if citation.linkRange.lowerBound > cursor {
                    pieces.append(.text(String(decoding: bytes[cursor..<citation.linkRange.lowerBound], as: UTF8.self)))
                }
                pieces.append(.link(String(decoding: bytes[citation.linkRange], as: UTF8.self),
                                    url: Formatting.href(root, corpus.documents[target].url)))
                cursor = citation.linkRange.upperBound
            }
            if cursor < bytes.count { pieces.append(.text(String(decoding: bytes[cursor...], as: UTF8.self))) }
            return pieces
        }
    }

    /// What the document cites, what cites it, and its declared relations both ways.
    func addLinks(of index: Int, root: String, to d: inout [String: Any]) {
        let t = frame.theme
        func label(_ i: Int) -> String {
            let m = corpus.documents[i].metadata
            return [m.type?.name, Formatting.number(m.number)].compactMap { $0 }.joined(separator: " ")
        }
        // Every key is present (false when empty), since a missing key makes Mustache search
        // the whole context; suffixes are made here rather than with nested sections, each of
        // which costs swift-mustache a dynamic cast, on tens of items per page.
        func item(_ i: Int) -> [String: Any] {
            let m = corpus.documents[i].metadata
            return ["href": Formatting.href(root, corpus.documents[i].url), "label": label(i),
                    "date": m.date?.short ?? false, "titleSuffix": m.title.map { ": " + $0 } ?? ""]
        }
        let cites = graph.cites[index].map { cite -> [String: Any] in
            ["text": cite.citation.text, "dateSuffix": cite.citation.date.map { " (\($0.short))" } ?? "",
             "href": cite.target.map { Formatting.href(root, corpus.documents[$0].url) } ?? false]
        }
        if !cites.isEmpty { d["cites"] = cites; d["hasCites"] = true }
        let citedBy = graph.citedBy[index].map(item)
        if !citedBy.isEmpty { d["citedBy"] = citedBy; d["hasCitedBy"] = true }
        var relations: [[String: Any]] = graph.relations[index].map { r in
            var out: [String: Any] = ["relation": t.string("relation_\(r.kind.rawValue)"), "text": r.written, "href": false]
            if let target = r.target { out["href"] = Formatting.href(root, corpus.documents[target].url); out["text"] = label(target) }
            return out
        }
        var banners: [[String: Any]] = []
        for (kind, source) in graph.relatedBy[index] {
            var out = item(source)
            out["relation"] = t.string("relation_\(kind.rawValue)_by")
            out["text"] = label(source)
            relations.append(out)
            if kind != .basedOn && kind != .implements {
                out["banner"] = t.string("banner_\(kind.rawValue)")
                banners.append(out)
            }
        }
        if !relations.isEmpty { d["relations"] = relations; d["hasRelations"] = true }
        if !banners.isEmpty { d["banners"] = banners }
    }
}
