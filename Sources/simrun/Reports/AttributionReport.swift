import PrivacyModel
import SimKernel

/// What each rule of a scenario does: the scenario run as given and once
/// with each switchable rule in force switched off, all with the same seed
/// (common random numbers), so a rule's effect is the paired difference
/// "with the rule − without it"; and, for a single-phase scenario, the
/// waterfall from its platform's baseline phase to its own, one phase at a
/// time, under the scenario's own settings.
struct AttributionReport: Sendable {
  /// Entry 0 is the scenario as given; entries 1…rules.count, the scenario
  /// without each rule; then the waterfall's phases before the scenario's.
  let run: RunReport
  /// The rules switched off one at a time, in `RuleID.switchable` order.
  let rules: [RuleID]
  /// Entry indices from the platform's baseline phase to the scenario
  /// (its last element is 0); empty for a scenario with several phases.
  let waterfall: [Int]

  var scenario: RunReport.Entry { run.entries[0] }

  /// The entry that ran without `rules[i]`.
  func without(_ i: Int) -> RunReport.Entry { run.entries[1 + i] }

  /// `rules[i]`'s effect on `metric`: with the rule − without it, paired.
  func effect(_ i: Int, _ metric: Metric) -> ConfidenceInterval {
    scenario.result.difference(from: without(i).result, metric)
  }

  /// Whether `rules[i]` moves any metric measurably (a 95% interval that
  /// excludes 0).
  func isMeasurable(_ i: Int) -> Bool { Metric.allCases.contains { !effect(i, $0).contains(0) } }

  /// The waterfall's steps: (from, to) entry indices.
  var steps: [(from: Int, to: Int)] {
    guard waterfall.count > 1 else { return [] }
    return (1..<waterfall.count).map { (waterfall[$0 - 1], waterfall[$0]) }
  }

  /// One step's effect on `metric`: the later phase − the earlier, paired.
  func stepEffect(_ step: (from: Int, to: Int), _ metric: Metric) -> ConfidenceInterval {
    run.entries[step.to].result.difference(from: run.entries[step.from].result, metric)
  }

  /// The rules' indices ordered by the size of their effect on `metric`.
  func ranked(_ metric: Metric) -> [Int] {
    rules.indices.sorted { a, b in
      let x = abs(effect(a, metric).mean), y = abs(effect(b, metric).mean)
      return x != y ? x > y : a < b
    }
  }

  /// Whether `rules[i]` lowers `metric`, a count of blocked calls, only
  /// because fewer calls are placed or reach anyone: it also lowers
  /// courier reach per attempt measurably (R-T5: a courier who finds no
  /// number on the waybill cannot place the call at all). Such a fall is
  /// not an improvement, and reports draw it grey and say why.
  func lowersByPreventing(_ i: Int, _ metric: Metric) -> Bool {
    guard [.callsBlockedUnregistered, .courierCallsBlockedUnregistered, .callsBlockedUnverified].contains(metric) else { return false }
    let own = effect(i, metric), reach = effect(i, .courierReachPerAttempt)
    return own.upper < 0 && reach.upper < 0
  }

  /// `R-T2 registered callers only`.
  func label(_ i: Int) -> String { "\(rules[i].rawValue) \(rules[i].name)" }

  /// The marking of an interval that contains 0.
  static let noEffect = "no measurable effect in this scenario"
}
