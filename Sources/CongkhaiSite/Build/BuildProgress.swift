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
    private var stepStartedCPU = 0.0
    /// How long each step took, in order, and the CPU time the process spent in it (on all cores: more than its wall
    /// time when the step kept several cores busy), for `--timings` and the benchmark.
    public private(set) var timings: [(step: String, seconds: Double, cpu: Double)] = []
    /// Parts of a step that does several things at once (the Markdown step makes pages and the search index's
    /// words as it renders): each part's time on all cores, divided by their number. For `--timings`.
    public private(set) var parts: [(step: String, part: String, seconds: Double)] = []
    private let write: (String) -> Void
    /// The step's name as shown (the command line gives it in the user's language); timings keep the English name.
    private let label: (String) -> String

    public init(live: Bool, quiet: Bool = false, write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
                label: @escaping (String) -> String = { $0 }) {
        self.live = live
        self.quiet = quiet
        self.write = write
        self.label = label
    }

    /// Nothing shown: for tests and library use.
    public static var silent: BuildProgress { BuildProgress(live: false, quiet: true) }

    /// Times a step; `body` may give it a counter with `count(_:)`.
    func measure<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        lock.lock(); closeStep(); self.step = step; total = 0; done = 0; stepStarted = ProcessInfo.processInfo.systemUptime
        stepStartedCPU = Self.processCPUSeconds(); lock.unlock()
        defer { end() }
        return try body()
    }

    /// The current step has `total` things to do: a counter on a terminal, a line in a log.
    func count(_ total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.total = total
        done = 0
        guard !quiet else { return }
        if !live { write("  \(label(step)) (\(total))…\n") }
    }

    func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        guard live, !quiet, total > 0 else { return }
        let now = ProcessInfo.processInfo.systemUptime
        if now - lastShown > 0.1 || done == total {
            lastShown = now
            write("\r\u{1B}[K  \(label(step)): \(done)/\(total)")
        }
    }

    /// Adds `seconds`, spent on one core, to the current step's `part`.
    func add(_ seconds: Double, to part: String) {
        lock.lock(); defer { lock.unlock() }
        let share = seconds / Double(ProcessInfo.processInfo.activeProcessorCount)
        if let i = parts.firstIndex(where: { $0.step == step && $0.part == part }) {
            parts[i].seconds += share
        } else {
            parts.append((step, part, share))
        }
    }

    /// Says something while a step runs (a wait for a lock, say).
    func note(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        write((live ? "\r\u{1B}[K" : "") + "  \(text)\n")
    }

    /// Says something that is not a problem (an output left out, and how to turn it on): not with --quiet.
    func notice(_ text: String) {
        guard !quiet else { return }
        note(text)
    }

    private func end() {
        lock.lock(); defer { lock.unlock() }
        let counted = total > 0
        closeStep()
        if live, !quiet, counted { write("\r\u{1B}[K") }
    }

    private func closeStep() {
        guard !step.isEmpty else { return }
        timings.append((step, ProcessInfo.processInfo.systemUptime - stepStarted, Self.processCPUSeconds() - stepStartedCPU))
        step = ""
    }

    /// The CPU time of the whole process so far, user and system, every thread.
    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
