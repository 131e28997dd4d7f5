public import PrivacyModel
internal import Crypto
internal import Foundation

/// What `simrun exec` writes for one task: self-describing (kind,
/// version, the simrun that ran it), tied to its plan and task, and
/// checksummed (SHA-256 of the result's canonical JSON), one JSON line.
public struct RunTaskRecord: Codable, Sendable {
  public static let kind = "simrun-task-result"
  public static let version = 1

  public let kind: String
  public let version: Int
  public let simrun: String
  public let plan: String
  public let task: Int
  public let result: ReplicationResult
  /// SHA-256 of ``result`` as canonical JSON (sorted keys).
  public let sha256: String

  public init(task: RunTask, simrun: String, result: ReplicationResult) {
    kind = Self.kind
    version = Self.version
    self.simrun = simrun
    plan = task.plan
    self.task = task.task
    self.result = result
    sha256 = RunTaskDigest.hex(RunTaskDigest.canonicalJSON(result))
  }

  /// Whether ``sha256`` is the checksum of ``result`` as decoded.
  public var checksumHolds: Bool { RunTaskDigest.hex(RunTaskDigest.canonicalJSON(result)) == sha256 }

  /// The record as one line of JSON (no newline).
  public var line: String { String(decoding: RunTaskDigest.canonicalJSON(self), as: UTF8.self) }
}
