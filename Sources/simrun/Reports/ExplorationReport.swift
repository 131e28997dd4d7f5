import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat
import SimKernel

/// What `simrun explore` found: the points run, every metric at every point,
/// variant and replication, and per analysed outcome (a metric, or a
/// contrast's paired effect on it) the method's indices (Sobol), screening
/// measures (Morris) and distribution, plus the PRIM box of `--discover`.
struct ExplorationReport {
  /// `--discover`: the condition and what PRIM found.
  struct Discovery {
    let condition: Expectation
    let share: Double
    let result: PRIMResult
    /// Per point: the condition's metric (the mean of its replications)
    /// and whether the condition holds there.
    let metricValues: [Double]
    let holds: [Bool]
  }

  let command: String
  let scenario: String
  let method: ExplorationMethod
  let seed: UInt64
  let replications: Int
  let design: ExplorationDesign
  let metrics: [Metric]
  let contrasts: [ExplorationContrast]
  /// Key values per point.
  let values: [[Double]]
  /// results[point][variant][replication][i]: `Metric.allCases[i]`;
  /// variant 0 is the scenario, variant c + 1 contrast c's variant.
  let results: [[[[Double]]]]
  /// The analysed metrics, then each contrast's effect on each of them.
  let outcomes: [ExplorationOutcome]
  let discovery: Discovery?

  /// Bootstrap resamples behind every interval.
  static let resamples = 1_000

  init(command: String, scenario: String, method: ExplorationMethod, seed: UInt64, replications: Int,
       design: ExplorationDesign, metrics: [Metric], contrasts: [ExplorationContrast], results: [[[[Double]]]],
       baseCase: [[[Double]]], discover: Expectation?) {
    self.command = command
    self.scenario = scenario
    self.method = method
    self.seed = seed
    self.replications = replications
    self.design = design
    self.metrics = metrics
    self.contrasts = contrasts
    self.values = design.values
    self.results = results
    var outcomes: [ExplorationOutcome] = []
    for (c, contrast) in ([nil] + contrasts.map(Optional.some)).enumerated() {
      for metric in metrics {
        let i = Self.index(metric)
        // One point's (or the base case's) outcome in each replication.
        func paired(_ variants: [[[Double]]]) -> [Double] {
          variants[0].indices.map { r in variants[0][r][i] - (contrast == nil ? 0 : variants[c][r][i]) }
        }
        outcomes.append(ExplorationOutcome(metric: metric, contrast: contrast, values: results.map(paired),
                                           baseCase: paired(baseCase), design: design,
                                           resamples: Self.resamples, seed: seed))
      }
    }
    self.outcomes = outcomes
    if let condition = discover {
      let i = Self.index(condition.metric)
      let means = ExplorationOutcome.means(results.map { $0[0].map { $0[i] } })
      let outcome = means.map { condition.comparison.holds($0, condition.threshold) }
      let prim = PRIM(points: values, outcome: outcome)
      discovery = Discovery(condition: condition, share: Double(outcome.filter { $0 }.count) / Double(max(1, outcome.count)),
                            result: prim.discover(), metricValues: means, holds: outcome)
    } else {
      discovery = nil
    }
  }

  static func index(_ metric: Metric) -> Int { Metric.allCases.firstIndex(of: metric)! }


  /// The discovered box's bounds on key `i` as text, `nil` where the box
  /// keeps the key's own bound (PRIM did not restrict that side).
  /// `digits`: significant digits of a number (`nil`: full precision).
  func boxBounds(_ i: Int, digits: Int? = nil) -> (lower: String?, upper: String?) {
    guard let box = discovery?.result.box.box else { return (nil, nil) }
    let u = design.uncertainties[i]
    return (box.lower[i] > u.lower ? valueText(box.lower[i], factor: i, digits: digits) : nil,
            box.upper[i] < u.upper ? valueText(box.upper[i], factor: i, digits: digits) : nil)
  }

  /// A key's value as text: dates as dates, whole numbers without a point,
  /// other numbers in full or to `digits` significant digits.
  func valueText(_ x: Double, factor: Int, digits: Int? = nil) -> String {
    switch design.uncertainties[factor].scale {
    case .date: CivilDate(daysSinceEpoch: Int(x.rounded())).description
    case .integer: String(Int(x.rounded()))
    case .boolean: x >= 0.5 ? "true" : "false"
    case .multiplier: "×" + (digits.map { String(format: "%.\($0)g", x) } ?? "\(x)")
    case .continuous: digits.map { String(format: "%.\($0)g", x) } ?? "\(x)"
    }
  }
}
