import ArgumentParser
import Foundation

/// Where the folders are when the command line does not say: relative to the
/// content folder and to the installed program, never to where the command
/// happens to run, so that `congkhai build` works in any content folder.
enum Locations {
    /// The content folder: as given; else the current folder when it holds a
    /// `site.yml` (a folder made by `congkhai new`); else `Content` (a repository laid out as the sample).
    static func content(_ given: String?, in current: URL = currentFolder) -> String {
        if let given { return given }
        if FileManager.default.fileExists(atPath: current.appendingPathComponent("site.yml").path) { return "." }
        return "Content"
    }

    /// The site folder: as given; else `Site` beside the content folder (`X/../Site`),
    /// since the site may not be written inside the folder it is built from.
    static func output(_ given: String?, content: String, in current: URL = currentFolder) -> String {
        if let given { return given }
        let folder = (content.hasPrefix("/") ? URL(fileURLWithPath: content) : current.appendingPathComponent(content)).standardizedFileURL
        let site = folder.deletingLastPathComponent().appendingPathComponent("Site")
        return shown(site, from: current)
    }

    /// The theme: `--theme` when given; else the default theme installed with the program
    /// (`<prefix>/share/congkhai/themes/default`, for `<prefix>/bin/congkhai` or `<prefix>/lib/congkhai/congkhai`);
    /// else the build tree's `Themes/default` (a program run from where it was built).
    static func theme(_ given: String?) -> String {
        if let given { return given }
        return defaultTheme?.path ?? "Themes/default"
    }

    /// The first default theme that exists, in the order above.
    static var defaultTheme: URL? {
        defaultThemeCandidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }
    }

    static var defaultThemeCandidates: [URL] {
        var candidates: [URL] = []
        if let executable = executable {
            // <prefix>/bin/congkhai, or <prefix>/lib/congkhai/congkhai (installed beside its resource bundles)
            let folder = executable.deletingLastPathComponent()
            for prefix in [folder.deletingLastPathComponent(), folder.deletingLastPathComponent().deletingLastPathComponent()] {
                candidates.append(prefix.appendingPathComponent("share/congkhai/themes/default"))
            }
        }
        // Sources/congkhai/Locations.swift → the repository's Themes/default.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent("Themes/default"))
        return candidates
    }

    /// The running program, its symbolic links followed (`/usr/bin/congkhai` may link elsewhere).
    static var executable: URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    /// A path as the user would write it: relative to the current folder when it lies under its parent.
    static func shown(_ url: URL, from current: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = current.standardizedFileURL.path
        if path.hasPrefix(here + "/") { return String(path.dropFirst(here.count + 1)) }
        let parent = current.standardizedFileURL.deletingLastPathComponent().path
        if parent != "/", path.hasPrefix(parent + "/") { return "../" + path.dropFirst(parent.count + 1) }
        return path
    }
}

extension Locations {
    /// The theme to build with, or a message saying where the default one was looked for.
    static func requiredTheme(_ given: String?) throws -> String {
        if let given { return given }
        if let found = defaultTheme { return found.path }
        printFailure(say(.themeMissing, ["places": defaultThemeCandidates.map(\.path).joined(separator: ", ")]))
        throw ExitCode(2)
    }
}
