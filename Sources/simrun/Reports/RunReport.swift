import PrivacyModel
import SimKernel

/// Everything a command ran, ready to be shown as a table or written as
/// CSV, JSON, Markdown or HTML. Paired differences are taken within each
/// platform, from the first scenario of that platform (`comparisons`).
struct RunReport: Sendable {
  /// One scenario that ran (a column of the table).
  struct Entry: Sendable {
    /// The column's name: the scenario's name, or `KEY=VALUE` in a sweep.
    let id: String
    /// Where the scenario came from: a file's path or `built-in PHASE`.
    let source: String
    /// The values a sweep set for this entry.
    let parameters: [(key: String, value: String)]
    let result: ScenarioResult

    var scenario: Scenario { result.scenario }

    /// The rules in force at some time of the run, by ID: the phases' rules
    /// less any disabled, and the context rules switched on.
    var rules: [RuleID] { scenario.rulesInForce.sorted() }
  }

  enum Kind: String, Sendable {
    case run, compare, timeline, sweep, check, attribute
  }

  let kind: Kind
  /// The command line as typed (arguments quoted where the shell needs it).
  let command: String
  let seed: UInt64
  let replications: Int
  let entries: [Entry]
  /// Whether scenarios on another platform than the first are paired with
  /// it (see `comparisons`).
  var pairsAcrossPlatforms = true
  /// The metrics the terminal table shows (`--metrics`); the files and the
  /// other formats always have all.
  var tableMetrics = Metric.allCases
  /// Whether the terminal table is followed by the segment tables
  /// (`--by-segment`).
  var showsSegments = false

  var baseline: Entry { entries[0] }

  /// Whether weekly series are reported (the timeline).
  var hasWeeklySeries: Bool { kind == .timeline }

  /// Which week the weekly series count events in (the timeline's `--week-of`).
  var weekBasis: WeeklySeriesBasis { baseline.result.scenario.weeklySeriesBasis }

  /// The metrics charted in the HTML report and highlighted in summaries.
  static let headlineMetrics: [Metric] = [
    .courierReachPerAttempt, .courierReachPerDelivery, .failedDeliveriesPer1000, .returnPickupContact,
    .merchantContactFulfilment, .merchantContactAfterSale, .merchantContactMarketing,
    .realNumberExposuresPer1000, .callsBlockedUnregistered,
  ]
}

extension RunReport {
  /// The command line that produced the results, for reports: the one that
  /// started this process, or under `simrun merge` the planned command
  /// with the plan's identity (the merge's own arguments name a plan
  /// folder that may be gone by the time the report is read).
  static var commandLine: String {
    if case .merge(let plan, _) = Execution.backend {
      let planned = (["simrun"] + plan.arguments.map(shellQuoted)).joined(separator: " ")
      return "\(planned)   # run as plan \(plan.id.prefix(12)) and merged"
    }
    if case .waves(_, let arguments, _) = Execution.backend {
      return (["simrun"] + arguments.map(shellQuoted)).joined(separator: " ") + "   # run as a plan a wave and merged"
    }
    let arguments = CommandLine.arguments
    let name = arguments.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "simrun"
    return ([name] + arguments.dropFirst().map(shellQuoted)).joined(separator: " ")
  }

  static func shellQuoted(_ argument: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    if !argument.isEmpty && argument.allSatisfy(safe.contains) { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
