import ArgumentParser
import CongkhaiMessages
import Foundation

/// `congkhai new DIR`: a content folder ready to build, copied from the example shipped with the program.
struct New: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: say(.newAbstract), discussion: say(.newDiscussion))
    }

    @Argument(help: ArgumentHelp(say(.newFolder)))
    var folder: String

    func run() throws {
        let target = URL(fileURLWithPath: folder)
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
            printFailure(say(.newNotEmpty, ["folder": folder]))
            throw ExitCode(2)
        }
        guard let scaffold = Bundle.module.url(forResource: "scaffold", withExtension: nil) else {
            printFailure(say(.themeMissing, ["places": "scaffold"]))
            throw ExitCode(2)
        }
        var count = 0
        do {
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            let walker = manager.enumerator(at: scaffold, includingPropertiesForKeys: [.isDirectoryKey])
            while let file = walker?.nextObject() as? URL {
                let relative = String(file.standardizedFileURL.path.dropFirst(scaffold.standardizedFileURL.path.count + 1))
                let destination = target.appendingPathComponent(relative)
                if (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                    try manager.createDirectory(at: destination, withIntermediateDirectories: true)
                } else {
                    try manager.copyItem(at: file, to: destination)
                    count += 1
                }
            }
        } catch {
            printFailure(words(of: error))
            throw ExitCode(2)
        }
        let site = Locations.output(nil, content: folder)
        let fromInside = Locations.output(nil, content: ".", in: target.standardizedFileURL)
        print(say(.newDone, ["folder": folder, "count": "\(count)", "site": site == fromInside ? site : fromInside]))
    }
}
