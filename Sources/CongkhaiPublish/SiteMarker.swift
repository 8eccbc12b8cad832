import Foundation

/// The `.congkhai-site` file the build writes into every site: what was built,
/// from which content, and which source files were left out because of errors.
public struct SiteMarker: Equatable, Sendable {
    public static let fileName = ".congkhai-site"

    public var version: String?
    public var documents: Int?
    public var procedures: Int?
    public var leftOut: [String]
    public var contentDigest: String?
    public var themeDigest: String?
    /// False for an empty marker (builds from before the marker carried JSON): nothing is known.
    public var isKnown: Bool

    public static let unknown = SiteMarker(version: nil, documents: nil, procedures: nil, leftOut: [], contentDigest: nil,
                                           themeDigest: nil, isKnown: false)

    public init(version: String?, documents: Int?, procedures: Int?, leftOut: [String], contentDigest: String?,
                themeDigest: String?, isKnown: Bool = true) {
        self.version = version
        self.documents = documents
        self.procedures = procedures
        self.leftOut = leftOut
        self.contentDigest = contentDigest
        self.themeDigest = themeDigest
        self.isKnown = isKnown
    }

    /// Decodes the marker; an empty file means "unknown", anything else that is not the JSON contract is an error.
    public init(data: Data, file: String) throws {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self = .unknown
            return
        }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              json["generator"] as? String == "congkhai" else {
            throw PublishFailure(.notAMarker, ["file": file])
        }
        self.init(version: json["version"] as? String, documents: json["documents"] as? Int, procedures: json["procedures"] as? Int,
                  leftOut: (json["leftOut"] as? [String]) ?? [], contentDigest: (json["contentDigest"] as? String).map(Self.hexOnly),
                  themeDigest: (json["themeDigest"] as? String).map(Self.hexOnly))
    }

    /// The digest goes into the plain-text publish log: nothing but hex digits may reach it.
    private static func hexOnly(_ text: String) -> String {
        String(text.filter { $0.isHexDigit }.prefix(64))
    }
}
