import CongkhaiDomain
import Foundation

/// The parts of the steps that use the previous build's cache: reading a file
/// only when it changed, rendering a text only when what it is made from
/// changed, keeping a page whose inputs are those of the page already online.
extension BuildState {
    /// What reading one content file gave: a document, or the reason it is left out.
    struct SourceReading {
        var entry: BuildCache.SourceEntry
        /// With its Markdown when read now; without it when taken from the cache.
        var document: Document?
        var failure: Diagnostic?

        init(entry: BuildCache.SourceEntry, document: Document? = nil, failure: Diagnostic? = nil) {
            (self.entry, self.document, self.failure) = (entry, document, failure)
        }

        /// What the cache says the file gave last time.
        init(cached entry: BuildCache.SourceEntry) {
            self.init(entry: entry, document: entry.document, failure: entry.failure)
            isCached = true
        }

        /// Taken from the cache: the document has no Markdown.
        private(set) var isCached = false
    }

    /// The cached result for a file whose size and time are those recorded, and
    /// which has not changed since the previous build began (a file written in the
    /// same instant as that build started could have changed unseen: it is read).
    func unchangedEntry(_ path: String) -> BuildCache.SourceEntry? {
        guard let previous, let entry = previous.sources[path], let stamp = contentStamps?[path],
              stamp.size == entry.size, stamp.modified == entry.modified,
              Double(stamp.modified) / 1e9 < previous.started - 1 else { return nil }
        return entry
    }

    /// The cached result for a file whose bytes are those read before.
    func sameBytesEntry(_ path: String, digest: String) -> BuildCache.SourceEntry? {
        guard let entry = previous?.sources[path], entry.digest == digest else { return nil }
        var updated = entry
        if let stamp = contentStamps?[path] { updated.size = stamp.size; updated.modified = stamp.modified }
        return updated
    }

    /// A reading as the cache keeps it: the Markdown is dropped (the file is read again if its text must be rendered).
    func entry(for result: Result<Document, Diagnostic>, path: String, digest: String) -> BuildCache.SourceEntry {
        let stamp = contentStamps?[path]
        var entry = BuildCache.SourceEntry(size: stamp?.size ?? 0, modified: stamp?.modified ?? 0, digest: digest)
        switch result {
        case .success(let doc): entry.document = doc.withoutMarkdown
        case .failure(let diagnostic): entry.failure = diagnostic
        }
        return entry
    }

    /// The read key of a document just read (see `Document.readKey`). A full build names
    /// each document's facts by its file's digest; a rebuild, which reads only changed files,
    /// compares the facts with those the cache kept of the file's previous version and keeps
    /// the previous key when they are the same: the lists that show them stay as they are.
    /// Comparing costs an encoding of both (`ReadDigest`), which only a changed file pays.
    func readKey(of doc: Document) -> String {
        guard let before = previous?.sources[doc.source]?.document, !before.readKey.isEmpty,
              ReadDigest.of(before) == ReadDigest.of(doc) else { return doc.sourceDigest }
        return before.readKey
    }

    /// A published document whose file cannot be read now keeps its previous
    /// version online, with a warning that says so.
    func lastGoodVersion(of path: String, failure: Diagnostic) -> (BuildCache.SourceEntry, Diagnostic)? {
        guard let entry = previous?.sources[path], entry.published, entry.document != nil else { return nil }
        var warning = failure
        warning.severity = .warning
        // Said after the problem itself, in the reader's language (see `MessageCatalogue.words(of:)`).
        warning.arguments[Diagnostic.keptOnlineArgument] = "1"
        return (entry, warning)
    }

    /// What a document's text is rendered from, besides the theme and configuration
    /// (part of the cache's key): its file, its own address and attachments, the
    /// address of every document and file of the site (a link may lead to any of
    /// them) and the documents its citations resolve to.
    func renderKey(of doc: Document, addressesDigest: String) -> String {
        var parts = [doc.sourceDigest, doc.url, addressesDigest]
        parts += doc.attachments.map { "\($0.sourcePath)=\($0.sitePath)" }
        for cite in doc.citations {
            parts.append(graph.target(of: cite.citation, from: doc.id).flatMap { corpus.url(of: $0) } ?? "-")
        }
        return ContentDigest.of(Data(parts.joined(separator: "\n").utf8))
    }

    /// What the previous build found in the texts this build does not render, for the next build and this one's
    /// report: each text's inputs, diagnostics and linked files; their documents link to the files they linked to
    /// (they are part of the render key).
    func rememberKeptRendering(skipped: Set<DocumentID>) {
        for doc in corpus.documents where skipped.contains(doc.id) {
            guard let before = previous?.sources[doc.source] else { continue }
            next.sources[doc.source]?.renderKey = renderKeys[doc.id] ?? ""
            next.sources[doc.source]?.renderDiagnostics = before.renderDiagnostics
            next.sources[doc.source]?.renderAttachments = before.renderAttachments
            keptRenderFindings += before.renderDiagnostics
        }
        corpus.setAttachments(of: skipped) { previous?.sources[$0.source]?.renderAttachments }
    }

