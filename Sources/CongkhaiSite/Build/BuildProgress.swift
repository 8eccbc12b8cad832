import Foundation

/// Shows how a long build is going: a live counter on a terminal, a line
/// per step otherwise (CI logs, redirected output).
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let live: Bool
    private let quiet: Bool
    private var step = ""
    private var total = 0
    private var done = 0
    private var lastShown = 0.0
    private var stepStarted = 0.0
    /// How long each step took, in order: for `--timings` and the benchmark.
    public private(set) var timings: [(step: String, seconds: Double)] = []
    private let write: (String) -> Void

    public init(live: Bool, quiet: Bool = false, write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.live = live
        self.quiet = quiet
        self.write = write
    }

    /// Nothing shown: for tests and library use.
    public static var silent: BuildProgress { BuildProgress(live: false, quiet: true) }

    func begin(_ step: String, total: Int) {
        lock.lock(); defer { lock.unlock() }
        closeStep()
        self.step = step
        self.total = total
        done = 0
        stepStarted = ProcessInfo.processInfo.systemUptime
        guard !quiet else { return }
        if !live { write("  \(step) (\(total))…\n") }
    }

    func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        guard live, !quiet else { return }
        let now = ProcessInfo.processInfo.systemUptime
        if now - lastShown > 0.1 || done == total {
            lastShown = now
            write("\r\u{1B}[K  \(step): \(done)/\(total)")
        }
    }

    func end() {
        lock.lock(); defer { lock.unlock() }
        closeStep()
        guard live, !quiet else { return }
        write("\r\u{1B}[K")
    }

    /// Times a step that has no counter.
    func measure<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        lock.lock(); closeStep(); self.step = step; stepStarted = ProcessInfo.processInfo.systemUptime; lock.unlock()
        defer { lock.lock(); closeStep(); lock.unlock() }
        return try body()
    }

    private func closeStep() {
        guard !step.isEmpty else { return }
        timings.append((step, ProcessInfo.processInfo.systemUptime - stepStarted))
        step = ""
    }
}
