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

    /// `20261124T204000  2026-11-24 20:40 UTC  26 documents, 6 procedures  +1 ~2 -0  by nam` and a mark on the served one.
    public var text: String {
        var parts = [(served ? "* " : "  ") + name]
        parts.append(time.map { ReleaseNaming.isoTime($0) } ?? "?")
        if let publish {
            parts.append("\(publish.value("documents") ?? "?") documents, \(publish.value("procedures") ?? "?") procedures")
            parts.append("added \(publish.value("added") ?? "?"), changed \(publish.value("changed") ?? "?"), " +
                         "removed \(publish.value("removed") ?? "?")")
            parts.append("by \(publish.value("user") ?? "?")")
        } else {
            parts.append("(not in publish.log)")
        }
        return parts.joined(separator: "  ")
    }
}
