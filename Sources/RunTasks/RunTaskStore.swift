internal import Foundation

/// The documents a plan's tasks refer to, by SHA-256: each distinct
/// scenario and design once (a plan's `store.jsonl`), so that a task is a
/// few hundred bytes however large its scenario.
public struct RunTaskStore: Sendable {
  public private(set) var documents: [String: RunTaskStoredDocument] = [:]
  /// Digests in the order first stored (the order `store.jsonl` lists them).
  public private(set) var order: [String] = []

  public init() {}

  /// Stores `document` (once; storing it again changes nothing); returns
  /// its digest.
  @discardableResult
  public mutating func insert(_ document: RunTaskStoredDocument) -> String {
    if documents[document.sha256] == nil {
      documents[document.sha256] = document
      order.append(document.sha256)
    }
    return document.sha256
  }

  public subscript(digest: String) -> RunTaskStoredDocument? { documents[digest] }

  /// The stored documents, one JSON line each, in ``order``.
  public var lines: [String] { order.map { documents[$0]!.line } }

  /// A stored document read from a JSON line: `nil` when the line is not
  /// one (it may be a task); an error when it says it is one but its text
  /// does not match its digest.
  public static func document(in line: some StringProtocol) throws(RunTaskStoreError) -> RunTaskStoredDocument? {
    // Cheap test first: a task line never has this kind.
    guard line.contains(RunTaskStoredDocument.kind) else { return nil }
    guard let document = try? JSONDecoder().decode(RunTaskStoredDocument.self, from: Data(line.utf8)),
          document.kind == RunTaskStoredDocument.kind else { return nil }
    guard document.checksumHolds else { throw RunTaskStoreError.altered(document.sha256) }
    return document
  }
}

/// A stored document whose text does not match its SHA-256.
public enum RunTaskStoreError: Error, Hashable, Sendable {
  case altered(String)
}
