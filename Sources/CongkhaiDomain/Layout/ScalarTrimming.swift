import Foundation

/// `trimmingCharacters(in:)` without Foundation's round trip through NSString, which was most of what trimming a
/// short value or a procedure's section cost. Foundation walks UTF-16 units and stops at the first one the set
/// does not hold (a surrogate half is in none of the sets trimmed here); walking scalars stops at the same place,
/// since every character set trimmed in the domain holds only scalars of the Basic Multilingual Plane.
extension Substring {
    func trimmingScalars(in set: CharacterSet) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard set.contains(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return String(self) }
        return String(scalars[start..<end])
    }
}

extension String {
    func trimmingScalars(in set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last, !set.contains(first) && !set.contains(last) else {
            return self[...].trimmingScalars(in: set)
        }
        return self
    }
}
