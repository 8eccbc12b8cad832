import CongkhaiDomain
import CongkhaiMessages
import Crypto
import Foundation

/// Every file the build produces goes through one sink, which records its
/// size and SHA-256 (the archive manifest and the release diff need them).
/// Where the bytes go is the destination's business: the staging folder of a
/// build, memory for a preview server, or nowhere for a check-only run.
public final class PageSink: @unchecked Sendable {
    public enum Destination: Sendable {
        /// A folder of files: the build's staging folder.
        case folder(URL)
        /// Kept in `files`, for a preview server.
        case memory
        /// Counted and hashed, never kept: a check that writes nothing.
        case discard
    }

    public let destination: Destination
    private let queue = DispatchQueue(label: "congkhai.page-sink", attributes: .concurrent)
    // A bounded number of writes in flight, so rendering threads hand pages
    // over and go on without piling up the whole site in memory.
    private let slots = DispatchSemaphore(value: 256)
    private let lock = NSLock()
    private var records: [String: WrittenFile] = [:]
    private var kept: [String: Data] = [:]
    private var failure: Error?
    private var madeFolders: Set<String> = []

    /// The site already online, for a rebuild: a file whose bytes are the same is
    /// not written again (its record is kept), and `keep` keeps files unmade.
    private let online: [String: WrittenFile]
    /// The step now running, named on each file it writes.
    var step = ""
    private var writers: [String: String] = [:]

    public init(_ destination: Destination, online: [WrittenFile] = []) {
        self.destination = destination
        self.online = Dictionary(online.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Files of the site online that this build keeps without making them again;
    /// false (and nothing kept) when one of them is not online. `step` names the step they belong to, when it is
    /// not the one now running (a step's files are kept whole by the next build).
    func keep(_ paths: [String], for step: String? = nil) -> Bool {
        let files = paths.compactMap { online[$0] }
        guard files.count == paths.count else { return false }
        let step = step ?? self.step
        lock.lock(); defer { lock.unlock() }
        for file in files { records[file.path] = file; writers[file.path] = step }
        return true
    }

    /// Whether the site online has this file.
    func isOnline(_ path: String) -> Bool { online[path] != nil }

    /// The files a step wrote or kept, in path order.
    func paths(writtenBy step: String) -> [String] {
        lock.lock(); defer { lock.unlock() }
        return writers.filter { $0.value == step }.map(\.key).sorted()
    }

    /// Files written into the destination (not kept, not equal to those online), in path order.
    public var changed: [String] {
        lock.lock(); defer { lock.unlock() }
        return records.keys.filter { online[$0]?.sha256 != records[$0]!.sha256 }.sorted()
    }

    /// Files online that this build did not make: to be removed when it is put in place.
    public var removed: [String] {
        lock.lock(); defer { lock.unlock() }
        return online.keys.filter { records[$0] == nil }.sorted()
    }

    /// Hands a page over; it is written on the sink's own queue, from the string's own bytes
    /// (copying every page into a `Data` first copied the whole site once more).
    func write(_ path: String, _ content: String) {
        enqueue(path) { [self] in
            var content = content
            try content.withUTF8 { try store(path, UnsafeRawBufferPointer($0)) }
        }
    }

    /// Hands over a file made as bytes.
    func write(_ path: String, _ bytes: [UInt8]) {
        enqueue(path) { [self] in try bytes.withUnsafeBytes { try store(path, $0) } }
    }

    func write(_ path: String, _ data: Data, for step: String? = nil) {
        enqueue(path, for: step) { [self] in try data.withUnsafeBytes { try store(path, $0) } }
    }

    /// Writes a file made piece by piece, each piece written and hashed as it comes, so that the file is never held
    /// whole: the open data's catalogues (documents.json is 50 MB at 10,000 documents; the whole of it and its
    /// pieces, held together, were the build's peak of memory). Runs on the caller's thread. A file with the bytes
    /// of the one online is not left in the staging folder, as `write` would not have written it.
    func write(_ path: String, streaming make: (_ append: (String) -> Void) -> Void) {
        lock.lock(); writers[path] = step; lock.unlock()
        attempt(path) {
            var file: (fd: Int32, path: String)?
            if case .folder(let root) = destination {
                let url = root.appendingPathComponent(path)
                try ensureFolder(url.deletingLastPathComponent())
                let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw CocoaError.posix(errno, path: url.path) }
                file = (fd, url.path)
            }
            defer { if let file { close(file.fd) } }
            var hasher = SHA256()
            var size = 0
            var memory = Data()
            var failed: Error?
            make { piece in
                guard failed == nil else { return }
                var piece = piece
                piece.withUTF8 { utf8 in
                    let bytes = UnsafeRawBufferPointer(utf8)
                    hasher.update(bufferPointer: bytes)
                    size += bytes.count
                    if let file {
                        do { try Self.writeAll(file.fd, bytes, path: file.path) } catch { failed = error }
                    } else if case .memory = destination {
                        memory.append(contentsOf: bytes)
                    }
                }
            }
            if let failed { throw failed }
            let digest = hasher.finalize().hex
            if let same = sameAsOnline(path, size: size, digest: digest) {
                if let file { unlink(file.path) }
                remember(same)
                return
            }
            if case .memory = destination { lock.lock(); kept[path] = memory; lock.unlock() }
            remember(WrittenFile(path: path, size: size, sha256: digest))
        }
    }

    private func enqueue(_ path: String, for step: String? = nil, _ body: @escaping @Sendable () throws -> Void) {
        let step = step ?? self.step
        lock.lock(); writers[path] = step; lock.unlock()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            attempt(path, body)
        }
    }

