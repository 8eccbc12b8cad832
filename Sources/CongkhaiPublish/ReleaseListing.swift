import CongkhaiMessages
import Foundation

/// One line of `congkhai releases`: a release folder, what its publish log line says, and whether it is served.
public struct ReleaseListing: Equatable, Sendable {
    public var name: String
    public var served: Bool
    /// The publish that made it, when publish.log has it (a hand-made folder has none).
    public var publish: PublishLogLine?

    public var time: Date? { publish?.time ?? ReleaseNaming.time(of: name) }

    public static func list(target: PublishTarget) throws -> [ReleaseListing] {
        let store = Publisher.store(for: target, notice: { _ in })
        defer { store.close() }
        let state = try store.open(cleanUp: false)
        let lines = PublishLogLine.parseAll(try store.readLog())
        var publishes: [String: PublishLogLine] = [:]
        for line in lines where line.action == .publish { publishes[line.release] = line }
        return state.releases.reversed().map { name in
            ReleaseListing(name: name, served: name == state.served, publish: publishes[name])
        }
    }

    /// `20261124T204000  2026-11-24 20:40 UTC  26 documents, 6 procedures  added 1, changed 2, removed 0  by nam`
    /// and a mark on the served one, in English (tests); the command line prints `text(in: Messages.current)`.
    public var text: String { text(in: .englishForLogs) }

    public func text(in catalogue: MessageCatalogue) -> String {
        var parts = [(served ? "* " : "  ") + name]
        parts.append(time.map { ReleaseNaming.isoTime($0) } ?? "?")
        if let publish {
            let values = ["documents", "procedures", "added", "changed", "removed", "user"].map { ($0, publish.value($0) ?? "?") }
            parts.append(catalogue.text(PublishText.releaseLine, Dictionary(uniqueKeysWithValues: values)))
        } else {
            parts.append(catalogue.text(PublishText.releaseNotLogged))
        }
        return parts.joined(separator: "  ")
    }
}
