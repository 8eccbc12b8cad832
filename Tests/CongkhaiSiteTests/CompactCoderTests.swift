@testable import CongkhaiSite
import Foundation
import Testing

/// The build cache's binary form must give back every value as JSON coding does,
/// and a damaged file must be an error (the build is then a full one), never a crash.
@Suite struct CompactCoderTests {
    struct Sample: Codable, Equatable {
        enum Kind: String, Codable { case state, party, legal }
        var text: String
        var number: Int
        var small: Int8
        var unsigned: UInt32
        var big: Int64
        var ratio: Double
        var flag: Bool
        var maybe: String?
        var maybeNumber: Int?
        var kind: Kind
        var list: [String?]
        var nested: [[Int]]
        var byName: [String: [Double]]
        var children: [Sample]
    }

    static func sample(_ random: inout IncrementalBuildTests.Random, depth: Int = 0) -> Sample {
        let words = ["", "a", "Nghị định", "42/2022/NĐ-CP", "\u{E000}\u{E001}", "tab\there", "line\nbreak", "ẩ ế 🇻🇳",
                     "super", String(repeating: "x", count: 300)]
        func int() -> Int { Int(truncatingIfNeeded: random.next()) >> random.below(64) }
        return Sample(text: random.pick(words), number: int(), small: Int8(truncatingIfNeeded: int()),
                      unsigned: UInt32(truncatingIfNeeded: random.next()), big: Int64.min + Int64(random.below(3)),
                      ratio: Double(int()) / 7, flag: random.below(2) == 0,
                      maybe: random.below(2) == 0 ? nil : random.pick(words), maybeNumber: random.below(2) == 0 ? nil : int(),
                      kind: random.pick([.state, .party, .legal]),
                      list: (0..<random.below(4)).map { _ in random.below(3) == 0 ? nil : random.pick(words) },
                      nested: (0..<random.below(3)).map { _ in (0..<random.below(4)).map { _ in int() } },
                      byName: Dictionary((0..<random.below(4)).map { _ in (random.pick(words), [Double(int())]) },
                                         uniquingKeysWith: { a, _ in a }),
                      children: depth > 2 ? [] : (0..<random.below(3)).map { _ in sample(&random, depth: depth + 1) })
    }

    @Test func randomValuesComeBackAsTheyWere() throws {
        var random = IncrementalBuildTests.Random(state: 1414)
        for _ in 0..<500 {
            let value = Self.sample(&random)
            #expect(try CompactCoder.decode(Sample.self, from: Data(CompactCoder.encode(value))) == value)
        }
    }

    /// Every entry the sample site's build caches, decoded from the binary form, encodes to the same JSON as the original.
    @Test func theSampleSitesCacheComesBackAsJSONCodingGivesIt() throws {
        let w = try IncrementalBuildTests.Workspace()
        try w.build()
        let folder = BuildCache.folder(for: w.site)
        var cache = try #require(BuildCache.loadHead(from: folder))
        let loaded = cache.loadSources(from: folder)
        #expect(loaded)
        #expect(cache.sources.count > 20)
        #expect(cache.sources.values.contains { $0.document?.procedure != nil })
        #expect(cache.sources.values.contains { !($0.document?.extra.isEmpty ?? true) })
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        for (path, entry) in cache.sources {
            let back = try CompactCoder.decode(BuildCache.SourceEntry.self, from: Data(CompactCoder.encode(entry)))
            #expect(try json.encode(back) == json.encode(entry), "\(path)")
        }
        let head = try CompactCoder.decode(BuildCache.self, from: Data(CompactCoder.encode(cache)))
        #expect(try json.encode(head) == json.encode(cache))
    }

    @Test func damagedBytesAreAnErrorNotACrash() throws {
        var random = IncrementalBuildTests.Random(state: 77)
        let bytes = try CompactCoder.encode(Self.sample(&random))
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 50)) {
            #expect(throws: (any Error).self) { try CompactCoder.decode(Sample.self, from: Data(bytes[..<cut])) }
        }
        for _ in 0..<300 {
            var damaged = bytes
            damaged[random.below(damaged.count)] = UInt8(truncatingIfNeeded: random.next())
            _ = try? CompactCoder.decode(Sample.self, from: Data(damaged))
        }
    }

    /// Keys read in another order than written, and a key that is missing.
    @Test func keysAreFoundInAnyOrder() throws {
        struct Written: Encodable { var a = 1, b = "two", c = [3] }
        struct Read: Decodable, Equatable {
            var c: [Int], a: Int, b: String
            enum Keys: String, CodingKey { case a, b, c }
            init(from decoder: Decoder) throws {
                let k = try decoder.container(keyedBy: Keys.self)
                c = try k.decode([Int].self, forKey: .c)
                a = try k.decode(Int.self, forKey: .a)
                b = try k.decode(String.self, forKey: .b)
            }
        }
        struct Missing: Decodable { var d: Int }
        let bytes = Data(try CompactCoder.encode(Written()))
        let read = try CompactCoder.decode(Read.self, from: bytes)
        #expect((read.a, read.b, read.c) == (1, "two", [3]))
        #expect(throws: DecodingError.self) { try CompactCoder.decode(Missing.self, from: bytes) }
    }
}
