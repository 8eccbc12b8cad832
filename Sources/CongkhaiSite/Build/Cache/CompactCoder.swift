import Foundation

/// A compact binary form for `Codable` values: what the build cache stores.
///
/// Written by hand because JSONDecoder was most of a one-document rebuild (1.7 s
/// to decode 10,000 cache entries on 2 cores): it parses the text into a tree,
/// unescapes every string and makes a dictionary of each object's keys before the
/// first field is read. No package at hand gives a binary form for `Codable`
/// (swift-protobuf needs schemas of its own, GRDB would store rows, not these
/// values). Here a value is decoded straight from the bytes: keys are compared
/// in place, in the order they were written (synthesised `Codable` reads them in
/// that order), and nothing is allocated but the values themselves.
///
/// Each value starts with a tag byte:
/// nil, false, true, a signed integer (zigzag varint), an unsigned one (varint),
/// a double (8 bytes), a string (varint length, UTF-8), a keyed container
/// (entries of a key tag, varint length and key bytes, then the value; an end tag),
/// an unkeyed container (values, then an end tag).
/// An optional that is nil is written as nil rather than left out, so that every
/// key is where the decoder looks for it first.
///
/// Writing is in `CompactCoder+Writing.swift`, reading in `CompactCoder+Reading.swift`.
enum CompactCoder {
    /// The byte before each value (see above).
    enum Tag: UInt8 {
        case null = 0, no, yes, int, uint, double, string, keyed, unkeyed, end, key
    }

    static func corrupt(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "build cache: \(what)"))
    }
}
