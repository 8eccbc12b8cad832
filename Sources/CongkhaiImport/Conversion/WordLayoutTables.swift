import CongkhaiDomain
import Foundation

/// Word lays a document's header (issuing body | national motto, number |
/// place and date) and its footer (recipients | signature) out as borderless
/// two-column tables. Converted as they are, they become HTML tables that the
/// site does not publish and that layout recognition cannot read. This step
/// edits pandoc's document tree (its JSON form, pandoc's documented interchange
/// format) so that such a table becomes the plain lines a clerk reads: the left
/// column top to bottom, then the right one. Data tables stay tables; a data
/// cell holding several paragraphs is joined into one line so that it fits a
/// Markdown table instead of falling back to HTML.
public enum WordLayoutTables {
    /// Rewrites pandoc's JSON document; throws when it is not pandoc JSON.
    public static func rewrite(pandocJSON: Data) throws -> Data {
        guard var document = try JSONSerialization.jsonObject(with: pandocJSON) as? [String: Any],
              let blocks = document["blocks"] as? [Any] else {
            throw ImportFailure.pandocOutput
        }
        document["blocks"] = rewrite(blocks: blocks).map(plainImages)
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    static func rewrite(blocks: [Any]) -> [Any] {
        var out: [Any] = []
        for block in blocks {
            guard let node = block as? [String: Any], node["t"] as? String == "Table", let table = Table(node) else {
                out.append(block)
                continue
            }
            if isLayoutTable(table) {
                out += table.columns.flatMap { $0.flatMap(lines(ofCell:)) }
            } else {
                out.append(table.flatteningCells(node))
            }
        }
        return out
    }

    /// A header or footer table: it holds the motto, the number and date lines,
    /// or "Nơi nhận:", and no more than three columns.
    static func isLayoutTable(_ table: Table) -> Bool {
        guard table.columnCount <= 3 else { return false }
        let lines = table.columns.flatMap { $0.flatMap { cell in cell.flatMap { text(of: $0).components(separatedBy: "\n") } } }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let folded = lines.map(VietnameseText.fold)
        if folded.contains(where: { $0.hasPrefix("cong hoa xa hoi chu nghia") || $0.hasPrefix("doc lap - tu do") }) { return true }
        if folded.contains(where: { $0.hasPrefix("noi nhan") }) { return true }
        let hasNumber = lines.contains { $0.hasPrefix("Số:") || $0.hasPrefix("Số ") }
        let hasDate = lines.contains { $0.count < 120 && OfficialDateLine.find(in: $0) != nil }
        return hasNumber && hasDate
    }

    /// A cell's paragraphs as top-level paragraphs; lists stay lists (recipients).
    static func lines(ofCell blocks: [Any]) -> [Any] {
        blocks.compactMap { block -> Any? in
            guard let node = block as? [String: Any], let kind = node["t"] as? String else { return nil }
            switch kind {
            case "Plain", "Para":
                let inlines = node["c"] as? [Any] ?? []
                return inlines.isEmpty ? nil : ["t": "Para", "c": inlines] as [String: Any]
            default:
                return block
            }
        }
    }

    /// The text of a block or inline tree: words, spaces and line breaks.
    static func text(of node: Any) -> String {
        if let list = node as? [Any] { return list.map(text(of:)).joined() }
        guard let dict = node as? [String: Any], let kind = dict["t"] as? String else { return "" }
        switch kind {
        case "Str": return dict["c"] as? String ?? ""
        case "Space": return " "
        case "SoftBreak", "LineBreak": return "\n"
        case "Para", "Plain", "Header": return text(of: contentInlines(dict)) + "\n"
        default: return dict["c"].map(text(of:)) ?? ""
        }
    }

    static func contentInlines(_ node: [String: Any]) -> [Any] {
        if node["t"] as? String == "Header", let c = node["c"] as? [Any], c.count == 3 { return c[2] as? [Any] ?? [] }
        return node["c"] as? [Any] ?? []
    }

    /// Word's picture sizes become HTML `<img>` in GFM, which the site does not
    /// publish; without them the picture is a plain Markdown image.
    static func plainImages(_ node: Any) -> Any {
        if let list = node as? [Any] { return list.map(plainImages) }
        guard var dict = node as? [String: Any] else { return node }
        if dict["t"] as? String == "Image", var c = dict["c"] as? [Any], c.count == 3 {
            c[0] = ["", [Any](), [Any]()] as [Any]
            c[1] = plainImages(c[1])
            dict["c"] = c
            return dict
        }
        if let c = dict["c"] { dict["c"] = plainImages(c) }
        return dict
    }
}

/// The parts of pandoc's Table node that this step reads (pandoc-types 1.21 and later:
/// `[attr, caption, colspecs, head, bodies, foot]`, a cell `[attr, align, rowspan, colspan, blocks]`).
struct Table {
    /// Rows of cells, each cell a list of blocks: head rows, then every body's rows, then foot rows.
    let rows: [[[Any]]]
    let columnCount: Int

