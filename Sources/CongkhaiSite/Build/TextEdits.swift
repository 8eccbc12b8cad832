import CongkhaiDomain
import Foundation

/// The shortcut of `congkhai build` for the edit staff make most: a sentence of a document's text
/// changed, nothing a list or a link shows of it. A rebuild reads, links and lists the whole corpus
/// again (five seconds at 10,000 documents, most of it decoding and resolving what did not change);
/// here only what the text is in changes: the document's page, its JSON twin, the search index's
/// words and passages, and the site marker. Everything else of the site stays as the cache describes it.
///
/// It applies when every changed content file is a published document (not a procedure) whose reading
/// gives the same facts and problems as before (`ReadDigest`, the build's own test for keeping lists
/// as they are), whose text renders with the same problems, attachments, appendices and section headings
/// (the page's table of contents), and when the theme puts the text into the page once, as it is.
/// Otherwise, or when anything does not look as the last build left it, the build goes the usual way.
///
/// Its output is the usual rebuild's, byte for byte: the text is rendered by the same renderer, from
/// the same addresses and citation index (`TextEditKit`); the page and the twin are the ones online with
/// the old text's HTML replaced by the new one's, which is what the page template does with it; the
/// randomised rebuild test compares every build with a full one. What it cannot cheaply make exact in
/// the cache (render keys, the inputs of the files it wrote, the search step's) it leaves blank, so the
/// next usual rebuild makes those files again rather than trust them.
struct TextEdits {
    let options: SiteBuilder.Options
    let previous: BuildCache
    let kit: TextEditKit
    let stamps: FileStamps
    let cacheFolder: URL
    /// The kit's documents, by path and in the corpus's order.
    let documents: [String: TextEditKit.Document]
    let order: [String]

    init(options: SiteBuilder.Options, previous: BuildCache, kit: TextEditKit, stamps: FileStamps, cacheFolder: URL) {
        (self.options, self.previous, self.kit, self.stamps, self.cacheFolder) = (options, previous, kit, stamps, cacheFolder)
        (documents, order) = kit.documentsByPath
    }

    /// At most this many files: beyond it, the usual rebuild costs about the same.
    static let limit = 50

    /// What the shortcut made of one edited document.
    struct Edited {
        let path: String
        let entry: BuildCache.SourceEntry
        let page: (path: String, html: String)
        let twin: (path: String, json: String)
        let text: RenderedText
        /// The text the site shows now, from its JSON twin.
        let old: RenderedText
    }

    /// The content files that changed since the last build (by size or time, or written while it ran);
    /// nil when a file came or went.
    func changedPaths() -> [String]? {
        let now = stamps.stamps, then = kit.stampsByPath
        guard now.count == then.count else { return nil }
        var changed: [String] = []
        for (path, stamp) in now {
            guard let before = then[path] else { return nil }
            if before != stamp || Double(stamp.modified) / 1e9 >= previous.started - 1 {
                changed.append(path)
            }
        }
        return changed.sorted()
    }

    /// The new page, twin and entry of each changed document, or nil when the shortcut does not apply.
    func edit(_ paths: [String]) -> [Edited]? {
        guard !paths.isEmpty, paths.count <= Self.limit, paths.allSatisfy({ $0.hasSuffix(".md") }),
              let entries = BuildCache.loadSources(Set(paths), from: cacheFolder), entries.count == paths.count,
              Self.themeInsertsTextOnce(options.theme) else { return nil }
        let (config, _, _) = SiteConfig.load(contentDirectory: options.content)
        guard let types = try? DocumentTypeTable.bundled().adding(config.extraTypes),
              let strings = try? Theme.loadStrings(options.theme, language: config.language) else { return nil }
        let renderer = DocumentTextRenderer(addresses: TextEditKit.addresses(documents, attachments: kit.attachments),
                                            graph: TextEditKit.resolution(documents, order: order), strings: strings)
        let reader = DocumentReader(types: types)
        var edited: [Edited] = []
        for path in paths {
            guard let entry = entries[path], let one = edit(path, entry: entry, reader: reader, renderer: renderer) else { return nil }
            edited.append(one)
        }
        return edited
    }

