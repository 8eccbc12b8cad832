import CongkhaiMessages
import CongkhaiSite

// The run-time words of import, archive, verify, keygen, publish, rollback and releases, in the chosen language.
func say(_ key: PublishText, _ arguments: [String: String] = [:]) -> String { Messages.current.text(key, arguments) }
func say(_ key: ArchiveText, _ arguments: [String: String] = [:]) -> String { Messages.current.text(key, arguments) }
func say(_ key: ImportText, _ arguments: [String: String] = [:]) -> String { Messages.current.text(key, arguments) }

/// Any error a command catches, in the user's language: a failure of publish, archive or import by its catalogue key,
/// anything else (a build failure, a file-system error) as `BuildFailure.describe` says it.
func words(of error: Error) -> String {
    if let failure = error as? CataloguedFailure { return failure.words }
    return BuildFailure.describe(error)
}

func say(_ key: HelpText) -> String { Messages.current.text(key) }
