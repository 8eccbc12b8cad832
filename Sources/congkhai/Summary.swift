import CongkhaiMessages
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
        let problems = say(.summaryProblems, ["errors": "\(errors)", "warnings": "\(warnings)"])
        if !report.written {
            printError(say(.summaryNotBuilt, ["problems": problems, "output": outputName, "time": time]))
            return
        }
        var lines = [say(.summaryBuilt, ["documents": "\(report.documentCount)", "output": outputName, "time": time,
                                         "problems": problems])]
        if !report.errors.isEmpty {
            lines.append(say(.summaryLeftOut, ["errors": "\(errors)"]))
        }
        if !quiet {
            lines.append(say(.summaryByType, ["list": report.byType.map { "\($0.0) \($0.1)" }.joined(separator: ", ")]))
            lines.append(say(.summaryByYear, ["list": report.byYear.map { "\($0.0): \($0.1)" }.joined(separator: ", ")]))
        }
        Swift.print(lines.joined(separator: "\n"))
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
