import CongkhaiDomain
import Foundation
import Yams

/// The front matter written at the top of an imported document: every field
/// layout recognition read, so that staff check and correct them in one place,
/// and an empty key with a comment for each field it could not read.
public struct ImportedFrontMatter: Sendable {
    public var metadata: DocumentMetadata
    public var attachments: [String] = []
    public var ocr = false

    public init(metadata: DocumentMetadata, attachments: [String] = [], ocr: Bool = false) {
        self.metadata = metadata
        self.attachments = attachments
        self.ocr = ocr
    }

    static let unread = "# not read from the document: fill in, or leave empty"

    /// The fields in the order of the README's table, with what was read.
    var fields: [(key: String, value: FieldValue)] {
        let m = metadata
        return [
            ("type", .text(m.type?.code)),
            ("number", .text(m.number?.written)),
            ("date", .text(m.date?.iso)),
            ("place", .text(m.place)),
            ("issuer", .text(m.issuer)),
            ("parent_issuer", .text(m.parentIssuer)),
            ("title", .text(m.title)),
            ("signer", .text(m.signer)),
            ("signer_title", .list(m.signerTitle)),
            ("recipients", .list(m.recipients)),
        ]
    }

    enum FieldValue {
        case text(String?)
        case list([String])

        var isEmpty: Bool {
            switch self {
            case .text(let s): return s?.isEmpty ?? true
            case .list(let items): return items.isEmpty
            }
        }
    }

    /// Field names that were read, and those that were not.
    public var recognised: [String] { fields.filter { !$0.value.isEmpty }.map(\.key) }
    public var unreadFields: [String] { fields.filter { $0.value.isEmpty }.map(\.key) }

    /// The block between `---` lines, ending with a newline.
    public func yaml() throws -> String {
        var lines = ["---"]
        for (key, value) in fields {
            switch value {
            case .text(let s?) where !s.isEmpty:
                lines.append("\(key): \(try Self.quoted(s))")
            case .list(let items) where !items.isEmpty:
                lines.append("\(key):")
                for item in items { lines.append("  - \(try Self.quoted(item))") }
            default:
                lines.append("\(key):   \(Self.unread)")
            }
        }
        if !attachments.isEmpty {
            lines.append("attachments:")
            for file in attachments { lines.append("  - \(try Self.quoted(file))") }
        }
        if ocr {
            lines.append("ocr: true   # text read from a scan by OCR: compare it with the original, then remove this line")
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML string, written by Yams: "05/KH-STTTT" stays text,
    /// never a number or a date, and a ':' or '#' inside cannot break the line.
    static func quoted(_ text: String) throws -> String {
        let node = Node.scalar(Node.Scalar(text, Tag(.str), .doubleQuoted))
        let yaml = try Yams.serialize(node: node, width: -1, allowUnicode: true, lineBreak: .ln)
        return yaml.trimmingCharacters(in: .newlines)
    }
}
