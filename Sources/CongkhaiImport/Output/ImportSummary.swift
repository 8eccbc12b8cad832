import Foundation

/// The table printed at the end of an import: each file, where it went,
/// what was recognised and what a person must look at.
public enum ImportSummary {
    public static func table(_ results: [ImportResult], relativeTo folder: String? = nil) -> String {
        var rows: [[String]] = [["file", "result", "recognised", "needs a human look"]]
        for result in results {
            let name = (result.source as NSString).lastPathComponent
            let outcome: String
            switch result.status {
            case .imported: outcome = "→ " + (result.destination ?? "?")
            case .dryRun: outcome = "would write " + (result.destination ?? "?")
            case .skipped: outcome = "skipped (exists)"
            case .failed: outcome = "not imported"
            }
            let fields = result.recognised.count + result.unread.count
            let recognised = result.status == .failed ? "-" : "\(result.recognised.count) of \(fields) fields"
            var look = result.review
            if let problem = result.problem { look.insert(problem, at: 0) }
            if !result.unread.isEmpty, result.status != .failed { look.append("not read: " + result.unread.joined(separator: ", ")) }
            let lines = look.isEmpty ? ["-"] : look
            rows.append([name, outcome, recognised, lines[0]])
            for extra in lines.dropFirst() { rows.append(["", "", "", extra]) }
        }
        let widths = (0..<3).map { column in min(48, rows.map { $0[column].count }.max() ?? 0) }
        return rows.map { row in
            (0..<3).map { pad(row[$0], widths[$0]) }.joined(separator: "  ") + "  " + row[3]
        }.joined(separator: "\n") + "\n"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
