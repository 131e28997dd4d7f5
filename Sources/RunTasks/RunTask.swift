/// One independent, deterministic piece of a running command: one
/// replication of one of its scenarios. Everything a worker needs is in
/// it — the complete scenario as a YAML document, the seed, the
/// replication — so `simrun exec` on any machine computes exactly what the
/// local command computes.
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
  /// The scenario, every key written out (``ScenarioTemplate``).
  public let scenario: String

  public init(plan: String = "", task: Int, item: Int, replication: Int, seed: UInt64, maxOrdersInFlight: Int,
              weeklySeries: Bool = false, weekOf: String? = nil, simrun: String, scenario: String) {
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
  }

  /// SHA-256 of the task as canonical JSON: what a result says it ran.
  public var digest: String { RunTaskDigest.hex(RunTaskDigest.canonicalJSON(self)) }
}
