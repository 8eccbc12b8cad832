import CongkhaiMessages
import Foundation

/// The table printed at the end of an import: each file, where it went,
/// what was recognised and what a person must look at.
public enum ImportSummary {
    public static func table(_ results: [ImportResult], in words: MessageCatalogue = Messages.current) -> String {
        var rows: [[String]] = [[ImportText.columnFile, .columnResult, .columnRecognised, .columnLook].map { words.text($0) }]
        for result in results {
            let name = (result.source as NSString).lastPathComponent
            let outcome: String
            switch result.status {
            case .imported: outcome = "→ " + (result.destination ?? "?")
            case .dryRun: outcome = words.text(ImportText.wouldWrite, ["path": result.destination ?? "?"])
            case .skipped: outcome = words.text(ImportText.skipped)
            case .failed: outcome = words.text(ImportText.notImported)
            }
            let fields = result.recognised.count + result.unread.count
            let recognised = result.status == .failed ? "-"
                : words.text(ImportText.fields, ["recognised": String(result.recognised.count), "total": String(fields)])
            var look = result.review
            if let problem = result.problem { look.insert(words.text(problem.key, problem.arguments), at: 0) }
            if !result.unread.isEmpty, result.status != .failed {
                look.append(words.text(ImportText.notRead, ["fields": result.unread.joined(separator: ", ")]))
            }
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
