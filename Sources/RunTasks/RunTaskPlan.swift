/// The manifest of a plan (`manifest.json` beside `tasks.jsonl` and
/// `store.jsonl`): which command it decomposes, with which arguments, into
/// how many tasks, and the plan's identity, a checksum over all of it, every
/// task and every stored document, which every task and result carries.
public struct RunTaskPlan: Codable, Hashable, Sendable {
  public static let kind = "simrun-plan"
  /// 2: tasks name their scenario by digest, the scenarios and designs are
  /// in `store.jsonl` (1 wrote every scenario into every task).
  public static let version = 2

  public let kind: String
  public let version: Int
  public let simrun: String
  /// The planned command and its arguments, as given after `simrun plan`.
  public let arguments: [String]
  /// The command's scenarios, in report order.
  public let items: [String]
  public let replications: Int
  public let tasks: Int
  /// How many documents `store.jsonl` holds.
  public let stored: Int
  public let id: String

  /// A plan of `tasks` (their `plan` field empty) over the documents of
  /// `store`; returns the manifest and the tasks stamped with its identity.
  public static func make(simrun: String, arguments: [String], items: [String], replications: Int,
                          tasks: [RunTask], store: RunTaskStore) -> (plan: RunTaskPlan, tasks: [RunTask]) {
    let core = Core(simrun: simrun, arguments: arguments, items: items, replications: replications,
                    tasks: tasks.map { RunTaskDigest.hex(RunTaskDigest.canonicalJSON($0)) }, stored: store.order)
    let id = RunTaskDigest.hex(RunTaskDigest.canonicalJSON(core))
    let plan = RunTaskPlan(kind: kind, version: version, simrun: simrun, arguments: arguments, items: items,
                           replications: replications, tasks: tasks.count, stored: store.order.count, id: id)
    return (plan, tasks.map { var t = $0; t.plan = id; return t })
  }

  private struct Core: Encodable {
    let simrun: String
    let arguments: [String]
    let items: [String]
    let replications: Int
    let tasks: [String]
    let stored: [String]
  }
}
