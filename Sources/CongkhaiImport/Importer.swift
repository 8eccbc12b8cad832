import CongkhaiDomain
import CongkhaiSite
import Foundation

/// Imports documents as staff receive them (Word, PDF, scanned PDF, text
/// copied from a PDF, Markdown) into the content folder: converts each,
/// reads its printed layout, writes the front matter it read, keeps the
/// original beside it. One file that fails never stops the others.
public struct Importer {
    public struct Options {
        public var into: URL
        public var dryRun = false
        public var force = false
        public var ocr = false

        public init(into: URL, dryRun: Bool = false, force: Bool = false, ocr: Bool = false) {
            self.into = into
            self.dryRun = dryRun
            self.force = force
            self.ocr = ocr
        }
    }

    public let options: Options
    public let types: DocumentTypeTable

    public init(_ options: Options, types: DocumentTypeTable) {
        self.options = options
        self.types = types
    }

    /// The files to import: files as given, folders searched for the kinds import reads, in name order.
    public static func expand(_ paths: [String]) -> [URL] {
        var out: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                out.append(url)
                continue
            }
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            var found: [URL] = []
            for case let file as URL in walker ?? FileManager.DirectoryEnumerator() where (try? ConvertedSource.kind(of: file)) != nil {
                found.append(file)
            }
            out += found.sorted { $0.path < $1.path }
        }
        return out
    }

    public func run(_ files: [URL]) -> [ImportResult] {
        var planned: Set<String> = []
        return files.map { file in
            var result = ImportResult(source: file.path)
            do {
                try importOne(file, planned: &planned, into: &result)
            } catch let failure as ImportFailure {
                result.status = .failed
                result.problem = failure
            } catch {
                result.status = .failed
                result.problem = .failed(BuildFailure.describe(error))
            }
            return result
        }
    }

    func importOne(_ file: URL, planned: inout Set<String>, into result: inout ImportResult) throws {
        _ = try ConvertedSource.kind(of: file)
        guard FileManager.default.isReadableFile(atPath: file.path) else {
            throw ImportFailure.doesNotExist
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let converted = try SourceConverter(types: types, ocr: options.ocr).convert(file, workFolder: work)
        let plan = try ImportPlan(converted, original: file, types: types)
        result.destination = plan.destination.document
        result.recognised = plan.frontMatter.recognised
        result.unread = plan.frontMatter.unreadFields
        result.review = plan.review

        let targets = [plan.destination.document] + plan.copies.map(\.to)
        if let clash = targets.first(where: planned.contains) {
            throw ImportFailure.sameDestination(clash)
        }
        if !options.force, let existing = targets.first(where: { FileManager.default.fileExists(atPath: target($0).path) }) {
            result.status = .skipped
            result.problem = .exists(existing)
            return
        }
        planned.formUnion(targets)
        if options.dryRun {
            result.status = .dryRun
            result.preview = plan.text
            return
        }
        try write(plan)
        result.status = .imported
    }

    func target(_ relative: String) -> URL { options.into.appendingPathComponent(relative) }

    func write(_ plan: ImportPlan) throws {
        let fm = FileManager.default
        for (from, to) in plan.copies {
            let destination = target(to)
            try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.copyItem(at: from, to: destination)
        }
        let document = target(plan.destination.document)
        try fm.createDirectory(at: document.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(plan.text.utf8).write(to: document, options: .atomic)
    }
}

/// What happened to one file, for the closing table.
public struct ImportResult: Sendable {
    public enum Status: String, Sendable { case imported, dryRun = "dry run", skipped, failed }

    public let source: String
    public var status: Status = .failed
    /// The content file, relative to the content folder.
    public var destination: String?
    public var recognised: [String] = []
    public var unread: [String] = []
    /// What a person must check.
    public var review: [String] = []
    /// Why it was not imported (or was skipped).
    public var problem: ImportFailure?
    /// The file's text, in a dry run.
    public var preview: String?

    public init(source: String) {
        self.source = source
    }
}
