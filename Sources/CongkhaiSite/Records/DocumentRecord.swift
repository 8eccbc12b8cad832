import CongkhaiDomain
import Foundation

/// One document as every output sees it: its metadata, its address, its
/// relations to other documents and its rendered text, resolved once. The
/// page, the catalogue and later the feeds, CSV and JSON-LD are all made from
/// this record, never from the document and the graph by hand.
/// A class, not a struct: records are made once and never changed, and every list,
/// page and table passes them around; copying a struct of twenty fields retained
/// each of them, which took a tenth of a full build.
public final class DocumentRecord: Sendable {
    public let id: DocumentID
    /// Site path of its page: "van-ban/2020/545-kh-stttt-vp/".
    public let url: String
    /// The content file, relative to the content folder.
    public let source: String
    /// Names what reading gave except the body (`Document.readKey`).
    let readKey: String
    public let metadata: DocumentMetadata
    /// "Kế hoạch 545/KH-STTTT-VP": how lists and links name it.
    public let label: String
    /// Files named in front matter, then those its text links to: known before the text is rendered when a rebuild
    /// kept what the previous one found, else once it is (see `LazyText.attachments`).
    public var attachments: [AttachmentFile] { textSource.attachments }
    public let cites: [Cite]
    /// Technical standards and regulations it names ("QCVN 03:2023/BCA"): references, not documents.
    public let standards: [TechnicalStandard]
    public let citedBy: [Reference]
    /// Declared in its front matter, then declared by others about it.
    public let relations: [Relation]
    /// Rendered on first use: by the Markdown step's pass, or by an output that asks after it let the text go.
    public var text: RenderedText { textSource.value }
    /// Lets the rendered text go: the Markdown step made its page, twin and search passages.
    func releaseText() { textSource.release() }
    let textSource: LazyText
    /// What the text is made from (see `RenderKey`): the text's identity without the text.
    let renderKey: String
    public var procedure: Procedure? { procedureBox?.value }
    private let procedureBox: Boxed<Procedure>?
    /// A draft (blank number, "dự thảo" in its status or file name): worked out once, since every list
    /// it appears on asks, and folding the text each time took a fiftieth of a full build.
    public let isDraft: Bool
    /// A procedure's announcing decision and legal basis, where they are documents of the site.
    public let procedureLinks: ProcedureLinks

    public struct ProcedureLinks: Sendable {
        public var announcedBy: Reference?
        /// One per `legal_basis` item, in order.
        public var legalBasis: [Reference?] = []
    }

    /// Another document of the site, as a link names it: one per document, shared by every link to it.
    public final class Reference: Sendable {
        public let id: DocumentID
        public let url: String
        public let label: String
        public let metadata: DocumentMetadata
        /// Of its address, label and metadata: a page that links to it shows them.
        let digest: String

        init(id: DocumentID, url: String, label: String, metadata: DocumentMetadata, digest: String) {
            self.id = id
            self.url = url
            self.label = label
            self.metadata = metadata
            self.digest = digest
        }
    }

    public struct Cite: Sendable {
        public let citation: Citation
        /// The year it resolves to: the target's, else the one the text gives.
        public let year: Int?
        public let target: Reference?
    }

    public struct Relation: Sendable {
        public let kind: RelationKind
        /// True when another document declares it about this one (this one is replaced, amended...).
        public let isInverse: Bool
        /// As written in front matter, or the other document's identifier.
        public let written: String
        public let identifier: String?
        public let year: Int?
        public let target: Reference?
    }

    /// SHA-256 of everything a list or a page shows of the record except the text.
    /// Cheaper than encoding the record (ten thousand of them take seconds through
    /// Codable): what reading the file gave, but the body, is named by its read key
    /// (reading is deterministic); to it are added what linking changed or added: the address,
    /// the status, the attachments, and each linked document's own digest.
    /// A field that linking adds to a record must be added here too (the randomised
    /// rebuild test compares rebuilds with full builds).
    var digest: String { digestMade.value { makeDigest() } }
    private let digestMade = MadeOnce<String>()

    private func makeDigest() -> String {
        var parts = [readKey, url, label, metadata.status ?? "-", metadata.issuer ?? "-", metadata.parentIssuer ?? "-"]
        parts += attachments.map { "a \($0.sourcePath) \($0.sitePath) \($0.size)" }
        parts += cites.map { "c \($0.year.map(String.init) ?? "-") \($0.target?.digest ?? "-")" }
        parts += citedBy.map { "b \($0.digest)" }
        parts += relations.map { r in
            "r \(r.kind.rawValue) \(r.isInverse) \(r.written) \(r.identifier ?? "-") \(r.year ?? 0) \(r.target?.digest ?? "-")"
        }
        parts.append("p \(procedureLinks.announcedBy?.digest ?? "-")")
        parts += procedureLinks.legalBasis.map { "l \($0?.digest ?? "-")" }
        return ContentDigest.of(Data(parts.joined(separator: "\n").utf8))
    }

