import CongkhaiMessages
import Crypto
import Foundation
import ZIPFoundation

/// `congkhai verify`: checks a snapshot zip or a WACZ against its own manifest, its zip structure,
/// the `.sha256` file beside it when there is one, and a public key when one is given.
public struct Verifier {
    /// What is wrong with one file of the archive, as a catalogue key and its values.
    public struct Problem: CustomStringConvertible, Equatable, Sendable {
        public let path: String
        public let key: ArchiveText
        public let arguments: [String: String]

        init(path: String, _ key: ArchiveText, _ arguments: [String: String] = [:]) {
            (self.path, self.key, self.arguments) = (path, key, arguments)
        }

        /// In English (logs, tests); the command line prints `words`.
        public var message: String { MessageCatalogue.englishForLogs.text(key, arguments) }
        public var words: String { Messages.current.text(key, arguments) }
        public var description: String { "\(path): \(message)" }
    }

    /// Something worth knowing that is not a problem (the manifest's digest, who signed).
    public struct Note: Equatable, Sendable {
        public let key: ArchiveText
        public let arguments: [String: String]

        init(_ key: ArchiveText, _ arguments: [String: String] = [:]) { (self.key, self.arguments) = (key, arguments) }

        public var words: String { Messages.current.text(key, arguments) }
    }

    public struct Report: Sendable {
        /// `.kindSnapshot` or `.kindWACZ`.
        public var kind = ArchiveText.kindSnapshot
        public var problems: [Problem] = []
        public var notes: [Note] = []
        public var checkedFiles = 0
        public var ok: Bool { problems.isEmpty }
    }

    let file: URL
    let publicKey: URL?

    public init(file: URL, publicKey: URL? = nil) {
        self.file = file
        self.publicKey = publicKey
    }

    public func run() throws -> Report {
        var report = Report()
        let expectedKey = try publicKey.map { try ArchiveKeys.loadPublic($0).derRepresentation.base64EncodedString() }
        let archive: Archive
        do { archive = try Archive(url: file, accessMode: .read) } catch {
            report.problems.append(.init(path: file.lastPathComponent,
                                         .notAZip))
            return report
        }
        let zip = ZipInspection(archive: archive, file: file)
        zip.checkStructure(into: &report)
        if archive["datapackage.json"] != nil {
            report.kind = .kindWACZ
            WACZCheck(archive: archive, zip: zip).check(into: &report, expectedKey: expectedKey)
        } else {
            report.kind = .kindSnapshot
            SnapshotCheck(archive: archive, zip: zip).check(into: &report, expectedKey: expectedKey)
        }
        checkDigestFile(into: &report)
        return report
    }

    /// `<name>.sha256` beside the file, written by the archive command, covers the whole file:
    /// a changed byte anywhere, even where no manifest looks (zip headers), shows here.
    func checkDigestFile(into report: inout Report) {
        let base = file.deletingPathExtension()
        let digestFile = base.appendingPathExtension("sha256")
        guard let text = try? String(contentsOf: digestFile, encoding: .utf8) else {
            report.notes.append(.init(.noDigestFile, ["file": digestFile.lastPathComponent]))
            return
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasSuffix("  " + file.lastPathComponent) }) else {
            report.notes.append(.init(.digestFileHasNoLine, ["file": digestFile.lastPathComponent, "archive": file.lastPathComponent]))
            return
        }
        let expected = String(line.prefix(64))
        let actual = (try? FileDigest.sha256(of: file)) ?? ""
        if expected != actual {
            report.problems.append(.init(path: file.lastPathComponent,
                                         .fileDigestDiffers,
                                         ["actual": actual, "file": digestFile.lastPathComponent, "expected": expected]))
        }
    }
}

/// What every archive of congkhai has in common: sorted entries, one time, fixed permissions, intact data.
struct ZipInspection {
    let archive: Archive
    let file: URL

    func checkStructure(into report: inout Verifier.Report) {
        var previous: String?
        var times = Set<Date>()
        var trailerSeen = false
        for entry in archive {
            // a snapshot's manifest and signature come last, after the files they describe
            let parts = entry.path.split(separator: "/")
            if parts.count == 2, [SnapshotLayout.manifest, SnapshotLayout.signature].contains(String(parts[1])) {
                trailerSeen = true
            } else if trailerSeen {
                report.problems.append(.init(path: entry.path, .afterManifest))
            } else if let previous, !previous.utf8.lexicographicallyPrecedes(entry.path.utf8) {
                report.problems.append(.init(path: entry.path, .outOfOrder, ["previous": previous]))
            }
            if !trailerSeen { previous = entry.path }
            if let date = entry.fileAttributes[.modificationDate] as? Date { times.insert(date) }
            if let permissions = entry.fileAttributes[.posixPermissions] as? Int, permissions != Int(SnapshotLayout.filePermissions) {
                report.problems.append(.init(path: entry.path, .permissions, ["permissions": String(permissions, radix: 8)]))
            }
        }
        if times.count > 1 {
            report.problems.append(.init(path: file.lastPathComponent, .severalTimes, ["count": String(times.count)]))
        }
    }

    /// SHA-256 and size of an entry, read through zlib, which also checks the entry's CRC-32.
    func digest(of entry: Entry) throws -> (String, Int64) {
        var hasher = SHA256()
        var size: Int64 = 0
        _ = try archive.extract(entry, bufferSize: 1 << 20) { chunk in
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        return (hasher.finalize().hex, size)
    }

    func data(of entry: Entry) throws -> Data {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }
}

struct SignatureCheck {
    /// The signature must be valid, and made by the expected key when one is given.
    static func check(_ signed: SignedData?, hash: String, path: String, expectedKey: String?, into report: inout Verifier.Report) {
        guard let signed else {
            if expectedKey != nil {
                report.problems.append(.init(path: path, .notSigned))
            }
            return
        }
        if signed.hash != hash {
            report.problems.append(.init(path: path, .signatureForOther, ["signed": signed.hash, "hash": hash]))
        }
        if !ArchiveKeys.isValid(signature: signed.signature, publicKey: signed.publicKey, hash: signed.hash) {
            report.problems.append(.init(path: path, .signatureInvalid))
        }
        let fingerprint = ArchiveKeys.fingerprint(base64: signed.publicKey)
        if let expectedKey {
            if expectedKey != signed.publicKey {
                report.problems.append(.init(path: path, .otherKey,
                                             ["fingerprint": fingerprint, "expected": ArchiveKeys.fingerprint(base64: expectedKey)]))
            }
        } else {
            report.notes.append(.init(.signedWith, ["fingerprint": fingerprint]))
        }
    }
}
