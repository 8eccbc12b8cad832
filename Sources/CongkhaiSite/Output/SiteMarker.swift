import Crypto
import Foundation

/// The version of congkhai, written into every site it builds.
public enum CongkhaiVersion {
    public static let current = "0.2.0"
}

/// `.congkhai-site` at the root of every built site: it tells the build that
/// it may replace this folder, and tells the archive and publish tools what
/// the build published (counts, files left out by errors, digests of the
/// content and the theme it was made from).
public struct SiteMarker: Sendable, Equatable {
    public var version = CongkhaiVersion.current
    public var documents: Int
    public var procedures: Int
    /// Content files left out of the site because of errors.
    public var leftOut: [String]
    public var contentDigest: String
    public var themeDigest: String

    var json: String {
        JSONValue.object([
            ("generator", .string("congkhai")), ("version", .string(version)),
            ("documents", .int(documents)), ("procedures", .int(procedures)),
            ("leftOut", .array(leftOut.map(JSONValue.string))),
            ("contentDigest", .string(contentDigest)), ("themeDigest", .string(themeDigest)),
        ]).serialized()
    }

    /// Reads the marker of a built site; nil when the folder has none or an older, empty one.
    public static func read(site: URL) -> SiteMarker? {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(OutputStaging.marker).path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return SiteMarker(version: object["version"] as? String ?? "", documents: object["documents"] as? Int ?? 0,
                          procedures: object["procedures"] as? Int ?? 0, leftOut: object["leftOut"] as? [String] ?? [],
                          contentDigest: object["contentDigest"] as? String ?? "", themeDigest: object["themeDigest"] as? String ?? "")
    }
}

/// SHA-256 digests of content: of one file, and of a set of files by path.
enum ContentDigest {
    static func of(_ data: Data) -> String { SHA256.hash(data: data).hex }

    /// One digest for many files: the digest of "<sha256>  <path>" lines in path order
    /// (the format of sha256sum), so that a renamed file changes it too.
    static func ofFiles(_ digests: [String: String]) -> String {
        of(Data(lines(digests).utf8))
    }

    /// The text `ofFiles` digests.
    static func lines(_ digests: [String: String]) -> String {
        digests.keys.sorted().map { "\(digests[$0]!)  \($0)\n" }.joined()
    }

    /// The digests of a text `lines` made, by path.
    static func digests(inLines text: String) -> [String: String] {
        // "digest  path": the digest is 64 hexadecimal digits
        var out: [String: String] = [:]
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                if i - start > 66 {
                    out[String(decoding: UnsafeBufferPointer(rebasing: bytes[start + 66..<i]), as: UTF8.self)] =
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + 64]), as: UTF8.self)
                }
                start = i + 1
            }
        }
        return out
    }
}
