import CongkhaiDomain
import Foundation

/// The documents that will be published, each with its permanent URL, and
/// the indexes readers browse by: year, type and number.
public struct Corpus: Sendable {
    /// Sorted by URL: the order of the catalogue.
    public private(set) var documents: [Document]
    /// Documents left out (their errors).
    public private(set) var diagnostics: [Diagnostic] = []
    /// Content files left out because they would collide with another.
    public private(set) var leftOut: [String] = []
    private var position: [DocumentID: Int] = [:]
    /// Every publishable file beside the documents, by content path.
    public let attachments: [String: AttachmentFile]

    /// `published`: documents the site online has; when a new file takes the address of
    /// one of them, the new file is the one left out.
    init(_ read: [Document], attachments: [String: AttachmentFile], published: Set<DocumentID> = []) {
        self.attachments = attachments
        var documents = read
        var diagnostics: [Diagnostic] = []
        for i in documents.indices {
            documents[i].url = Self.pagePath(for: documents[i])
            Self.resolveAttachments(&documents[i], attachments: attachments)
        }
        Self.separateUnnumbered(&documents)
        // Two documents at one URL would overwrite each other: both are an error.
        let groups = Dictionary(grouping: documents.indices, by: { documents[$0].url })
        var rejected: Set<Int> = []
        for (url, indices) in groups where indices.count > 1 {
            let online = indices.filter { published.contains(documents[$0].id) }
            if online.count == 1 {
                let kept = documents[online[0]].source
                for i in indices where i != online[0] {
                    rejected.insert(i)
                    diagnostics.append(Diagnostic(.error, file: documents[i].source, .sameAddressAsPublished,
                                                  ["address": url, "published": kept]))
                }
                continue
            }
            let files = indices.map { documents[$0].source }.sorted()
            for i in indices {
                rejected.insert(i)
                let otherFiles = files.filter { $0 != documents[i].source }
                let others = otherFiles.prefix(3).joined(separator: ", ")
                    + (otherFiles.count > 3 ? " (+\(otherFiles.count - 3))" : "")
                let key: MessageKey = url.hasPrefix(Routes.procedures) ? .sameAddressProcedure : .sameAddress
                diagnostics.append(Diagnostic(.error, file: documents[i].source, key,
                                              ["address": url, "others": others]))
            }
        }
        self.documents = documents.enumerated().filter { !rejected.contains($0.offset) }.map(\.element).sorted { $0.url < $1.url }
        self.diagnostics = diagnostics
        leftOut = rejected.map { documents[$0].source }.sorted()
        for (i, doc) in self.documents.enumerated() { position[doc.id] = i }
    }

    /// Documents without a number are addressed by a slug of their summary, cut
    /// short: two summaries that differ only near the end slug alike. Each of
    /// them then gets a suffix made from its content path, which stays the same
    /// from one build to the next (numbered documents and procedures keep theirs).
    static func separateUnnumbered(_ documents: inout [Document]) {
        let groups = Dictionary(grouping: documents.indices, by: { documents[$0].url })
        for (_, indices) in groups where indices.count > 1 {
            for i in indices where documents[i].procedure == nil && documents[i].metadata.number?.number == nil {
                let suffix = String(ContentDigest.of(Data(documents[i].source.utf8)).prefix(6))
                documents[i].url = String(documents[i].url.dropLast()) + "-" + suffix + "/"
            }
        }
    }

    public subscript(id: DocumentID) -> Document? {
        position[id].map { documents[$0] }
    }

    public func document(atSource path: String) -> Document? { self[DocumentID(path)] }

    /// A document's address, without copying the document out (that retains each of its fields).
    func url(of id: DocumentID) -> String? { position[id].map { documents[$0].url } }

