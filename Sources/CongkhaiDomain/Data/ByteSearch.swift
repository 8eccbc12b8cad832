import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `byte` next stands from `start`, or `count` when it does not: found by memchr, which passes over
    /// the bytes between many at a time (line ends and rare marks are looked for in every line of every document).
    public func index(of byte: UInt8, from start: Int) -> Int {
        guard start < count, let base = baseAddress, let hit = memchr(base + start, Int32(byte), count - start) else { return count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
