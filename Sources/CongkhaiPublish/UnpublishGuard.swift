import CongkhaiMessages

/// Decides whether a new release may replace the one being served: no document
/// or procedure that citizens can read now may silently disappear.
public enum UnpublishGuard {
    /// Why a URL served now would no longer be.
    public enum Reason: Equatable, Sendable {
        /// No document in the new site comes from the same content file.
        case removed
        /// The same content file now publishes at another URL, and no redirect page keeps the old one.
        case moved(to: String)
        /// The build left the content file out because of an error.
        case leftOut(source: String)
    }

    public struct Disappearance: Equatable, Sendable {
        public var entry: PublishedEntry
        public var reason: Reason

        /// Which page, why it would disappear and what to do, as a catalogue key and its values.
        public var finding: (key: PublishText, arguments: [String: String]) {
            var arguments = ["page": entry.url, "title": entry.title, "source": entry.source ?? "?"]
            switch reason {
            case .removed:
                return (.goneRemoved, arguments)
            case .moved(let url):
                arguments["address"] = url
                return (.goneMoved, arguments)
            case .leftOut(let source):
                arguments["source"] = source
                return (.goneLeftOut, arguments)
            }
        }

        /// In English (logs, tests); the command line prints `words`.
        public var explanation: String { MessageCatalogue.englishForLogs.text(finding.key, finding.arguments) }
        public var words: String { Messages.current.text(finding.key, finding.arguments) }
    }

    public struct Verdict: Equatable, Sendable {
        public var disappearances: [Disappearance]
        /// Old URLs that now lead to a redirect page: fine.
        public var redirected: [PublishedEntry]
        /// Source files the build left out because of errors (from the marker).
        public var leftOut: [String]
        /// The new site's marker carried no information (an empty marker from an older build).
        public var markerUnknown: Bool

        /// The switch needs `--allow-removal`.
        public var needsPermission: Bool { !disappearances.isEmpty || !leftOut.isEmpty }
    }

    /// - Parameters:
    ///   - served: the catalogue of the release being served (empty on the first publish).
    ///   - candidate: the catalogue of the site about to be published.
    ///   - marker: the candidate's `.congkhai-site`.
    ///   - stillAnswers: whether the candidate has a page at a URL (a redirect page left at an old URL).
    public static func check(served: SiteCatalogue, candidate: SiteCatalogue, marker: SiteMarker,
                             stillAnswers: (String) -> Bool) -> Verdict {
        let newURLs = Set(candidate.entries.map(\.url))
        var newURLBySource: [String: String] = [:]
        for entry in candidate.entries {
            if let source = entry.source { newURLBySource[source] = entry.url }
        }
        var disappearances: [Disappearance] = []
        var redirected: [PublishedEntry] = []
        for entry in served.entries.sorted(by: { $0.url < $1.url }) where !newURLs.contains(entry.url) {
            if stillAnswers(entry.url) {
                redirected.append(entry)
            } else if let source = entry.source, let leftOut = marker.leftOut.first(where: { Self.sameFile($0, source) }) {
                disappearances.append(Disappearance(entry: entry, reason: .leftOut(source: leftOut)))
            } else if let source = entry.source, let url = newURLBySource[source] {
                disappearances.append(Disappearance(entry: entry, reason: .moved(to: url)))
            } else {
                disappearances.append(Disappearance(entry: entry, reason: .removed))
            }
        }
        return Verdict(disappearances: disappearances, redirected: redirected, leftOut: marker.leftOut.sorted(),
                       markerUnknown: !marker.isKnown)
    }

    /// The marker may name files from the project folder (`Content/2024/a.md`) while the catalogue names them
    /// from the content folder (`2024/a.md`).
    static func sameFile(_ leftOut: String, _ source: String) -> Bool {
        leftOut == source || leftOut.hasSuffix("/" + source)
    }
}
