import CongkhaiMessages
import Foundation

/// The day a snapshot shows and the one instant written everywhere a time is
/// needed (zip entries, WARC records, the data package), so that the same site
/// archived for the same day gives the same bytes on any machine.
public struct SnapshotDate: Equatable, Sendable {
    /// `YYYY-MM-DD`, UTC.
    public let day: String
    public let instant: Date

    /// `--date` wins for the day; `SOURCE_DATE_EPOCH` (reproducible-builds.org) gives the instant
    /// when it falls on that day, otherwise the day starts at midnight UTC. With neither, today (UTC).
    public static func resolve(day requested: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date()) throws -> SnapshotDate {
        var epoch: Date?
        if let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty {
            guard let seconds = Int(text), seconds >= 315_532_800 else {
                throw ArchiveFailure(.badSourceDateEpoch, ["value": text])
            }
            epoch = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let day: String
        if let requested {
            guard let midnight = midnight(of: requested) else {
                throw ArchiveFailure(.badDate, ["date": requested])
            }
            guard midnight.timeIntervalSince1970 >= 315_532_800 else {
                throw ArchiveFailure(.dateBefore1980, ["date": requested])
            }
            day = requested
        } else {
            day = format(epoch ?? now)
        }
        let start = midnight(of: day)!
        if let epoch, format(epoch) == day { return SnapshotDate(day: day, instant: epoch) }
        return SnapshotDate(day: day, instant: start)
    }

    public init(day: String, instant: Date) {
        self.day = day
        // zip records even seconds only; keeping the instant on one makes every record agree
        let seconds = Int(instant.timeIntervalSince1970)
        self.instant = Date(timeIntervalSince1970: TimeInterval(seconds - seconds % 2))
    }

    /// `2024-06-30T00:00:00Z`
    public var iso: String { Self.isoFormatter.string(from: instant) }
    /// `20240630000000`, the 14-digit form of WARC indexes.
    public var compact: String { iso.filter(\.isNumber) }

    static func midnight(of day: String) -> Date? {
        let parts = day.split(separator: "-")
        guard day.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    static func format(_ date: Date) -> String { String(isoFormatter.string(from: date).prefix(10)) }

    static let isoFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
}

/// A problem that stops the command, for the person who ran it: a catalogue key and its values
/// (the command line prints `words` in the user's language; `description` is English).
public struct ArchiveFailure: CataloguedFailure {
    public let key: ArchiveText
    public let arguments: [String: String]
    public var messageKey: String { key.rawValue }

    public init(_ key: ArchiveText, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}