    /// Copies a file's contents (never a link) in chunks, hashing as it goes,
    /// so that a large attachment is never held in memory.
    func copy(_ source: URL, to path: String) {
        let step = self.step
        lock.lock(); writers[path] = step; lock.unlock()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            attempt(path) { try stream(source, to: path) }
        }
    }

    /// Waits for every file handed over so far.
    func drain() {
        queue.sync(flags: .barrier) {}
    }

    /// Waits for every file, then reports the first one that could not be written.
    public func finish() throws -> [WrittenFile] {
        drain()
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        return records.values.sorted { $0.path < $1.path }
    }

    /// The files kept by a memory sink, by path.
    public var files: [String: Data] {
        lock.lock(); defer { lock.unlock() }
        return kept
    }

    public func record(of path: String) -> WrittenFile? {
        lock.lock(); defer { lock.unlock() }
        return records[path]
    }

    private func attempt(_ path: String, _ body: () throws -> Void) {
        do { try body() } catch {
            lock.lock(); if failure == nil { failure = SinkFailure(path: path, underlying: error) }; lock.unlock()
        }
    }

    private func store(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let digest = SHA256.hash(data: bytes).hex
        if let same = sameAsOnline(path, size: bytes.count, digest: digest) {
            remember(same)
            return
        }
        switch destination {
        case .folder(let root):
            let url = root.appendingPathComponent(path)
            try ensureFolder(url.deletingLastPathComponent())
            try Self.writeFile(url.path, bytes)
        case .memory:
            let data = Data(bytes)
            lock.lock(); kept[path] = data; lock.unlock()
        case .discard:
            break
        }
        remember(WrittenFile(path: path, size: bytes.count, sha256: digest))
    }

    /// The file online, when it has these bytes: not written again, its record kept.
    private func sameAsOnline(_ path: String, size: Int, digest: String) -> WrittenFile? {
        guard let same = online[path], same.size == size, same.sha256 == digest else { return nil }
        return same
    }

    private func stream(_ source: URL, to path: String) throws {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        var output: FileHandle?
        var memory = Data()
        if case .folder(let root) = destination {
            let url = root.appendingPathComponent(path)
            try ensureFolder(url.deletingLastPathComponent())
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            output = try FileHandle(forWritingTo: url)
        }
        defer { try? output?.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
            if let output { try output.write(contentsOf: chunk) }
            if case .memory = destination { memory.append(chunk) }
        }
        if case .memory = destination { lock.lock(); kept[path] = memory; lock.unlock() }
        remember(WrittenFile(path: path, size: size, sha256: hasher.finalize().hex))
    }

    /// Foundation's `Data.write(to:)` calls fsync on every file, which made
    /// writing 10,000 pages wait on the disk 10,000 times; the staging folder
    /// is only swapped in once complete, and a build interrupted before that is
    /// redone by the next one, so a plain write(2) is enough here.
    private static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError.posix(errno, path: path) }
        defer { close(fd) }
        try writeAll(fd, buffer, path: path)
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw CocoaError.posix(errno, path: path)
            }
            offset += written
        }
    }

    private func remember(_ file: WrittenFile) {
        lock.lock(); records[file.path] = file; lock.unlock()
    }

    /// Tens of thousands of pages each need a folder: remember which exist
    /// and make a new one with a single mkdir when its parent is there.
    private func ensureFolder(_ folder: URL) throws {
        let path = folder.path
        lock.lock()
        let known = madeFolders.contains(path)
        lock.unlock()
        if known { return }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        lock.lock(); madeFolders.insert(path); lock.unlock()
    }
}

/// One file of the site as the sink wrote it.
public struct WrittenFile: Sendable, Equatable {
    /// Relative to the site root, with "/" separators.
    public let path: String
    public let size: Int
    /// Lower-case hexadecimal.
    public let sha256: String
}

/// A file the sink could not write, named by its place in the site.
struct SinkFailure: Error, CustomStringConvertible {
    let path: String
    let underlying: Error
    var description: String {
        Messages.current.text(MessageKey.fileNotWritten.rawValue, ["file": path, "problem": FileProblem.describe(underlying)])
    }
}

extension Digest {
    /// Written into a string of its size from the digest's bytes: a scalar appended at a time, over the digest as a
    /// sequence, took some 30,000 instructions a digest, and every file and record has one.
    var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { out in
                for (i, byte) in bytes.enumerated() {
                    out[2 * i] = digits.utf8Start[Int(byte >> 4)]
                    out[2 * i + 1] = digits.utf8Start[Int(byte & 0x0F)]
                }
                return bytes.count * 2
            }
        }
    }
}

extension CocoaError {
    /// A failed system call on a file, in the form `FileProblem.describe` reads (the path and the POSIX error).
    static func posix(_ code: Int32, path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                 NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code))])
    }
}
