import Foundation

/// `publish.log` in the target: one plain-text line per publish or rollback,
/// appended, never rewritten. `key=value` fields so that staff can read it and
/// `congkhai releases` can parse it back.
public struct PublishLogLine: Equatable, Sendable {
    public enum Action: String, Sendable { case publish, rollback }

    public var time: Date
    public var action: Action
    public var release: String
    public var fields: [(String, String)]

    public init(time: Date, action: Action, release: String, fields: [(String, String)]) {
        self.time = time
        self.action = action
        self.release = release
        self.fields = fields
    }

    public static func == (a: PublishLogLine, b: PublishLogLine) -> Bool {
        a.time == b.time && a.action == b.action && a.release == b.release
            && a.fields.map(\.0) == b.fields.map(\.0) && a.fields.map(\.1) == b.fields.map(\.1)
    }

    public func value(_ key: String) -> String? {
        fields.first { $0.0 == key }?.1
    }

    public var text: String {
        ([ReleaseNaming.isoTime(time), action.rawValue, release] + fields.map { "\($0.0)=\(Self.clean($0.1))" })
            .joined(separator: " ")
    }

    /// A value comes from the user name or the content; one line must stay one line with one field per word.
    static func clean(_ value: String) -> String {
        let kept = value.unicodeScalars.map { scalar -> Character in
            scalar.properties.isWhitespace || scalar.value < 0x20 || scalar == "=" ? "_" : Character(scalar)
        }
        return kept.isEmpty ? "-" : String(kept)
    }

    /// Reads one line back; lines it does not understand (written by hand) are skipped.
    public init?(parsing line: Substring) {
        let words = line.split(separator: " ")
        guard words.count >= 3, let time = ReleaseNaming.parseISOTime(String(words[0])),
              let action = Action(rawValue: String(words[1])) else { return nil }
        self.time = time
        self.action = action
        release = String(words[2])
        fields = words.dropFirst(3).compactMap { word in
            guard let equals = word.firstIndex(of: "=") else { return nil }
            return (String(word[..<equals]), String(word[word.index(after: equals)...]))
        }
    }

    public static func parseAll(_ text: String) -> [PublishLogLine] {
        text.split(separator: "\n").compactMap { PublishLogLine(parsing: $0) }
    }
}

/// Release folder names: the UTC time of the publish, so that names sort in order of publishing.
public enum ReleaseNaming {
    public static let releasesFolder = "releases"
    public static let currentLink = "current"
    public static let logFile = "publish.log"
    public static let lockFile = ".publish.lock"
    /// A release being copied; a publish killed before the switch leaves one behind.
    public static let incomingPrefix = ".incoming-"
    /// The new `current` link, made under this name and then renamed over the old one.
    public static let linkPrefix = ".current.tmp-"

    public static func newName(at time: Date, existing: Set<String>) -> String {
        let base = compactTime(time)
        var name = base
        var counter = 2
        while existing.contains(name) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        return name
    }

    /// Folder names in `releases/` that are finished releases, oldest first.
    public static func releases(in names: [String]) -> [String] {
        names.filter(isReleaseName).sorted()
    }

    public static func isReleaseName(_ name: String) -> Bool {
        guard let first = name.first, first.isNumber else { return false }
        return name.allSatisfy { $0.isNumber || $0 == "-" || $0 == "T" }
    }

    /// The releases pruning removes: all but the newest `keep`, never the one served or the one about to be.
    public static func toPrune(_ releases: [String], keep: Int, protected: Set<String>) -> [String] {
        let sorted = releases.sorted()
        let kept = Set(sorted.suffix(max(keep, 1))).union(protected)
        return sorted.filter { !kept.contains($0) }
    }

    static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }

    public static func compactTime(_ time: Date) -> String {
        formatter("yyyyMMdd'T'HHmmss").string(from: time)
    }

    public static func isoTime(_ time: Date) -> String {
        formatter("yyyy-MM-dd'T'HH:mm:ss'Z'").string(from: time)
    }

    public static func parseISOTime(_ text: String) -> Date? {
        formatter("yyyy-MM-dd'T'HH:mm:ss'Z'").date(from: text)
    }

    /// The time a release name stands for, for listings.
    public static func time(of release: String) -> Date? {
        formatter("yyyyMMdd'T'HHmmss").date(from: String(release.prefix(15)))
    }
}
