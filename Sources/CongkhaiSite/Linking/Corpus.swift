import CongkhaiDomain
import Foundation

/// The documents that will be published, each with its permanent URL, and
/// the indexes readers browse by: year, type and number.
public struct Corpus: Sendable {
    /// Sorted by URL: the order of the catalogue.
    public private(set) var documents: [Document]
    /// Documents left out (their errors).
    public private(set) var diagnostics: [Diagnostic] = []
    private var indexBySource: [String: Int] = [:]
    /// Every publishable file beside the documents, by content path.
    public let attachments: [String: AttachmentFile]

    /// The folder for documents whose year is unknown.
    public static let unknownYearSegment = "khong-ro-nam"

    init(_ read: [Document], attachments: [String: AttachmentFile]) {
        self.attachments = attachments
        var documents = read
        var diagnostics: [Diagnostic] = []
        for i in documents.indices {
            documents[i].url = Self.pagePath(for: documents[i])
            Self.resolveAttachments(&documents[i], attachments: attachments)
        }
        // Two documents at one URL would overwrite each other: both are an error.
        let groups = Dictionary(grouping: documents.indices, by: { documents[$0].url })
        var rejected: Set<Int> = []
        for (url, indices) in groups where indices.count > 1 {
            let files = indices.map { documents[$0].source }.sorted()
            for i in indices {
                rejected.insert(i)
                let otherFiles = files.filter { $0 != documents[i].source }
                let others = otherFiles.prefix(3).joined(separator: ", ") + (otherFiles.count > 3 ? " and \(otherFiles.count - 3) more" : "")
                let hint = url.hasPrefix("thu-tuc/")
                    ? "two procedures cannot have the same code (mã thủ tục): check the code in both files"
                    : "numbers restart each year: check the number and the date of both files (the same number twice in a year is a mistake)"
                diagnostics.append(Diagnostic(.error, file: documents[i].source,
                                              "this document would be published at \(url), like \(others); neither is published", hint: hint))
            }
        }
        self.documents = documents.enumerated().filter { !rejected.contains($0.offset) }.map(\.element).sorted { $0.url < $1.url }
        self.diagnostics = diagnostics
        for (i, doc) in self.documents.enumerated() { indexBySource[doc.source] = i }
    }

    /// A replaced or repealed document says so in its status (the words are
    /// the vocabulary of the national legal database, not theme strings).
    mutating func applyStatus(from graph: CitationGraph) {
        for (index, related) in graph.relatedBy.enumerated() {
            if related.contains(where: { $0.kind == .repeals }) { documents[index].metadata.status = "Đã bị bãi bỏ" }
            else if related.contains(where: { $0.kind == .replaces }) { documents[index].metadata.status = "Đã bị thay thế" }
        }
    }

    public func document(atSource path: String) -> Document? {
        indexBySource[path].map { documents[$0] }
    }

    /// "van-ban/2020/545-kh-stttt-vp/": the year is part of the address because
    /// numbers restart every year.
    static func pagePath(for doc: Document) -> String {
        // A procedure (thủ tục hành chính) is known by its code in the national database, not by year.
        if let procedure = doc.procedure {
            let slug = VietnameseText.slug(procedure.code ?? "")
            return "thu-tuc/\(slug.isEmpty ? VietnameseText.slug(procedure.name ?? doc.source, maxLength: 60) : slug)/"
        }
        let year = doc.year.map(String.init) ?? unknownYearSegment
        var slug = ""
        if let number = doc.metadata.number, number.number != nil {
            slug = VietnameseText.slug(number.key, maxLength: 80)
        }
        if slug.isEmpty, let title = doc.metadata.title {
            slug = VietnameseText.slug(title, maxLength: 60)
        }
        if slug.isEmpty {
            let file = (doc.source as NSString).lastPathComponent
            slug = VietnameseText.slug((file as NSString).deletingPathExtension)
        }
        if slug.isEmpty { slug = "van-ban" }
        return "van-ban/\(year)/\(slug)/"
    }

    /// Attachments named in front matter are found beside the document.
    static func resolveAttachments(_ doc: inout Document, attachments: [String: AttachmentFile]) {
        let folder = (doc.source as NSString).deletingLastPathComponent
        for name in doc.metadata.attachments {
            switch ContentPath.resolve(name, from: folder) {
            case .outside:
                doc.diagnostics.append(Diagnostic(.warning, file: doc.source, "the attachment '\(name)' points outside the content folder and is not published",
                                                  hint: "put the file beside the document and give its name only"))
            case .inside(let path):
                if let file = attachments[path] {
                    if !doc.attachments.contains(file) { doc.attachments.append(file) }
                } else {
                    doc.diagnostics.append(Diagnostic(.warning, file: doc.source, "the attachment '\(name)' was not found",
                                                      hint: "check the file name (letters, accents and extension) and that it is beside the document, or that its kind of file can be published"))
                }
            }
        }
    }

    // MARK: indexes

    /// Newest first; documents dated only to the year come after those with a full date.
    static func newestFirst(_ a: Document, _ b: Document) -> Bool {
        let da = a.metadata.date, db = b.metadata.date
        if da != db {
            guard let da else { return false }
            guard let db else { return true }
            return da > db
        }
        let na = a.metadata.number?.numericValue ?? -1, nb = b.metadata.number?.numericValue ?? -1
        if na != nb { return na > nb }
        return a.source < b.source
    }

    /// By number as a number (2 before 10; 05 equals 5), then by symbol.
    static func byNumber(_ a: Document, _ b: Document) -> Bool {
        let na = a.metadata.number?.numericValue ?? Int.max, nb = b.metadata.number?.numericValue ?? Int.max
        if na != nb { return na < nb }
        let sa = a.metadata.number?.symbol ?? "", sb = b.metadata.number?.symbol ?? ""
        if sa != sb { return sa < sb }
        return a.source < b.source
    }

    /// The documents the indexes list: procedures have a list of their own.
    public var listed: [Document] { documents.filter { !$0.isProcedure } }

    public var procedures: [Document] { documents.filter(\.isProcedure) }

    /// Years, newest first; documents with no known year last (year nil).
    public var years: [(year: Int?, documents: [Document])] {
        let groups = Dictionary(grouping: listed, by: { $0.year })
        return groups.keys.sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }.map { ($0, groups[$0]!.sorted(by: Self.newestFirst)) }
    }

    /// Types in Vietnamese alphabetical order; documents of unknown type last (type nil).
    public var types: [(type: DocumentType?, documents: [Document])] {
        let groups = Dictionary(grouping: listed, by: { $0.metadata.type })
        let known = groups.keys.compactMap { $0 }.sorted { VietnameseText.collationLess($0.name, $1.name) }
        var out: [(DocumentType?, [Document])] = known.map { ($0, groups[$0]!.sorted(by: Self.newestFirst)) }
        if let unknown = groups[nil] { out.append((nil, unknown.sorted(by: Self.newestFirst))) }
        return out
    }
}

/// Relative paths written by staff, resolved without leaving the content folder.
enum ContentPath {
    enum Resolution: Equatable { case inside(String), outside }

    static func resolve(_ reference: String, from folder: String) -> Resolution {
        let decoded = reference.removingPercentEncoding ?? reference
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in decoded.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                guard !parts.isEmpty else { return .outside }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? .outside : .inside(parts.joined(separator: "/"))
    }
}
