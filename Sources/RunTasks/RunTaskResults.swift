public import PrivacyModel
internal import Foundation

/// The results of a plan's tasks, gathered from `simrun exec`'s output
/// files; every problem is named with its file and line: a line that is not
/// a result, a result of another plan (foreign), of another simrun
/// version, outside the plan, given twice, or whose checksum does not
/// match; and, once all are read, every task without a result.
public struct RunTaskResults: Sendable {
  public let plan: RunTaskPlan
  /// Each task's result line, checked; decoded when asked for
  /// (``result(_:)``), so that a large plan's results need not all be in
  /// memory at once.
  private var lines: [String?]
  /// Where each task's result was read (`FILE:LINE`).
  private var origins: [String?]
  /// The digest of the task each result says it ran.
  private var taskDigests: [String?]
  public private(set) var problems: [String] = []

  public init(plan: RunTaskPlan) {
    self.plan = plan
    lines = Array(repeating: nil, count: plan.tasks)
    origins = Array(repeating: nil, count: plan.tasks)
    taskDigests = Array(repeating: nil, count: plan.tasks)
  }

  /// Reads the JSON lines of `text` (a file named `file`); blank lines are
  /// skipped.
  public mutating func add(_ text: String, file: String) {
    let decoder = JSONDecoder()
    for (n, line) in JSONLines.numbered(text) {
      let place = "\(file):\(n)"
      guard let record = try? decoder.decode(RunTaskRecord.self, from: Data(line.utf8)),
            record.kind == RunTaskRecord.kind else {
        problems.append("\(place): not a simrun task result (a line of `simrun exec`'s output)")
        continue
      }
      guard record.version == RunTaskRecord.version else {
        problems.append("\(place): a task result of format version \(record.version); this simrun reads version \(RunTaskRecord.version)")
        continue
      }
      guard record.plan == plan.id else {
        problems.append("\(place): task \(record.task) is foreign: it belongs to plan \(record.plan.prefix(12)), not to this plan \(plan.id.prefix(12))")
        continue
      }
      guard record.simrun == plan.simrun else {
        problems.append("\(place): task \(record.task) was run by simrun \(record.simrun); the plan was made by simrun \(plan.simrun)")
        continue
      }
      guard lines.indices.contains(record.task) else {
        problems.append("\(place): task \(record.task) is outside the plan's \(plan.tasks) tasks")
        continue
      }
      guard record.checksumHolds else {
        problems.append("\(place): task \(record.task): the checksum does not match the plan, task and result it carries (the line was altered, relabelled or cut)")
        continue
      }
      if let first = origins[record.task] {
        problems.append("\(place): task \(record.task) is duplicated (also at \(first))")
        continue
      }
      lines[record.task] = String(line)
      origins[record.task] = place
      taskDigests[record.task] = record.taskSHA256
    }
  }

  /// A line per result that ran another task than the plan's task of its
  /// index (`tasks`, as the plan makes them now): the task was edited after
  /// planning, or the result belongs elsewhere.
  public func mismatchedTasks(_ tasks: [RunTask]) -> [String] {
    zip(tasks.indices, tasks).compactMap { t, task in
      guard let digest = taskDigests[t], let place = origins[t], digest != task.digest else { return nil }
      return "\(place): task \(t) ran a task that is not the plan's task \(t) (tasks.jsonl edited after planning?); run the plan's own tasks"
    }
  }

  /// Task `task`'s result (every task has one once ``missing`` is empty).
  public func result(_ task: Int) -> ReplicationResult {
    // The line decoded and passed its checksum when it was added.
    try! JSONDecoder().decode(RunTaskRecord.self, from: Data(lines[task]!.utf8)).result
  }

  /// A line per task without a result: its number, scenario and replication.
  public var missing: [String] {
    lines.indices.filter { lines[$0] == nil }.map { t in
      "task \(t) (\(plan.items[t / plan.replications]), replication \(t % plan.replications)) has no result"
    }
  }
}
