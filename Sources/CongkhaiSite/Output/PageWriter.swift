import Foundation

/// Writes pages on a queue of its own, a bounded number in flight, so that
/// rendering threads hand pages over and go on. The first error is kept and
/// thrown by `finish()`.
final class PageWriter: @unchecked Sendable {
    private let staging: OutputStaging
    private let queue = DispatchQueue(label: "congkhai.page-writer", attributes: .concurrent)
    private let slots = DispatchSemaphore(value: 256)
    private let lock = NSLock()
    private var failure: Error?

    init(_ staging: OutputStaging) {
        self.staging = staging
    }

    func write(_ path: String, _ content: String) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            do { try staging.write(path, content) } catch {
                lock.lock(); if failure == nil { failure = error }; lock.unlock()
            }
        }
    }

    /// Waits for every page handed over so far to be written.
    func drain() {
        queue.sync(flags: .barrier) {}
    }

    /// Waits for every page, then reports the first write that failed.
    func finish() throws {
        drain()
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
    }
}
