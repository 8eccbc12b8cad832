import CongkhaiArchive
import Crypto
import Foundation
import Testing

@Suite struct SignatureTests {
    @Test func keygenWritesAPrivateKeyOnlyTheOwnerCanReadAndRefusesToOverwriteIt() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let keys = try fixture.keys()
        let mode = try FileManager.default.attributesOfItem(atPath: keys.privateKey.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOf: keys.privateKey, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try String(contentsOf: keys.publicKey, encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(throws: ArchiveFailure.self) { try ArchiveKeys.generate(into: keys.privateKey.deletingLastPathComponent()) }
        // the key type of the WACZ recommendation's anonymous signatures: ECDSA P-384
        _ = try P384.Signing.PublicKey(pemRepresentation: String(contentsOf: keys.publicKey, encoding: .utf8))
    }

    @Test func aSignedSnapshotAndWACZVerifyWithTheirKeyAndNotWithAnother() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let keys = try fixture.keys()
        let other = try fixture.keys()
        let result = try fixture.archive(key: keys.privateKey)
        for file in [result.snapshot, result.wacz] {
            let good = try fixture.verify(file, key: keys.publicKey)
            #expect(good.ok, "\(ArchiveFixture.problems(good))")
            let wrong = try fixture.verify(file, key: other.publicKey)
            #expect(wrong.problems.contains { $0.message.contains("another key") })
            #expect(try fixture.verify(file).ok, "without --key the signature is checked against its own key only")
        }
    }

    @Test func aChangedSignatureIsInvalid() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let keys = try fixture.keys()
        let result = try fixture.archive(key: keys.privateKey)
        let copy = fixture.root.appendingPathComponent("copy.zip")
        try ArchiveFixture.rewrite(result.snapshot, to: copy) { path, data in
            guard path.hasSuffix("/manifest.sig"), var signed = try? JSONDecoder().decode(SignedData.self, from: data),
                  var raw = Data(base64Encoded: signed.signature) else { return data }
            raw[5] ^= 0x01
            signed.signature = raw.base64EncodedString()
            return try? JSONEncoder().encode(signed)
        }
        let report = try fixture.verify(copy, key: keys.publicKey)
        #expect(report.problems.contains { $0.message.contains("not valid") })
    }

    @Test func signaturesFollowTheWACZRecommendationShape() throws {
        let key = P384.Signing.PrivateKey()
        let hash = "sha256:" + String(repeating: "ab", count: 32)
        let signed = try SignedData.make(hash: hash, created: "2024-06-30T00:00:00Z", version: "1", key: key)
        // WebCrypto form: raw r‖s (96 bytes for P-384), SPKI public key, over the text of the hash with SHA-256
        #expect(Data(base64Encoded: signed.signature)?.count == 96)
        #expect(Data(base64Encoded: signed.publicKey) == key.publicKey.derRepresentation)
        let signature = try P384.Signing.ECDSASignature(rawRepresentation: Data(base64Encoded: signed.signature)!)
        #expect(key.publicKey.isValidSignature(signature, for: SHA256.hash(data: Data(hash.utf8))))
        #expect(!ArchiveKeys.isValid(signature: signed.signature, publicKey: signed.publicKey, hash: hash + "0"))
    }
}