    /// The number as printed; nil for a blank number ("Số: /BC-STTTT").
    public var numberWritten: String? { metadata.number.flatMap { $0.number == nil ? nil : $0.written } }

    init(id: DocumentID, url: String, source: String, readKey: String, metadata: DocumentMetadata, label: String, cites: [Cite],
         standards: [TechnicalStandard], citedBy: [Reference], relations: [Relation],
         textSource: LazyText, renderKey: String, procedure: Procedure?, procedureLinks: ProcedureLinks) {
        self.id = id
        self.url = url
        self.source = source
        self.readKey = readKey
        self.metadata = metadata
        self.label = label
        self.cites = cites
        self.standards = standards
        self.citedBy = citedBy
        self.relations = relations
        self.textSource = textSource
        self.renderKey = renderKey
        procedureBox = procedure.map(Boxed.init)
        self.procedureLinks = procedureLinks
        isDraft = DraftMarker.isDraft(number: metadata.number, status: metadata.status, path: source)
    }
}

/// Builds records from the linked corpus.
struct RecordAssembler {
    let corpus: Corpus
    let graph: CitationGraph
    /// A rebuild renders the text of a kept page only if an output asks for it.
    var renderLater: (@Sendable (DocumentID) -> RenderedText)?
    /// Renders a text the build renders (its findings are the build's): on first use, in the build's one pass over
    /// the texts, so that each is let go as soon as what is made of it is made.
    var renderNow: (@Sendable (Document) -> (RenderedText, [Diagnostic]))?
    /// The documents whose text the build renders (with `renderNow`); the others' attachments are known.
    var toRender: Set<DocumentID> = []
    var heldTexts: HeldTexts?
    var renderKeys: [DocumentID: String] = [:]
    /// One reference per document, made once: tens of thousands of links point at them.
    private let references: [DocumentID: DocumentRecord.Reference]

    init(corpus: Corpus, graph: CitationGraph) {
        self.corpus = corpus
        self.graph = graph
        references = Dictionary(uniqueKeysWithValues: corpus.documents.map {
            ($0.id, DocumentRecord.Reference(id: $0.id, url: $0.url, label: Self.label($0.metadata), metadata: $0.metadata,
                                             digest: Self.referenceDigest($0)))
        })
    }

    func reference(_ id: DocumentID) -> DocumentRecord.Reference? { references[id] }

    /// What reading gave (its read key), and what linking changed: address, status, issuer's name.
    static func referenceDigest(_ doc: Document) -> String {
        let m = doc.metadata
        return ContentDigest.of(Data([doc.url, m.status ?? "-", m.issuer ?? "-", m.parentIssuer ?? "-", doc.readKey]
            .joined(separator: "\n").utf8))
    }

    static func label(_ m: DocumentMetadata) -> String {
        [m.type?.name, Formatting.number(m.number)].compactMap { $0 }.joined(separator: " ")
    }