    /// What rendering found in the texts this build rendered, reported and kept for the next build.
    func rememberRendering(_ found: [(DocumentRecord, [Diagnostic])]) {
        for (record, diagnostics) in found {
            next.sources[record.source]?.renderKey = renderKeys[record.id] ?? ""
            next.sources[record.source]?.renderDiagnostics = diagnostics
            next.sources[record.source]?.renderAttachments = record.attachments
        }
        report(keptRenderFindings + found.flatMap(\.1))
        keptRenderFindings = []
    }

    /// The text of a document read from the cache: its file is read again for the Markdown.
    func renderFromSource(_ doc: Document, renderer: DocumentTextRenderer) -> (RenderedText, [Diagnostic]) {
        var full = doc
        let url = options.content.appendingPathComponent(doc.source)
        if let data = FileManager.default.contents(atPath: url.path),
           case .success(let read) = DocumentReader(types: types).read(data, path: doc.source) {
            full.body = read.body
            full.appendices = read.appendices
            if let procedure = read.procedure { full.procedure = procedure }
        }
        return renderer.render(full)
    }

    /// A file made from one record and its text (a page, a JSON twin), written unless a rebuild keeps it: kept when
    /// its inputs (`file.sharedInput`, the record's digest, the text's identity) are those of the file online, and
    /// when the record is the last good version of a document that cannot be read now. Returns its path and inputs,
    /// for the next build (`pageInputs`). Called on any thread.
    func writeRecordFile(_ file: RecordFile, _ record: DocumentRecord, digest: String) -> (path: String, input: String) {
        let path = file.path(record)
        let before = keptFromPrevious.contains(record.id) ? previous?.pageInputs[path] : nil
        let now = before ?? ContentDigest.of(Data("\(file.sharedInput)\n\(digest)\n\(record.renderKey)\n\(file.extraInput(record))".utf8))
        if previous?.pageInputs[path] != now || !sink.keep([path]) { sink.write(path, file.render(record)) }
        return (path, now)
    }

    /// Files made from several records each (a search context file holds several documents' passages): kept when
    /// online and made from the same parts as before. The key of a file is its parts, "name=input", in its order;
    /// a record kept from the previous build (its source cannot be read now) keeps its part of the previous key,
    /// as a record file is kept whole (`writeRecordFile`). Returns the paths kept, which belong to `step`.
    func keepSharedFiles(_ files: [(path: String, parts: [(id: DocumentID, name: String, input: String)])],
                         for step: String? = nil) -> Set<String> {
        var kept = Set<String>()
        for file in files {
            let before = previous?.pageInputs[file.path]
            // the previous key's parts, read only for a file that holds a record kept from the previous build
            let keptParts = file.parts.contains { keptFromPrevious.contains($0.id) } ? before.map(Self.parts(ofKey:)) : nil
            let key = file.parts.map { part -> String in
                let kept = keptFromPrevious.contains(part.id) ? keptParts?[Substring(part.name)] : nil
                return "\(part.name)=\(kept.map(String.init) ?? part.input)"
            }.joined(separator: " ")
            next.pageInputs[file.path] = key
            if before == key, sink.keep([file.path], for: step) { kept.insert(file.path) }
        }
        return kept
    }

    /// The parts of a shared file's key (see `keepSharedFiles`), by name.
    private static func parts(ofKey key: String) -> [Substring: Substring] {
        Dictionary(key.split(separator: " ").compactMap { part in
            part.firstIndex(of: "=").map { (part[..<$0], part[part.index(after: $0)...]) }
        }, uniquingKeysWith: { a, _ in a })
    }

    /// A copied file whose size and time are those the previous build copied.
    func isUnchanged(_ path: String) -> Bool {
        guard let previous, let stamp = contentStamps?[path], Double(stamp.modified) / 1e9 < previous.started - 1 else { return false }
        return previous.copied[path] == "\(stamp.size):\(stamp.modified)"
    }

    func rememberStamp(of path: String) {
        guard let stamp = contentStamps?[path] else { return }
        next.copied[path] = "\(stamp.size):\(stamp.modified)"
    }

    /// The inputs every page shares: the theme, the configuration, the version (the cache's key), the menu.
    /// (A document's page shows its own last-updated date, not the site's: see `DocumentPage`.)
    /// Asked only by the output steps, once the corpus and the plain pages are final: made once.
    var frameKey: String {
        if let frameKeyMade { return frameKeyMade }
        let frame = pageFrame
        let key = "\(cacheKey)\nprocedures=\(frame.hasProcedures)\n" + frame.plainPages.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n")
            + "\n" + plainPages.map { $0.updated?.iso ?? "-" }.joined(separator: ",")
        frameKeyMade = key
        return key
    }
}

extension Document {
    /// The document without its Markdown: as the cache keeps it, and the corpus once the records hold it.
    var withoutMarkdown: Document {
        var doc = self
        doc.emptyMarkdown()
        doc.rendered = nil
        doc.packedMarkdown = nil
        return doc
    }
}
