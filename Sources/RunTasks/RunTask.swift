/// One independent, deterministic piece of a running command: one
/// replication of one of its scenarios, in a few hundred bytes. The
/// scenario is not written out here but named by its SHA-256: its text is
/// stored once in the plan's store (``RunTaskStore``), however many tasks
/// run it; a point of an exploration names the stored design and its index
/// in it. With the store, `simrun exec` on any machine computes exactly
/// what the local command computes.
public struct RunTask: Codable, Hashable, Sendable {
  /// The plan's identity (``RunTaskPlan/id``); empty while the plan is
  /// being made.
  public var plan: String
  /// Position in the plan, from 0.
  public let task: Int
  /// Which of the command's scenarios (its column in the report).
  public let item: Int
  public let replication: Int
  public let seed: UInt64
  public let maxOrdersInFlight: Int
  /// Whether the run keeps weekly series (the timeline's), which is not a
  /// key of the scenario file.
  public let weeklySeries: Bool
  /// Which week the weekly series count events in (`event` or `creation`,
  /// PrivacyModel's `WeeklySeriesBasis`); only with ``weeklySeries``.
  public let weekOf: String?
  /// The `simrun` version that made the plan; another version refuses it.
  public let simrun: String
  /// SHA-256 of the scenario's stored text (every key written out), in
  /// the store.
  public let scenario: String
  /// Where the scenario is a point of a stored design: the design and the
  /// point, applied to ``scenario``.
  public let point: RunTaskPoint?

  public init(plan: String = "", task: Int, item: Int, replication: Int, seed: UInt64, maxOrdersInFlight: Int,
              weeklySeries: Bool = false, weekOf: String? = nil, simrun: String, scenario: String,
              point: RunTaskPoint? = nil) {
    self.plan = plan
    self.task = task
    self.item = item
    self.replication = replication
    self.seed = seed
    self.maxOrdersInFlight = maxOrdersInFlight
    self.weeklySeries = weeklySeries
    self.weekOf = weekOf
    self.simrun = simrun
    self.scenario = scenario
    self.point = point
  }

  /// The stored documents the task needs: its scenario, and its design.
  public var needs: [String] { [scenario] + (point.map { [$0.design] } ?? []) }

  /// SHA-256 of the task as canonical JSON: what a result says it ran.
  public var digest: String { RunTaskDigest.hex(RunTaskDigest.canonicalJSON(self)) }
}
