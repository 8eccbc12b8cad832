import Foundation

/// Maps over `items` on all cores, keeping the input order in the result.
func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [R?](repeating: nil, count: items.count)
    let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
    let chunks = (items.count + chunk - 1) / chunk
    results.withUnsafeMutableBufferPointer { buffer in
        let out = buffer
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(items.count, (c + 1) * chunk) {
                out[i] = transform(items[i])
            }
        }
    }
    return results.map { $0! }
}

/// Runs `body` for every item on all cores.
func parallelForEach<T>(_ items: [T], _ body: (T) -> Void) {
    _ = parallelMap(items) { body($0) }
}
