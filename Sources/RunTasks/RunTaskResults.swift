public import PrivacyModel
internal import Foundation

/// The checks on a plan's task results as they are read, one line at a
/// time, from `simrun exec`'s output files, keeping only where each task's
/// result was read and which task it ran (not the results: the caller
/// folds each accepted one at once). Every problem is named with its file
/// and line: a line that is not a result, a result of another plan
/// (foreign), of another simrun version, outside the plan, given twice, or
/// whose checksum does not match, or that ran another task than the
/// plan's; and, once all are read, every task without a result.
public struct RunTaskResults: Sendable {
  public let plan: RunTaskPlan
  /// The plan's tasks' digests, in task order.
  private let taskDigests: [String]
  /// The files read, in order.
  private var files: [String] = []
  /// Where each task's result was read: the file's position in ``files``
  /// and the line (0: no result yet); compact, as a plan may have 10⁵ tasks.
  private var origins: [(file: UInt32, line: UInt32)]
  public private(set) var problems: [String] = []

  /// The checks for `plan`, whose tasks (as the plan makes them now) are
  /// `tasks`.
  public init(plan: RunTaskPlan, tasks: [RunTask]) {
    self.plan = plan
    taskDigests = tasks.map(\.digest)
    origins = Array(repeating: (0, 0), count: plan.tasks)
  }

  /// `FILE:LINE` of task `task`'s result, if it has one.
  private func origin(_ task: Int) -> String? {
    origins[task].line == 0 ? nil : "\(files[Int(origins[task].file)]):\(origins[task].line)"
  }

  /// Checks line `number` of `file`; returns the task and its result when
  /// the line is a good result of a task not yet seen, and records the
  /// problem otherwise.
  public mutating func accept(_ text: some StringProtocol, file: String, line number: Int) -> (task: Int, result: ReplicationValues)? {
    let place = "\(file):\(number)"
    guard let record = try? JSONDecoder().decode(RunTaskRecord.self, from: Data(text.utf8)),
          record.kind == RunTaskRecord.kind else {
      problems.append("\(place): not a simrun task result (a line of `simrun exec`'s output)")
      return nil
    }
    guard record.version == RunTaskRecord.version else {
      problems.append("\(place): a task result of format version \(record.version); this simrun reads version \(RunTaskRecord.version): run the tasks again with this simrun")
      return nil
    }
    guard record.plan == plan.id else {
      problems.append("\(place): task \(record.task) is foreign: it belongs to plan \(record.plan.prefix(12)), not to this plan \(plan.id.prefix(12))")
      return nil
    }
    guard record.simrun == plan.simrun else {
      problems.append("\(place): task \(record.task) was run by simrun \(record.simrun); the plan was made by simrun \(plan.simrun)")
      return nil
    }
    guard origins.indices.contains(record.task) else {
      problems.append("\(place): task \(record.task) is outside the plan's \(plan.tasks) tasks")
      return nil
    }
    guard record.checksumHolds else {
      problems.append("\(place): task \(record.task): the checksum does not match the plan, task and result it carries (the line was altered, relabelled or cut)")
      return nil
    }
    if let first = origin(record.task) {
      problems.append("\(place): task \(record.task) is duplicated (also at \(first))")
      return nil
    }
    if files.last != file { files.append(file) }
    origins[record.task] = (UInt32(files.count - 1), UInt32(clamping: number))
    guard record.taskSHA256 == taskDigests[record.task] else {
      problems.append("\(place): task \(record.task) ran a task that is not the plan's task \(record.task) (tasks.jsonl edited after planning?); run the plan's own tasks")
      return nil
    }
    return (record.task, record.result)
  }

  /// A line per task without a result: its number, scenario and replication.
  public var missing: [String] {
    origins.indices.filter { origins[$0].line == 0 }.map { t in
      "task \(t) (\(plan.items[t / plan.replications]), replication \(t % plan.replications)) has no result"
    }
  }
}
