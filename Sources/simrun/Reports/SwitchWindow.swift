import PrivacyModel
import SimKernel

/// A timeline's phase switch seen in its weekly series: one platform's
/// whole weeks after the switch against the weeks before (the weeks of the
/// events, or of the orders' creation: ``WeeklySeriesBasis``), replication
/// by replication (each window's metric from its
/// pooled counts), for the headline metrics.
struct SwitchWindow: Sendable {
  let platform: Platform
  let date: CivilDate
  let phase: Phase
  /// The rules in force from the switch that were not before.
  let arriving: Set<RuleID>
  let weeksBefore: Int
  let weeksAfter: Int
  /// Which week the series count events in.
  let basis: WeeklySeriesBasis
  /// The metrics measured, in the order given.
  let metrics: [Metric]
  /// Per metric: the level before, after, and the paired change.
  let before: [Metric: ConfidenceInterval]
  let after: [Metric: ConfidenceInterval]
  let change: [Metric: ConfidenceInterval]

  /// "WeChat Shop, the 4 weeks from PHASE (DATE) against the 4 weeks
  /// before" ("orders created in the 4 weeks …" by creation week).
  var subject: String {
    "\(platform.displayName), \(basis.windowPrefix)the \(weeksAfter) weeks from \(phase.id) (\(date)) against the \(weeksBefore) weeks before"
  }

  /// The window of `result` around the switch to `phase` on `date`, with
  /// up to `weeks` whole weeks each side (`nil` where the weekly series has
  /// no whole week on one side, or does not cover the phase's platform).
  init?(result: ScenarioResult, date: CivilDate, phase: Phase, weeks: Int, metrics: [Metric]) {
    let platform = phase.platform
    let starts = result.weekStarts
    let beforeWeeks = Array(starts.indices.filter { starts[$0].adding(days: 7) <= date }.suffix(weeks))
    let afterWeeks = Array(starts.indices.filter { starts[$0] >= date }.prefix(weeks))
    guard result.weeklyPlatforms.contains(platform), !beforeWeeks.isEmpty, !afterWeeks.isEmpty else { return nil }
    let scenario = result.scenario
    let previous = scenario.schedule.filter { $0.phase.platform == platform && ($0.start.map { $0 < date } ?? true) }
      .last.map { scenario.rules(of: $0.phase) } ?? []
    self.platform = platform
    self.date = date
    self.phase = phase
    self.arriving = scenario.rules(of: phase).subtracting(previous)
    self.weeksBefore = beforeWeeks.count
    self.weeksAfter = afterWeeks.count
    self.basis = scenario.weeklySeriesBasis
    self.metrics = metrics
    let windows = result.replications.map { r -> (ModelCounts, ModelCounts) in
      let series = r.weeklyByPlatform[platform] ?? []
      return (ModelCounts.pooled(series, at: beforeWeeks), ModelCounts.pooled(series, at: afterWeeks))
    }
    var b: [Metric: ConfidenceInterval] = [:], a: [Metric: ConfidenceInterval] = [:], c: [Metric: ConfidenceInterval] = [:]
    for metric in metrics {
      let x = windows.map { $0.0.value(metric) }, y = windows.map { $0.1.value(metric) }
      b[metric] = ConfidenceInterval(x)
      a[metric] = ConfidenceInterval(y)
      c[metric] = ConfidenceInterval(zip(y, x).map { $0 - $1 })
    }
    before = b
    after = a
    change = c
  }

  /// "2024-04-08 wechat-2024-04-quota".
  var name: String { "\(date) \(phase.id)" }

  /// The metrics that are not zero in every replication on both sides
  /// (those of the other platform's rules are): the ones reported.
  var reported: [Metric] { metrics.filter { !isZero($0) } }

  /// `metric` before, after and its change, each as mean ± half-width.
  func cells(_ metric: Metric) -> [String] {
    [before[metric]!, after[metric]!, change[metric]!].map(RunReport.meanPlusMinus)
  }

  /// Whether `metric` is zero in every replication on both sides.
  func isZero(_ metric: Metric) -> Bool {
    before[metric].map { $0.mean == 0 && $0.halfWidth == 0 } ?? true && after[metric].map { $0.mean == 0 && $0.halfWidth == 0 } ?? true
  }
}