    func record(_ doc: Document) -> DocumentRecord {
        let cites = graph.cites(of: doc.id).map { cite in
            DocumentRecord.Cite(citation: cite.citation, year: cite.target.flatMap { references[$0]?.metadata.year } ?? cite.citation.year,
                                target: cite.target.flatMap(reference))
        }
        var relations = graph.relations(of: doc.id).map { r in
            DocumentRecord.Relation(kind: r.kind, isInverse: false, written: r.written, identifier: r.key, year: r.year,
                                    target: r.target.flatMap(reference))
        }
        for (kind, source) in graph.relatedBy(doc.id) {
            guard let other = reference(source) else { continue }
            let number = other.metadata.number
            relations.append(.init(kind: kind, isInverse: true, written: other.label,
                                   identifier: number.flatMap { $0.number == nil ? nil : $0.key }, year: other.metadata.year,
                                   target: other))
        }
        // made again from the source, by the corpus's copy of the document, if asked for after the build let it go
        // (a copy of the document in the closure was another tenth of the records' memory)
        let id = doc.id
        let remake = renderLater.map { render in { render(id) } }
        let text: LazyText
        if let rendered = doc.rendered {
            text = LazyText(value: rendered, remake: remake)
        } else if let renderNow, toRender.contains(doc.id) {
            // the only holder of the document's Markdown: the corpus let go of its copy
            text = LazyText(rendering: { renderNow(doc) }, remake: remake)
        } else {
            text = LazyText(attachments: doc.attachments) { remake?() ?? RenderedText() }
        }
        text.held = heldTexts
        var links = DocumentRecord.ProcedureLinks()
        if let p = doc.procedure {
            if let a = p.announcedBy, let n = a.number.flatMap(DocumentNumber.parse) {
                links.announcedBy = graph.target(of: n, year: a.date?.year ?? n.year, from: doc.id).flatMap(reference)
            }
            links.legalBasis = p.legalBasis.map { basis in
                let date = basis.date.flatMap(DocumentDate.parseShort) ?? basis.date.flatMap(DocumentDate.parseISO)
                guard let n = basis.number.flatMap(DocumentNumber.parse) else { return nil }
                return graph.target(of: n, year: date?.year ?? n.year, from: doc.id).flatMap(reference)
            }
        }
        return DocumentRecord(id: doc.id, url: doc.url, source: doc.source,
                              readKey: doc.readKey,
                              metadata: doc.metadata, label: Self.label(doc.metadata), cites: cites, standards: doc.standards,
                              citedBy: graph.citedBy(doc.id).compactMap(reference), relations: relations, textSource: text,
                              renderKey: renderKeys[doc.id] ?? "",
                              procedure: doc.procedure, procedureLinks: links)
    }
}

/// A document's rendered text, given at once or made on first use (once, on any thread), and the files it links to.
final class LazyText: @unchecked Sendable {
    private let lock = NSLock()
    private var made: RenderedText?
    private var make: (() -> RenderedText)?
    /// The first rendering of a text the build renders, whose findings are kept (`findings`); then `make`.
    private var first: (() -> (RenderedText, [Diagnostic]))?
    private var found: [Diagnostic]?
    private var linked: [AttachmentFile]?
    /// Counts the build's texts held at once, when it does.
    var held: HeldTexts?

    init(value: RenderedText, remake: (() -> RenderedText)? = nil) {
        made = value
        make = remake
        linked = value.attachments
    }

    /// A text rendered on first use, whose attachments are known before (a rebuild kept what it linked to).
    init(attachments: [AttachmentFile], _ make: @escaping () -> RenderedText) {
        self.make = make
        linked = attachments
    }

    /// A text the build renders on first use; what rendering found is kept for the build to report.
    init(rendering first: @escaping () -> (RenderedText, [Diagnostic]), remake: (() -> RenderedText)?) {
        self.first = first
        make = remake
    }

    /// True when the text was let go and not made again since.
    var isReleased: Bool { lock.withLock { made == nil } }

    /// Lets the text go once its last reader is done; it is made again if asked for after all.
    /// Kept when it could not be made again.
    func release() {
        lock.lock(); defer { lock.unlock() }
        letGo()
    }

    private func letGo() {
        guard made != nil, make != nil, first == nil else { return }
        made = nil
        held?.change(by: -1)
    }

    var value: RenderedText {
        lock.lock(); defer { lock.unlock() }
        return valueHeld()
    }

    /// The files named in front matter and those the text links to: rendering it if they are not known yet.
    var attachments: [AttachmentFile] {
        lock.lock(); defer { lock.unlock() }
        if let linked { return linked }
        return valueHeld().attachments
    }

    /// What rendering the text found, for a text the build renders: rendered now if it was not yet (and let go
    /// again if it can be made again). Nil for a text made from the previous build's findings.
    var findings: [Diagnostic]? {
        lock.lock(); defer { lock.unlock() }
        guard first != nil || found != nil else { return nil }
        if first != nil {
            _ = valueHeld()
            letGo()
        }
        return found
    }

    private func valueHeld() -> RenderedText {
        if let made { return made }
        let value: RenderedText
        if let first {
            self.first = nil
            (value, found) = first()
        } else {
            value = make?() ?? RenderedText()
        }
        if linked == nil { linked = value.attachments }
        made = value
        held?.change(by: 1)
        return value
    }
}

/// How many rendered texts a build holds at once, and the most it held: the build lets each go once what is
/// made of it is made, and a test holds it to that.
final class HeldTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0

    func change(by count: Int) {
        lock.lock(); defer { lock.unlock() }
        now += count
        most = max(most, now)
    }
}

/// A value made on first use, once, on any thread.
final class MadeOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?

    func value(_ make: () -> Value) -> Value {
        lock.lock(); defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
