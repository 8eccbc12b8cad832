import CongkhaiMessages
import Foundation

/// `--lang vi|en` is read (and taken out) before the subcommand's own options are parsed: it may
/// stand anywhere on the line, and the help of every command must already be in its language.
enum CommandLanguage {
    static func choose(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (Language, [String]) {
        var rest: [String] = []
        var given: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { rest += arguments[index...]; break }
            if argument == "--lang", index + 1 < arguments.count {
                given = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                given = String(argument.dropFirst("--lang=".count))
                index += 1
                continue
            }
            rest.append(argument)
            index += 1
        }
        var content: String?
        if let at = rest.firstIndex(of: "--content"), at + 1 < rest.count { content = rest[at + 1] }
        let folder = Locations.content(content)
        let siteYML = URL(fileURLWithPath: folder).appendingPathComponent("site.yml")
        return (Language.resolve(argument: given, environment: environment, siteYML: siteYML), rest)
    }
}

/// A text of the command line in the chosen language.
func say(_ key: CommandText, _ arguments: [String: String] = [:]) -> String {
    Messages.current.text(key, arguments)
}

/// "lỗi: ..." / "error: ..." on standard error.
func printFailure(_ text: String) {
    printError(say(.error, ["text": text]))
}