    private func edit(_ path: String, entry before: BuildCache.SourceEntry, reader: DocumentReader,
                      renderer: DocumentTextRenderer) -> Edited? {
        guard before.published, before.failure == nil, let url = before.url, let was = before.document, was.procedure == nil,
              let stamp = stamps[path], stamp.size <= options.maxDocumentBytes,
              let data = FileManager.default.contents(atPath: options.content.appendingPathComponent(path).path),
              case .success(var read) = reader.read(data, path: path),
              read.procedure == nil, read.diagnostics == was.diagnostics, ReadDigest.of(read) == ReadDigest.of(was) else { return nil }
        // The report stays the last build's: a problem it gives for this file at a line must be one that reading or
        // rendering gives again (checked here and below); one that linking found (a citation's year, say) may have moved.
        let again = was.diagnostics + before.renderDiagnostics
        guard previous.summary.diagnostics.allSatisfy({ d in
            d.file != path || d.line == nil || again.contains { $0.line == d.line && $0.key == d.key && $0.arguments == d.arguments }
        }) else { return nil }
        // As the reading step keeps it: the new file's digest, the facts' key of the old one (they are the same).
        read.sourceDigest = ContentDigest.of(data)
        read.readKey = was.readKey
        var entry = before
        entry.size = stamp.size
        entry.modified = stamp.modified
        entry.digest = read.sourceDigest
        entry.document = read.withoutMarkdown
        entry.renderKey = "" // not worked out here: the next usual rebuild renders this text again

        // As linking and rendering see it: its address and the files named in its front matter.
        var doc = read
        doc.url = url
        doc.diagnostics = []
        Corpus.resolveAttachments(&doc, attachments: kit.attachments)
        let (text, problems) = renderer.render(doc)
        guard problems == before.renderDiagnostics, text.attachments == before.renderAttachments else { return nil }

        let site = options.output.resolvingSymlinksInPath()
        let pagePath = Routes.file(of: url), twinPath = Routes.twin(of: url)
        guard let oldTwin = FileManager.default.contents(atPath: site.appendingPathComponent(twinPath).path),
              let oldPage = FileManager.default.contents(atPath: site.appendingPathComponent(pagePath).path),
              let old = JSONTwin.text(in: oldTwin), old.appendices.count == text.appendices.count,
              zip(old.appendices, text.appendices).allSatisfy({ $0.id == $1.id && $0.title == $1.title && $0.subtitle == $1.subtitle }),
              Self.sectionHeadings(old.bodyHTML) == Self.sectionHeadings(text.bodyHTML),
              let twin = JSONTwin.replacingText(in: oldTwin, old: old, new: text) else { return nil }
        var page = [UInt8](oldPage)
        var replacements = [(old.bodyHTML, text.bodyHTML)]
        replacements += zip(old.appendices, text.appendices).map { ($0.html, $1.html) }
        for (was, now) in replacements where was != now {
            // An empty text would be found everywhere, and a section of the template may hang on it.
            guard !was.isEmpty, !now.isEmpty, let replaced = Self.replacingOnce(Array(was.utf8), with: Array(now.utf8), in: page) else {
                return nil
            }
            page = replaced
        }
        return Edited(path: path, entry: entry, page: (pagePath, String(decoding: page, as: UTF8.self)), twin: (twinPath, twin),
                      text: text, old: old)
    }

