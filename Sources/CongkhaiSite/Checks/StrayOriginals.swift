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
    ///   their text, as a procedure's form (see `named(by:)`).
    public static func diagnostics<Paths: Sequence<String>>(attachments: Paths, named: Set<String>) -> [Diagnostic] {
        attachments
            .filter { documentKinds.contains(($0 as NSString).pathExtension.lowercased()) && !named.contains($0) }
            .sorted()
            .map { path in
                Diagnostic(.warning, file: path, .strayOriginal, ["path": path])
            }
    }

    /// What the records name: their attachments (front matter and links in
    /// their text) and a procedure's form templates.
    static func named(by records: [DocumentRecord]) -> Set<String> {
        // From the procedure, not its rendered downloads: asking for the text would render it again in a rebuild.
        Set(records.flatMap { record in
            let folder = (record.source as NSString).deletingLastPathComponent
            let forms = (record.procedure?.namedForms ?? []).compactMap { form -> String? in
                guard case .inside(let path) = ContentPath.resolve(form.source, from: folder) else { return nil }
                return path
            }
            return record.attachments.map(\.sourcePath) + forms
        })
    }
}
