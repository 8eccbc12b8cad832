import CongkhaiDomain
import Foundation

/// Where an imported document goes in the content folder: a folder for its
/// year ("khong-ro-nam" when unknown), named from its number, else from its
/// summary, else from the original file's name, the way the site names its
/// page, so that the file and the page are easy to match up.
public struct ImportDestination: Sendable, Equatable {
    /// "2024" or "khong-ro-nam".
    public let folder: String
    /// "5-kh-stttt", without extension.
    public let stem: String

    public static let unknownYear = "khong-ro-nam"

    public init(metadata: DocumentMetadata, originalName: String) {
        folder = metadata.year.map(String.init) ?? Self.unknownYear
        var slug = ""
        if let number = metadata.number, number.number != nil {
            slug = VietnameseText.slug(number.key, maxLength: 80)
        }
        if slug.isEmpty, let title = metadata.title { slug = VietnameseText.slug(title, maxLength: 60) }
        if slug.isEmpty { slug = VietnameseText.slug((originalName as NSString).deletingPathExtension) }
        stem = slug.isEmpty ? "van-ban" : slug
    }

    /// The content file: "2024/5-kh-stttt.md".
    public var document: String { "\(folder)/\(stem).md" }
    /// The original kept beside it: "2024/5-kh-stttt.pdf".
    public func original(extension ext: String) -> String { "\(folder)/\(stem).\(ext.lowercased())" }
    /// Pictures extracted from a Word file: "2024/5-kh-stttt-hinh/".
    public var mediaFolder: String { "\(folder)/\(stem)-hinh" }
}
