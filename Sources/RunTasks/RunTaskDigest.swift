internal import Crypto
public import Foundation

/// Canonical JSON (sorted keys, no spaces) and SHA-256 checksums for plans,
/// tasks and results: the same value gives the same bytes in any process.
public enum RunTaskDigest {
  public static func canonicalJSON(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Everything encoded here is finite numbers, strings and lists.
    return try! encoder.encode(value)
  }

  /// SHA-256 of `data`, lower-case hex.
  public static func hex(_ data: some DataProtocol) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
}
