import CongkhaiMessages
import Crypto
import Foundation

/// Signing keys for snapshots. The key type is the one Webrecorder's "WACZ Signing and
/// Verification" recommendation uses for anonymous signatures, as ArchiveWeb.page makes them:
/// ECDSA on P-384 over a SHA-256 digest, the public key as base64 SPKI (DER), the signature
/// as base64 of the raw r‖s pair (WebCrypto's form). What is signed is the text
/// `sha256:<hex>` of the signed file, as in the recommendation's `signedData.hash`.
public enum ArchiveKeys {
    public static let privateKeyName = "archive.key"
    public static let publicKeyName = "archive.pub"
    public static let algorithm = "ECDSA P-384, SHA-256"

    /// Writes a new key pair; refuses to replace an existing private key, which would orphan
    /// every snapshot already signed with it.
    public static func generate(into folder: URL) throws -> (privateKey: URL, publicKey: URL) {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let privateURL = folder.appendingPathComponent(privateKeyName)
        let publicURL = folder.appendingPathComponent(publicKeyName)
        if fm.fileExists(atPath: privateURL.path) {
            throw ArchiveFailure(.keyExists, ["file": privateURL.path])
        }
        let key = P384.Signing.PrivateKey()
        // the private key is created with mode 0600 from the start, never readable by others even for a moment
        let descriptor = open(privateURL.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw ArchiveFailure(.keyNotCreated, ["file": privateURL.path, "problem": FileProblem.describe(errno: errno)])
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data((key.pemRepresentation + "\n").utf8))
        try handle.close()
        try Data((key.publicKey.pemRepresentation + "\n").utf8).write(to: publicURL)
        return (privateURL, publicURL)
    }

    public static func loadPrivate(_ url: URL) throws -> P384.Signing.PrivateKey {
        let text = try readText(url, unreadable: .privateKeyUnreadable)
        do { return try P384.Signing.PrivateKey(pemRepresentation: text) } catch {
            throw ArchiveFailure(.notAPrivateKey, ["file": url.path])
        }
    }

    public static func loadPublic(_ url: URL) throws -> P384.Signing.PublicKey {
        let text = try readText(url, unreadable: .publicKeyUnreadable)
        do { return try P384.Signing.PublicKey(pemRepresentation: text) } catch {
            throw ArchiveFailure(.notAPublicKey, ["file": url.path])
        }
    }

    static func readText(_ url: URL, unreadable: ArchiveText) throws -> String {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ArchiveFailure(unreadable, ["file": url.path])
        }
        return text
    }

    /// The signature of `sha256:<hex>`.
    public static func sign(hash: String, with key: P384.Signing.PrivateKey) throws -> (signature: String, publicKey: String) {
        let signature = try key.signature(for: SHA256.hash(data: Data(hash.utf8)))
        return (signature.rawRepresentation.base64EncodedString(), key.publicKey.derRepresentation.base64EncodedString())
    }

    public static func isValid(signature: String, publicKey: String, hash: String) -> Bool {
        guard let signatureBytes = Data(base64Encoded: signature), let keyBytes = Data(base64Encoded: publicKey),
              let key = try? P384.Signing.PublicKey(derRepresentation: keyBytes),
              let parsed = try? P384.Signing.ECDSASignature(rawRepresentation: signatureBytes) else { return false }
        return key.isValidSignature(parsed, for: SHA256.hash(data: Data(hash.utf8)))
    }

    /// A short name for a public key, to tell keys apart in messages.
    public static func fingerprint(base64 publicKey: String) -> String {
        String(SHA256.hash(data: Data(base64Encoded: publicKey) ?? Data()).hex.prefix(16))
    }
}

/// `manifest.sig` in a snapshot: the signature of the manifest, in the same shape as a
/// WACZ's `signedData`.
public struct SignedData: Codable, Equatable, Sendable {
    public var hash: String
    public var created: String
    public var software: String
    public var version: String
    public var signature: String
    public var publicKey: String

    public static func make(hash: String, created: String, version: String, key: P384.Signing.PrivateKey) throws -> SignedData {
        let (signature, publicKey) = try ArchiveKeys.sign(hash: hash, with: key)
        return SignedData(hash: hash, created: created, software: "congkhai", version: version, signature: signature, publicKey: publicKey)
    }
}
