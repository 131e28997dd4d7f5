import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat
import SimKernel

/// What `simrun explore` found: the points run, every metric at every point
/// and replication, and per analysed metric the method's indices (Sobol),
/// screening measures (Morris) or distribution (uncertainty), plus the
/// PRIM box of `--discover`.
struct ExplorationReport {
  /// A metric's spread over the input ranges, apart from replication noise.
  struct Spread {
    /// Quantiles of the point means (the metric's value at each point,
    /// averaged over its replications).
    let p5, p50, p95: Double
    /// Standard deviation of the point means: spread due to the inputs
    /// (plus a little noise, see `noise`).
    let inputSD: Double
    /// Mean standard deviation across replications within a point:
    /// Monte-Carlo noise alone (0 with one replication per point).
    let noise: Double
  }

  /// `--discover`: the condition and what PRIM found.
  struct Discovery {
    let condition: Expectation
    let share: Double
    let result: PRIMResult
  }

  let command: String
  let scenario: String
  let method: ExplorationMethod
  let seed: UInt64
  let replications: Int
  let design: ExplorationDesign
  let metrics: [Metric]
  /// Key values per point.
  let values: [[Double]]
  /// results[point][replication][i]: `Metric.allCases[i]`.
  let results: [[[Double]]]
  let sobol: [Metric: [SobolIndex]]
  let morris: [Metric: [MorrisEffect]]
  let spread: [Metric: Spread]
  let discovery: Discovery?

  /// Bootstrap resamples behind every interval.
  static let resamples = 1_000

  init(command: String, scenario: String, method: ExplorationMethod, seed: UInt64, replications: Int,
       design: ExplorationDesign, metrics: [Metric], results: [[[Double]]], discover: Expectation?) {
    self.command = command
    self.scenario = scenario
    self.method = method
    self.seed = seed
    self.replications = replications
    self.design = design
    self.metrics = metrics
    self.values = design.values
    self.results = results
    var sobol: [Metric: [SobolIndex]] = [:]
    var morris: [Metric: [MorrisEffect]] = [:]
    var spread: [Metric: Spread] = [:]
    for metric in metrics {
      let means = ExplorationReport.pointMeans(results, metric)
      switch method {
      case .sobol:
        sobol[metric] = design.saltelli!.indices(means, resamples: Self.resamples,
                                                  stream: AnalysisStream(seed: seed, purpose: .bootstrap))
      case .morris:
        // Unit-coordinate effects, i.e. over each key's whole range.
        morris[metric] = design.morris!.effects(means, resamples: Self.resamples,
                                                 stream: AnalysisStream(seed: seed, purpose: .bootstrap))
      case .uncertainty:
        break
      }
      spread[metric] = ExplorationReport.spread(results, metric)
    }
    self.sobol = sobol
    self.morris = morris
    self.spread = spread
    if let condition = discover {
      let means = ExplorationReport.pointMeans(results, condition.metric)
      let outcome = means.map { condition.comparison.holds($0, condition.threshold) }
      let prim = PRIM(points: values, outcome: outcome)
      discovery = Discovery(condition: condition, share: Double(outcome.filter { $0 }.count) / Double(max(1, outcome.count)),
                            result: prim.discover())
    } else {
      discovery = nil
    }
  }

  static func index(_ metric: Metric) -> Int { Metric.allCases.firstIndex(of: metric)! }

  /// The metric at each point, averaged over the point's replications.
  static func pointMeans(_ results: [[[Double]]], _ metric: Metric) -> [Double] {
    let i = index(metric)
    return results.map { reps in reps.reduce(0) { $0 + $1[i] } / Double(reps.count) }
  }

  static func spread(_ results: [[[Double]]], _ metric: Metric) -> Spread {
    let i = index(metric)
    let means = pointMeans(results, metric)
    let sorted = means.sorted()
    func q(_ p: Double) -> Double { BootstrapEstimate.quantile(sorted, p) }
    func sd(_ xs: [Double]) -> Double {
      var tally = Tally()
      for x in xs { tally.record(x) }
      return tally.standardDeviation
    }
    let noise = results.map { reps in sd(reps.map { $0[i] }) }.reduce(0, +) / Double(max(1, results.count))
    return Spread(p5: q(0.05), p50: q(0.5), p95: q(0.95), inputSD: sd(means), noise: noise)
  }

  /// The discovered box's bounds on key `i` as text, `nil` where the box
  /// keeps the key's own bound (PRIM did not restrict that side).
  func boxBounds(_ i: Int) -> (lower: String?, upper: String?) {
    guard let box = discovery?.result.box.box else { return (nil, nil) }
    let u = design.uncertainties[i]
    return (box.lower[i] > u.lower ? valueText(box.lower[i], factor: i) : nil,
            box.upper[i] < u.upper ? valueText(box.upper[i], factor: i) : nil)
  }

  /// A key's value as text: dates as dates, whole numbers without a point.
  func valueText(_ x: Double, factor: Int) -> String {
    switch design.uncertainties[factor].scale {
    case .date: CivilDate(daysSinceEpoch: Int(x.rounded())).description
    case .integer: String(Int(x.rounded()))
    case .continuous: "\(x)"
    }
  }
}
