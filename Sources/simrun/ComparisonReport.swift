import PrivacyModel
import SimKernel

/// The text report of `simrun compare`: metrics as rows, phases as columns.
struct ComparisonReport {
  let results: [ScenarioResult]

  var text: String {
    guard let baseline = results.first else { return "" }
    let names = results.map(\.scenario.name)
    let values = TextTable(
      header: ["metric"] + names,
      rows: Metric.allCases.map { metric in
        [metric.rawValue] + results.map { Self.meanPlusMinus($0.interval(metric)) }
      }).rendered
    var text = "seed \(baseline.seed), \(baseline.replications.count) replications per phase; mean ± 95% half-width\n\n" + values
    if results.count > 1 {
      let others = Array(results.dropFirst())
      let differences = TextTable(
        header: ["Δ vs \(baseline.scenario.name)"] + others.map(\.scenario.name),
        rows: Metric.allCases.map { metric in
          [metric.rawValue] + others.map { Self.meanPlusMinus($0.difference(from: baseline, metric)) }
        }).rendered
      text += "\n\npaired differences (common random numbers), mean ± 95% half-width\n\n" + differences
    }
    return text
  }

  /// `mean ± half-width`, with digits suited to the value's size.
  static func meanPlusMinus(_ ci: ConfidenceInterval) -> String {
    let digits = abs(ci.mean) >= 100 ? 1 : abs(ci.mean) >= 10 ? 2 : 3
    return "\(SelfTestReport.fixed(ci.mean, digits)) ± \(SelfTestReport.fixed(ci.halfWidth, digits))"
  }
}
