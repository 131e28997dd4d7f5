/// The manifest of a plan (`manifest.json` beside `tasks.jsonl`): which
/// command it decomposes, with which arguments, into how many tasks, and
/// the plan's identity, a checksum over all of it and every task, which
/// every task and result carries.
public struct RunTaskPlan: Codable, Hashable, Sendable {
  public static let kind = "simrun-plan"
  public static let version = 1

  public let kind: String
  public let version: Int
  public let simrun: String
  /// The planned command and its arguments, as given after `simrun plan`.
  public let arguments: [String]
  /// The command's scenarios, in report order.
  public let items: [String]
  public let replications: Int
  public let tasks: Int
  public let id: String

  /// A plan of `tasks` (their `plan` field empty); returns the manifest
  /// and the tasks stamped with its identity.
  public static func make(simrun: String, arguments: [String], items: [String], replications: Int,
                          tasks: [RunTask]) -> (plan: RunTaskPlan, tasks: [RunTask]) {
    let core = Core(simrun: simrun, arguments: arguments, items: items, replications: replications,
                    tasks: tasks.map { RunTaskDigest.hex(RunTaskDigest.canonicalJSON($0)) })
    let id = RunTaskDigest.hex(RunTaskDigest.canonicalJSON(core))
    let plan = RunTaskPlan(kind: kind, version: version, simrun: simrun, arguments: arguments, items: items,
                           replications: replications, tasks: tasks.count, id: id)
    return (plan, tasks.map { var t = $0; t.plan = id; return t })
  }

  private struct Core: Encodable {
    let simrun: String
    let arguments: [String]
    let items: [String]
    let replications: Int
    let tasks: [String]
  }
}
