import CongkhaiSite
import Foundation

/// The closing lines: what was built, by type and by year, problems and time.
struct Summary {
    let report: BuildReport
    let outputName: String
    let strict: Bool
    let quiet: Bool

    func print() {
        let time = String(format: "%.2f s", report.seconds)
        let errors = report.errors.count, warnings = report.warnings.count
        let problems = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if !report.written {
            printError("Not built: --strict and \(problems). \(outputName)/ is unchanged. (\(time))")
            return
        }
        var lines = ["Built \(report.documentCount) documents into \(outputName)/ in \(time): \(problems)."]
        if !report.errors.isEmpty {
            lines.append("  \(errors) file\(errors == 1 ? " was" : "s were") left out; fix the errors above and build again.")
        }
        if !quiet {
            lines.append("  by type: " + report.byType.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
            lines.append("  by year: " + report.byYear.map { "\($0.0): \($0.1)" }.joined(separator: ", "))
        }
        Swift.print(lines.joined(separator: "\n"))
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

