/// A document tasks refer to by its SHA-256, stored once: a scenario (its
/// YAML, every key written out) or a design (JSON). One JSON line of a
/// plan's `store.jsonl`, or of a batch of tasks that travels without its
/// plan (before the tasks that need it).
public struct RunTaskStoredDocument: Codable, Hashable, Sendable {
  public static let kind = "simrun-stored"

  public enum DocumentType: String, Codable, Hashable, Sendable {
    case scenario
    case design
  }

  public let kind: String
  public let type: DocumentType
  /// SHA-256 of ``text``'s UTF-8 bytes.
  public let sha256: String
  public let text: String

  public init(type: DocumentType, text: String) {
    kind = Self.kind
    self.type = type
    self.text = text
    sha256 = RunTaskDigest.hex(Array(text.utf8))
  }

  /// Whether ``sha256`` is the digest of ``text`` (the line was not altered).
  public var checksumHolds: Bool { kind == Self.kind && RunTaskDigest.hex(Array(text.utf8)) == sha256 }

  /// The document as one line of JSON (no newline).
  public var line: String { String(decoding: RunTaskDigest.canonicalJSON(self), as: UTF8.self) }
}
