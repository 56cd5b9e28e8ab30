import Crypto
import IntentModel

/// The hashes an export manifest records for its files: SHA-256 now; FNV-1a 64 in
/// manifests written before, still checked when read.
public enum ManifestHash {
    /// SHA-256 of `bytes`, 64 lowercase hex digits.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// FNV-1a 64 of `bytes`, 16 lowercase hex digits (older manifests).
    public static func fnv1a64(_ bytes: [UInt8]) -> String {
        let hex = String(FNV1a.hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