    init?(_ node: [String: Any]) {
        guard let c = node["c"] as? [Any], c.count == 6, let specs = c[2] as? [Any] else { return nil }
        var rows: [[[Any]]] = []
        func cells(_ row: Any) -> [[Any]] {
            guard let r = row as? [Any], r.count == 2, let cells = r[1] as? [Any] else { return [] }
            return cells.compactMap { ($0 as? [Any]).flatMap { $0.count == 5 ? $0[4] as? [Any] : nil } }
        }
        if let head = c[3] as? [Any], head.count == 2, let headRows = head[1] as? [Any] { rows += headRows.map(cells) }
        for body in c[4] as? [Any] ?? [] {
            guard let b = body as? [Any], b.count == 4 else { continue }
            rows += (b[2] as? [Any] ?? []).map(cells) + (b[3] as? [Any] ?? []).map(cells)
        }
        if let foot = c[5] as? [Any], foot.count == 2, let footRows = foot[1] as? [Any] { rows += footRows.map(cells) }
        self.rows = rows.filter { !$0.isEmpty }
        columnCount = specs.count
    }

    /// Cells by column, top to bottom; a row with fewer cells (merged) fills from the left.
    var columns: [[[Any]]] {
        (0..<columnCount).map { column in rows.compactMap { column < $0.count ? $0[column] : nil } }
    }

    /// The same table node, each cell's paragraphs and list items joined into one line.
    func flatteningCells(_ node: [String: Any]) -> [String: Any] {
        func flatten(_ any: Any) -> Any {
            guard var cell = any as? [Any], cell.count == 5, let blocks = cell[4] as? [Any] else { return any }
            let parts = Self.paragraphs(blocks)
            let onlyPlain = blocks.allSatisfy { block in (block as? [String: Any])?["t"] as? String == "Plain" }
            guard parts.count > 1 || !onlyPlain else { return any }
            let separator: [Any] = [["t": "Str", "c": ";"] as [String: Any], ["t": "Space"] as [String: Any]]
            var inlines: [Any] = []
            for (i, part) in parts.enumerated() {
                if i > 0 { inlines.append(contentsOf: separator) }
                inlines.append(contentsOf: part)
            }
            let plain: [String: Any] = ["t": "Plain", "c": inlines]
            cell[4] = inlines.isEmpty ? [Any]() : [plain] as [Any]
            return cell
        }
        func mapRows(_ rows: Any) -> Any {
            (rows as? [Any] ?? []).map { row -> Any in
                guard var r = row as? [Any], r.count == 2, let cells = r[1] as? [Any] else { return row }
                r[1] = cells.map(flatten)
                return r
            }
        }
        guard var c = node["c"] as? [Any], c.count == 6 else { return node }
        if var head = c[3] as? [Any], head.count == 2 { head[1] = mapRows(head[1]); c[3] = head }
        c[4] = (c[4] as? [Any] ?? []).map { body -> Any in
            guard var b = body as? [Any], b.count == 4 else { return body }
            b[2] = mapRows(b[2]); b[3] = mapRows(b[3])
            return b
        }
        if var foot = c[5] as? [Any], foot.count == 2 { foot[1] = mapRows(foot[1]); c[5] = foot }
        var out = node
        out["c"] = c
        return out
    }

    /// The inline content of each paragraph in a cell, list items included.
    static func paragraphs(_ blocks: [Any]) -> [[Any]] {
        blocks.flatMap { block -> [[Any]] in
            guard let node = block as? [String: Any], let kind = node["t"] as? String else { return [] }
            switch kind {
            case "Plain", "Para": return [node["c"] as? [Any] ?? []].filter { !$0.isEmpty }
            case "BulletList", "OrderedList":
                let content = node["c"] as? [Any] ?? []
                // an ordered list is [attributes, items]
                let items: [Any] = kind == "BulletList" ? content : (content.last as? [Any] ?? [])
                return items.flatMap { item -> [[Any]] in paragraphs(item as? [Any] ?? []) }
            default: return []
            }
        }
    }
}
