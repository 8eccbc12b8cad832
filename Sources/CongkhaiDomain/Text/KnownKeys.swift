/// Keys that staff type by hand (in site.yml, front matter, procedures): an
/// unknown one is a warning naming the key and the closest known one, so
/// that `attachements:` is caught instead of silently dropped.
public struct KnownKeys: Sendable {
    public let keys: [String]

    public init(_ keys: [String]) {
        self.keys = keys
    }

    public func contains(_ key: String) -> Bool { keys.contains(key) }

    /// The known key closest in spelling, when it is close enough to be a typo.
    public func closest(to key: String) -> String? {
        let lowered = key.lowercased()
        var best: (key: String, distance: Int)?
        for candidate in keys {
            let d = Self.distance(Array(lowered.unicodeScalars), Array(candidate.unicodeScalars))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, best.key.count / 3) else { return nil }
        return best.key
    }

    /// "the key 'attachements' is not known and is ignored; did you mean 'attachments'?" (or the list of known keys).
    public func unknownKey(_ key: String, file: String, line: Int?) -> Diagnostic {
        if let suggestion = closest(to: key) {
            return Diagnostic(.warning, file: file, line: line, .unknownKey, ["key": key, "suggestion": suggestion])
        }
        return Diagnostic(.warning, file: file, line: line, .unknownKeyNoSuggestion, ["key": key, "known": keys.joined(separator: ", ")])
    }

    /// Levenshtein distance (insertions, deletions, substitutions): the
    /// lists are short and the keys shorter, so the plain dynamic programme does.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
