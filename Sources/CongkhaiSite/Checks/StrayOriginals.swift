import CongkhaiDomain
import Foundation

/// A Word or PDF file in the content folder that no document names is
/// published as an attachment of nothing: most often a document dropped there
/// instead of imported. Each one gets a warning saying how to import it.
/// A procedure's form templates are named by the procedure, so they are fine.
public enum StrayOriginals {
    /// The kinds of file staff receive documents as.
    static let documentKinds: Set<String> = ["docx", "doc", "pdf"]

    /// - attachments: every attachment of the content folder, by its path relative to it.
    /// - named: the content paths that documents name: in `attachments:`, in a link in
    ///   their text, as a procedure's form (see `named(byFrontMatterOf:)` and `resolve`).
    public static func diagnostics<Paths: Sequence<String>>(attachments: Paths, named: Set<String>) -> [Diagnostic] {
        attachments
            .filter { documentKinds.contains(($0 as NSString).pathExtension.lowercased()) && !named.contains($0) }
            .sorted()
            .map { path in
                Diagnostic(.warning, file: path,
                           "this file belongs to no document; to publish it as a document, run `congkhai import \(path)`",
                           hint: "or name it in the 'attachments:' of the document it belongs to, or link to it from that document's text")
            }
    }

    /// What documents name in their front matter: `attachments:` as resolved by
    /// the corpus, and a procedure's `forms:` and dossier templates.
    public static func named(byFrontMatterOf documents: [Document]) -> Set<String> {
        var named: Set<String> = []
        for doc in documents {
            named.formUnion(doc.attachments.map(\.sourcePath))
            for reference in doc.metadata.attachments { if let path = resolve(reference, inDocument: doc.source) { named.insert(path) } }
            guard let procedure = doc.procedure else { continue }
            for reference in procedure.forms + procedure.dossier.compactMap(\.template) {
                if let path = resolve(reference, inDocument: doc.source) { named.insert(path) }
            }
        }
        return named
    }

    /// A reference as written in a document (relative to its folder) as a content path;
    /// nil when it leads outside the content folder or is a web address.
    public static func resolve(_ reference: String, inDocument source: String) -> String? {
        guard !reference.contains("://"), !reference.hasPrefix("mailto:") else { return nil }
        let withoutFragment = String(reference.prefix { $0 != "#" && $0 != "?" })
        let folder = (source as NSString).deletingLastPathComponent
        guard case .inside(let path) = ContentPath.resolve(withoutFragment, from: folder) else { return nil }
        return path
    }
}