    /// Where every document and attachment is published: all that rendering a
    /// text needs of the others (it must not hold their texts).
    var addresses: Addresses {
        Addresses(urls: Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.url) }), attachments: attachments)
    }

    struct Addresses: Sendable {
        let urls: [DocumentID: String]
        let attachments: [String: AttachmentFile]
    }

    /// The given documents in the corpus's order (by URL).
    func inOrder<S: Sequence>(_ ids: S) -> [DocumentID] where S.Element == DocumentID {
        ids.compactMap { id in position[id].map { (id, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// A replaced or repealed document says so in its status, in the theme's words.
    mutating func applyStatus(from graph: CitationGraph, repealed: String, replaced: String) {
        for i in documents.indices {
            let related = graph.relatedBy(documents[i].id)
            if related.contains(where: { $0.kind == .repeals }) { documents[i].metadata.status = repealed }
            else if related.contains(where: { $0.kind == .replaces }) { documents[i].metadata.status = replaced }
        }
    }

    /// One issuing body, one name in data: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" from a
    /// header and "Sở Thông tin và Truyền thông" from front matter (or site.yml)
    /// become the best spelling among those seen (`IssuerName.canonical`). The
    /// header still prints it in capitals (the theme sets the case).
    mutating func nameIssuersCanonically(siteName: String, siteParent: String?) {
        var uses: [String: Int] = [:]
        for name in [siteName, siteParent].compactMap({ $0 }) where !name.isEmpty { uses[name, default: 0] += 1 }
        for doc in documents {
            for name in [doc.metadata.issuer, doc.metadata.parentIssuer].compactMap({ $0 }) { uses[name, default: 0] += 1 }
        }
        let canonical = IssuerName.canonical(uses)
        // Each name spelt as it was is looked up once: ten thousand documents name a handful of bodies.
        var named: [String: String] = [:]
        for name in uses.keys { named[name] = canonical[IssuerName.key(name)] ?? name }
        for i in documents.indices {
            if let name = documents[i].metadata.issuer { documents[i].metadata.issuer = named[name] ?? name }
            if let name = documents[i].metadata.parentIssuer { documents[i].metadata.parentIssuer = named[name] ?? name }
        }
    }

    /// Lets go of the documents' Markdown once the records hold it: each record holds its own until its text is
    /// rendered, and no output needs it after that. Holding every text twice (or Markdown and HTML at once) for a
    /// large corpus would nearly double the build's memory.
    mutating func dropMarkdown() {
        for i in documents.indices { documents[i] = documents[i].withoutMarkdown }
    }

    /// Gives documents whose text was not rendered the attachments their text links to.
    mutating func setAttachments(of ids: Set<DocumentID>, _ attachments: (DocumentID) -> [AttachmentFile]?) {
        for i in documents.indices where ids.contains(documents[i].id) {
            if let files = attachments(documents[i].id), !files.isEmpty { documents[i].attachments = files }
        }
    }

    /// Every document's address and every attachment's: a text may link to any of them.
    var addressesDigest: String {
        let lines = documents.map { "\($0.source)\t\($0.url)" }
            + attachments.keys.sorted().map { "\($0)\t\(attachments[$0]!.sitePath)\t\(attachments[$0]!.size)" }
        return ContentDigest.of(Data(lines.joined(separator: "\n").utf8))
    }

    /// "van-ban/2020/545-kh-stttt-vp/": the year is part of the address because
    /// numbers restart every year.
    static func pagePath(for doc: Document) -> String {
        if let procedure = doc.procedure {
            let slug = VietnameseText.slug(procedure.code ?? "")
            return Routes.procedure(slug: slug.isEmpty ? VietnameseText.slug(procedure.name ?? doc.source, maxLength: 60) : slug)
        }
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
        return Routes.document(year: doc.year, slug: slug)
    }

    /// Attachments named in front matter are found beside the document.
    static func resolveAttachments(_ doc: inout Document, attachments: [String: AttachmentFile]) {
        let folder = (doc.source as NSString).deletingLastPathComponent
        for name in doc.metadata.attachments {
            switch ContentPath.resolve(name, from: folder) {
            case .outside:
                doc.diagnostics.append(Diagnostic(.warning, file: doc.source, .attachmentOutside, ["name": name]))
            case .inside(let path):
                if let file = attachments[path] {
                    if !doc.attachments.contains(file) { doc.attachments.append(file) }
                } else {
                    doc.diagnostics.append(Diagnostic(.warning, file: doc.source, .attachmentNotFound, ["name": name]))
                }
            }
        }
    }

    /// Reading diagnostics were reported by the reading step; linking adds its own.
    mutating func clearDiagnostics() {
        diagnostics = []
        for i in documents.indices { documents[i].diagnostics = [] }
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