    /// The `<h2>` elements of a body's HTML, which the page's table of contents lists: the same
    /// elements, the same headings (their ids and text are made from them).
    static func sectionHeadings(_ html: String) -> [Substring] {
        var found: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<h2"), let end = rest[start.upperBound...].range(of: "</h2>") {
            found.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// `page` with the one occurrence of `old` replaced; nil when it occurs never or more than once.
    static func replacingOnce(_ old: [UInt8], with new: [UInt8], in page: [UInt8]) -> [UInt8]? {
        let positions = occurrences(of: old, in: page, atMost: 2)
        guard positions.count == 1 else { return nil }
        return Array(page[..<positions[0]]) + new + page[(positions[0] + old.count)...]
    }

    /// Where `needle` starts in `haystack`, at most `limit` places: memchr finds its first byte, memcmp the rest.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8], atMost limit: Int) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                let base = hay.baseAddress!
                var from = 0
                while found.count < limit, from + pin.count <= hay.count,
                      let hit = memchr(base + from, Int32(needle[0]), hay.count - pin.count + 1 - from) {
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, pin.baseAddress!, pin.count) == 0 { found.append(offset) }
                    from = offset + 1
                }
            }
        }
        return found
    }

    /// The theme's templates name the body's HTML once, in `document.mustache`, as `{{{bodyHTML}}}`, and
    /// an appendix's once there, as `{{{html}}}`: then the page holds each text once, as it is, and
    /// replacing it in the page online is what rendering the template again would do. A theme that
    /// shows them otherwise (escaped, twice, in a partial) gets the usual rebuild.
    static func themeInsertsTextOnce(_ theme: URL) -> Bool {
        let folder = theme.appendingPathComponent("templates")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        var bodyUses = 0
        for name in names where name.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return false }
            let uses = text.components(separatedBy: "bodyHTML").count - 1
            bodyUses += uses
            if name == "document.mustache" {
                guard uses == 1, text.components(separatedBy: "{{{bodyHTML}}}").count == 2,
                      text.components(separatedBy: "html}}").count == 2, text.components(separatedBy: "{{{html}}}").count == 2 else {
                    return false
                }
            }
        }
        return bodyUses == 1
    }
}

extension TextEdits {
    /// Writes the edited documents' files into the site as a rebuild does (through the sink, then put in
    /// place while the cache says the site is being changed), saves the cache, and gives the last build's
    /// report with the files now online. Nil, with nothing written, when the site is not the one the kit describes.
    func commit(_ edited: [Edited], search: SearchEdit, staging: OutputStaging,
                fingerprint: String, started: Double) throws -> BuildReport? {
        let site = options.output.resolvingSymlinksInPath()
        guard let markerData = FileManager.default.contents(atPath: site.appendingPathComponent(OutputStaging.marker).path),
              var marker = SiteMarker.read(site: site), Data(marker.json.utf8) == markerData,
              marker.contentDigest == ContentDigest.of(Data(kit.markerLines.utf8)) else { return nil }
        var digests = ContentDigest.digests(inLines: kit.markerLines)
        for one in edited { digests[one.path] = one.entry.digest }
        let markerLines = ContentDigest.lines(digests)
        marker.contentDigest = ContentDigest.of(Data(markerLines.utf8))

        let sink = PageSink(.folder(staging.staging), online: previous.files.map(\.written))
        var made: [(path: String, text: String)] = [(OutputStaging.marker, marker.json)] + search.files
        for one in edited { made += [one.page, (one.twin.path, one.twin.json)] }
        let madePaths = Set(made.map(\.path)), removed = Set(search.removed)
        guard sink.keep(previous.files.map(\.path).filter { !madePaths.contains($0) && !removed.contains($0) }) else { return nil }
        for file in made { sink.write(file.path, file.text) }
        let files = try sink.finish()
        try staging.commitChanges(changed: sink.changed, removed: search.removed, cacheFolder: cacheFolder)

        var head = previous
        head.fingerprint = fingerprint
        head.started = started
        head.files = files.map { .init(path: $0.path, size: $0.size, sha256: $0.sha256) }
        // Inputs not worked out here never equal those the next rebuild works out: it makes these files again.
        for file in made { head.pageInputs[file.path] = head.pageInputs[file.path].map { _ in "" } }
        head.steps[BuildStep.search.name] = nil
        var kit = self.kit
        kit.stamps = TextEditKit.stampLines(stamps.stamps)
        kit.markerLines = markerLines
        do {
            try head.saveChanged(Dictionary(uniqueKeysWithValues: edited.map { ($0.path, $0.entry) }), to: cacheFolder)
            try kit.save(to: cacheFolder)
            BuildCache.clearDirty(cacheFolder)
        } catch {
            // Without a cache the next build is a full one: slower, never wrong.
            BuildCache.remove(for: options.output)
        }
        var report = BuildReport(cached: previous.summary, files: head.files)
        report.written = true
        return report
    }
}
