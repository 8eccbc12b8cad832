import CongkhaiMessages
import Crypto
import Foundation
import ZIPFoundation

/// A snapshot zip: `<name>/manifest.json` lists every other file of `<name>/` with size and SHA-256.
struct SnapshotCheck {
    let archive: Archive
    let zip: ZipInspection

    func check(into report: inout Verifier.Report, expectedKey: String?) {
        let isManifest = { (entry: Entry) in
            entry.path.hasSuffix("/" + SnapshotLayout.manifest) && entry.path.split(separator: "/").count == 2
        }
        guard let manifestEntry = archive.first(where: isManifest)
        else {
            report.problems.append(.init(path: SnapshotLayout.manifest,
                                         .manifestMissing))
            return
        }
        let root = String(manifestEntry.path.dropLast(SnapshotLayout.manifest.count + 1))
        let manifestPath = manifestEntry.path
        let manifestData: Data
        let manifest: SnapshotManifest
        do {
            manifestData = try zip.data(of: manifestEntry)
            manifest = try SnapshotManifest.decode(manifestData)
        } catch {
            report.problems.append(.init(path: manifestPath, .manifestUnreadable))
            return
        }
        let digest = SnapshotManifest.digest(of: manifestData)
        report.notes.append(.init(.manifestDigestNote, ["digest": digest]))
        var signed: SignedData?
        if let entry = archive[root + "/" + SnapshotLayout.signature] {
            signed = (try? zip.data(of: entry)).flatMap { try? JSONDecoder().decode(SignedData.self, from: $0) }
            if signed == nil { report.problems.append(.init(path: entry.path, .signatureUnreadable)) }
        }
        SignatureCheck.check(signed, hash: "sha256:" + digest, path: manifestPath, expectedKey: expectedKey, into: &report)
        checkDigestLine(digest: digest, root: root, into: &report)

        var expected = [String: SnapshotManifest.File]()
        for file in manifest.files { expected[root + "/" + file.path] = file }
        let own: Set<String> = [manifestPath, root + "/" + SnapshotLayout.signature]
        var seen = Set<String>()
        for entry in archive where !own.contains(entry.path) {
            guard let listed = expected[entry.path] else {
                report.problems.append(.init(path: entry.path, .notInManifest))
                continue
            }
            seen.insert(entry.path)
            report.checkedFiles += 1
            do {
                let (sha, size) = try zip.digest(of: entry)
                if size != listed.size || sha != listed.sha256 {
                    report.problems.append(.init(path: entry.path,
                                                 .differsFromManifest,
                                                 ["size": String(size), "expected": String(listed.size)]))
                }
            } catch {
                report.problems.append(.init(path: entry.path, .cannotReadBack))
            }
        }
        for path in expected.keys.sorted() where !seen.contains(path) {
            report.problems.append(.init(path: path, .notInZip))
        }
    }

    /// The digest the archive command printed, when `<name>.sha256` is beside the zip.
    func checkDigestLine(digest: String, root: String, into report: inout Verifier.Report) {
        let digestFile = zip.file.deletingPathExtension().appendingPathExtension("sha256")
        guard let text = try? String(contentsOf: digestFile, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasSuffix("  \(root)/\(SnapshotLayout.manifest)") }) else { return }
        if String(line.prefix(64)) != digest {
            report.problems.append(.init(path: root + "/" + SnapshotLayout.manifest,
                                         .manifestDigestDiffers,
                                         ["digest": digest, "file": digestFile.lastPathComponent, "expected": String(line.prefix(64))]))
        }
    }
}

/// A WACZ: `datapackage.json` lists every resource with its hash; `datapackage-digest.json` holds
/// the hash of the data package and, when signed, the signature.
struct WACZCheck {
    let archive: Archive
    let zip: ZipInspection

    private struct Package: Decodable {
        struct Resource: Decodable { var path: String; var hash: String; var bytes: Int64? }
        var resources: [Resource]
        var created: String?
    }
    private struct DigestFile: Decodable { var path: String; var hash: String; var signedData: SignedData? }

    func check(into report: inout Verifier.Report, expectedKey: String?) {
        guard let packageEntry = archive[WACZPackage.packagePath], let packageData = try? zip.data(of: packageEntry),
              let package = try? JSONDecoder().decode(Package.self, from: packageData) else {
            report.problems.append(.init(path: WACZPackage.packagePath, .packageUnreadable))
            return
        }
        let hash = "sha256:" + SHA256.hash(data: packageData).hex
        if let entry = archive[WACZPackage.digestPath], let data = try? zip.data(of: entry),
           let digest = try? JSONDecoder().decode(DigestFile.self, from: data) {
            if digest.hash != hash {
                report.problems.append(.init(path: WACZPackage.packagePath,
                                             .packageHashDiffers,
                                             ["hash": hash, "file": WACZPackage.digestPath, "expected": digest.hash]))
            }
            if let signed = digest.signedData, signed.created != package.created {
                report.problems.append(.init(path: WACZPackage.digestPath, .signatureTimeDiffers))
            }
            SignatureCheck.check(digest.signedData, hash: hash, path: WACZPackage.packagePath, expectedKey: expectedKey, into: &report)
        } else {
            report.problems.append(.init(path: WACZPackage.digestPath,
                                         .packageDigestMissing))
        }
        var listed = [String: Package.Resource]()
        for resource in package.resources { listed[resource.path] = resource }
        var seen = Set<String>()
        for entry in archive where entry.path != WACZPackage.packagePath && entry.path != WACZPackage.digestPath {
            guard let resource = listed[entry.path] else {
                report.problems.append(.init(path: entry.path, .notInPackage))
                continue
            }
            seen.insert(entry.path)
            report.checkedFiles += 1
            do {
                let (sha, size) = try zip.digest(of: entry)
                if "sha256:" + sha != resource.hash || (resource.bytes != nil && resource.bytes != size) {
                    report.problems.append(.init(path: entry.path, .differsFromPackage))
                }
            } catch {
                report.problems.append(.init(path: entry.path, .cannotReadBack))
            }
        }
        for path in listed.keys.sorted() where !seen.contains(path) {
            report.problems.append(.init(path: path, .notInWACZ))
        }
    }
}
