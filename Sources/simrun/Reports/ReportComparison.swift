/// One paired difference a report shows: `entry` minus `reference`,
/// replication by replication (common random numbers).
struct ReportComparison: Sendable, Equatable {
  enum Kind: String, Sendable {
    /// Against the first scenario of the same platform(s): the cumulative
    /// effect of what differs (rule phases, `--set` values, sweep values).
    case baseline
    /// Against the scenario just before it on the same platform(s): one step
    /// of the rule history (only `compare` with three or more).
    case step
    /// Against the first scenario when that one runs on another platform:
    /// a platform difference (other shops, couriers, rules), never a rule
    /// effect; shown only when the user named both, and never in bold.
    case otherPlatform = "other_platform"
  }

  /// Index of the scenario in `RunReport.entries`.
  let entry: Int
  /// Index of the scenario it is paired with.
  let reference: Int
  let kind: Kind

  /// Whether a difference may be read as the effect of what the two
  /// scenarios differ in (both run the same platforms).
  var isRuleEffect: Bool { kind != .otherPlatform }
}
