/// Turns the path of a request, as it came over the wire, into the key of a
/// file of the in-memory site, or refuses it.
///
/// The preview serves only from the dictionary the build made, so no path can
/// reach the disk; this check still refuses every form of escape outright, so
/// that a request that tries is answered 400 and never matched by accident.
enum SitePath {
    enum Resolution: Equatable {
        /// A key to look up in the site ("index.html", "van-ban/2024/3-tb/index.html").
        case file(String)
        case refused(String)
    }

    /// `raw` is the percent-encoded path of the request target, without the query.
    static func resolve(_ raw: String) -> Resolution {
        // "http://host/x" (absolute form) and "*" are not paths of this site.
        guard raw.hasPrefix("/") else { return .refused("the path must start with /") }
        guard !raw.hasPrefix("//") else { return .refused("absolute paths are not served") }
        // Decoded once: "%252e%252e" stays the literal "%2e%2e", which is no file of the site.
        guard let decoded = raw.removingPercentEncoding else { return .refused("the path is not valid percent-encoded UTF-8") }
        if decoded.contains("\\") { return .refused("backslashes are not allowed in a path") }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refused("control characters (NUL among them) are not allowed in a path")
        }
        let relative = decoded.dropFirst()
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return .refused("dot segments are not allowed in a path") }
            // "a//b" and "/%2Fetc": an empty segment anywhere but at the very end.
            if segment.isEmpty && index != segments.count - 1 { return .refused("empty segments are not allowed in a path") }
        }
        if relative.isEmpty || relative.hasSuffix("/") { return .file(relative + "index.html") }
        return .file(String(relative))
    }
}
