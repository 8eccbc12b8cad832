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
                                         message: "is missing: this is not a congkhai snapshot, or it was cut short"))
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
            report.problems.append(.init(path: manifestPath, message: "cannot be read (\(error)): the manifest was damaged"))
            return
        }
        let digest = SnapshotManifest.digest(of: manifestData)
        report.notes.append("manifest digest \(digest)")
        var signed: SignedData?
        if let entry = archive[root + "/" + SnapshotLayout.signature] {
            signed = (try? zip.data(of: entry)).flatMap { try? JSONDecoder().decode(SignedData.self, from: $0) }
            if signed == nil { report.problems.append(.init(path: entry.path, message: "is not a signature congkhai can read")) }
        }
        SignatureCheck.check(signed, hash: "sha256:" + digest, path: manifestPath, expectedKey: expectedKey, into: &report)
        checkDigestLine(digest: digest, root: root, into: &report)

        var expected = [String: SnapshotManifest.File]()
        for file in manifest.files { expected[root + "/" + file.path] = file }
        let own: Set<String> = [manifestPath, root + "/" + SnapshotLayout.signature]
        var seen = Set<String>()
        for entry in archive where !own.contains(entry.path) {
            guard let listed = expected[entry.path] else {
                report.problems.append(.init(path: entry.path, message: "is in the zip but not in the manifest: a file was added"))
                continue
            }
            seen.insert(entry.path)
            report.checkedFiles += 1
            do {
                let (sha, size) = try zip.digest(of: entry)
                if size != listed.size || sha != listed.sha256 {
                    report.problems.append(.init(path: entry.path,
                                                 message: "differs from the manifest (size \(size), expected \(listed.size)): "
                        + "the file was changed"))
                }
            } catch {
                report.problems.append(.init(path: entry.path, message: "cannot be read back (\(error)): its bytes were changed"))
            }
        }
        for path in expected.keys.sorted() where !seen.contains(path) {
            report.problems.append(.init(path: path, message: "is in the manifest but not in the zip: a file was removed"))
        }
    }

    /// The digest the archive command printed, when `<name>.sha256` is beside the zip.
    func checkDigestLine(digest: String, root: String, into report: inout Verifier.Report) {
        let digestFile = zip.file.deletingPathExtension().appendingPathExtension("sha256")
        guard let text = try? String(contentsOf: digestFile, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasSuffix("  \(root)/\(SnapshotLayout.manifest)") }) else { return }
        if String(line.prefix(64)) != digest {
            report.problems.append(.init(path: root + "/" + SnapshotLayout.manifest,
                                         message: "its digest is \(digest), but \(digestFile.lastPathComponent) says \(line.prefix(64))"))
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
            report.problems.append(.init(path: WACZPackage.packagePath, message: "cannot be read: the data package was damaged"))
            return
        }
        let hash = "sha256:" + SHA256.hash(data: packageData).hex
        if let entry = archive[WACZPackage.digestPath], let data = try? zip.data(of: entry),
           let digest = try? JSONDecoder().decode(DigestFile.self, from: data) {
            if digest.hash != hash {
                report.problems.append(.init(path: WACZPackage.packagePath,
                                             message: "its hash is \(hash), but \(WACZPackage.digestPath) says "
                    + "\(digest.hash): the data package was changed"))
            }
            if let signed = digest.signedData, signed.created != package.created {
                report.problems.append(.init(path: WACZPackage.digestPath, message: "the signature's time differs from the package's"))
            }
            SignatureCheck.check(digest.signedData, hash: hash, path: WACZPackage.packagePath, expectedKey: expectedKey, into: &report)
        } else {
            report.problems.append(.init(path: WACZPackage.digestPath,
                                         message: "is missing or unreadable: the data package's hash cannot be checked"))
        }
        var listed = [String: Package.Resource]()
        for resource in package.resources { listed[resource.path] = resource }
        var seen = Set<String>()
        for entry in archive where entry.path != WACZPackage.packagePath && entry.path != WACZPackage.digestPath {
            guard let resource = listed[entry.path] else {
                report.problems.append(.init(path: entry.path, message: "is in the WACZ but not in datapackage.json: a file was added"))
                continue
            }
            seen.insert(entry.path)
            report.checkedFiles += 1
            do {
                let (sha, size) = try zip.digest(of: entry)
                if "sha256:" + sha != resource.hash || (resource.bytes != nil && resource.bytes != size) {
                    report.problems.append(.init(path: entry.path, message: "differs from datapackage.json: the file was changed"))
                }
            } catch {
                report.problems.append(.init(path: entry.path, message: "cannot be read back (\(error)): its bytes were changed"))
            }
        }
        for path in listed.keys.sorted() where !seen.contains(path) {
            report.problems.append(.init(path: path, message: "is in datapackage.json but not in the WACZ: a file was removed"))
        }
    }
}
