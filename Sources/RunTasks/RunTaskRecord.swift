public import PrivacyModel
internal import Crypto
internal import Foundation

/// What `simrun exec` writes for one task: self-describing (kind,
/// version, the simrun that ran it), bound to its plan, its task's index
/// and the digest of the task it ran, and checksummed over all of those
/// and the result together, one JSON line. A result relabelled with another
/// plan or task index fails its checksum; one computed from a task edited
/// after planning carries that task's digest, which is not the plan's.
public struct RunTaskRecord: Codable, Sendable {
  public static let kind = "simrun-task-result"
  /// 3: the result is the values the reports need (``ReplicationValues``).
  public static let version = 3

  public let kind: String
  public let version: Int
  public let simrun: String
  public let plan: String
  public let task: Int
  /// SHA-256 of the task it ran, as canonical JSON (``RunTask/digest``).
  public let taskSHA256: String
  public let result: ReplicationValues
  /// SHA-256 of plan, task, task digest and result together, as canonical
  /// JSON (sorted keys).
  public let sha256: String

  public init(task: RunTask, simrun: String, result: ReplicationValues) {
    kind = Self.kind
    version = Self.version
    self.simrun = simrun
    plan = task.plan
    self.task = task.task
    taskSHA256 = task.digest
    self.result = result
    sha256 = Self.checksum(plan: plan, task: self.task, taskSHA256: taskSHA256, result: result)
  }

  /// Whether ``sha256`` is the checksum of the record's fields as decoded.
  public var checksumHolds: Bool {
    Self.checksum(plan: plan, task: task, taskSHA256: taskSHA256, result: result) == sha256
  }

  private static func checksum(plan: String, task: Int, taskSHA256: String, result: ReplicationValues) -> String {
    RunTaskDigest.hex(RunTaskDigest.canonicalJSON(Bound(plan: plan, task: task, taskSHA256: taskSHA256, result: result)))
  }

  /// What the checksum covers.
  private struct Bound: Encodable {
    let plan: String
    let task: Int
    let taskSHA256: String
    let result: ReplicationValues
  }

  /// The record as one line of JSON (no newline).
  public var line: String { String(decoding: RunTaskDigest.canonicalJSON(self), as: UTF8.self) }
}
