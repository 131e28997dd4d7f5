import Foundation
import PrivacyModel
import ScenarioFormat

/// How a design scores a setting over the sampled worlds (`--robustness`).
enum DesignRobustness: String, CaseIterable, Sendable {
  /// The mean over the worlds.
  case mean
  /// The pessimistic decile over the worlds: the 10th percentile of a value
  /// to raise, the 90th of one to lower.
  case percentile
  /// Objectives by their mean; constraints by the share of worlds in which
  /// they all hold, which must reach `--satisficing-share`.
  case satisficing
  /// Each objective by its largest regret over the worlds: how far it falls
  /// short of the best setting run in that world (Savage's minimax regret).
  case regret

  var text: String {
    switch self {
    case .mean: "the mean over the worlds"
    case .percentile: "the worst decile over the worlds (10th percentile of what is raised, 90th of what is lowered)"
    case .satisficing: "objectives by their mean over the worlds, constraints by the share of worlds meeting them all"
    case .regret: "each objective's largest regret over the worlds (its shortfall from the best setting run in that world)"
    }
  }
}

/// One lever setting evaluated: each kept metric in each world and
/// replication, all run with the same seeds as every other setting.
struct DesignEvaluation: Sendable {
  /// The levers' values.
  let values: [Double]
  /// The stage (wave) the setting was first run in.
  let stage: Int
  /// `metrics[m][w][r]`: kept metric `m` (objectives, then constraints) in
  /// world `w`, replication `r`.
  let metrics: [[[Double]]]

  var replications: Int { metrics.first?.first?.count ?? 0 }
  var worlds: Int { metrics.first?.count ?? 0 }

  /// Metric `m` over the worlds, by `robustness`, from the replications
  /// `reps` (all by default); `higherIsBetter` picks the pessimistic side.
  func score(_ m: Int, higherIsBetter: Bool, robustness: DesignRobustness, reps: Range<Int>? = nil) -> Double {
    let reps = reps ?? 0..<replications
    let perWorld = (0..<worlds).map { worldMean(m, $0, reps) }
    switch robustness {
    case .mean, .satisficing, .regret: return perWorld.reduce(0, +) / Double(perWorld.count)
    case .percentile: return Self.quantile(perWorld, higherIsBetter ? 0.1 : 0.9)
    }
  }

  /// Metric `m`'s mean over the replications `reps` (all by default) in world `w`.
  func worldMean(_ m: Int, _ w: Int, _ reps: Range<Int>? = nil) -> Double {
    let reps = reps ?? 0..<replications
    return reps.reduce(0.0) { $0 + metrics[m][w][$1] } / Double(reps.count)
  }

  /// The share of worlds in which every constraint holds (world means over
  /// `reps`).
  func satisficingShare(_ constraints: [Expectation], offset: Int, reps: Range<Int>? = nil) -> Double {
    let reps = reps ?? 0..<replications
    guard !constraints.isEmpty else { return 1 }
    let held = (0..<worlds).filter { w in
      constraints.enumerated().allSatisfy { c, e in
        let mean = reps.reduce(0.0) { $0 + metrics[offset + c][w][$1] } / Double(reps.count)
        return e.comparison.holds(mean, e.threshold)
      }
    }
    return Double(held.count) / Double(worlds)
  }

  /// Linear-interpolation quantile `q` of `xs`.
  static func quantile(_ xs: [Double], _ q: Double) -> Double {
    let s = xs.sorted()
    guard s.count > 1 else { return s.first ?? .nan }
    let h = q * Double(s.count - 1)
    let i = Int(h.rounded(.down))
    return s[i] + (h - Double(i)) * (s[min(i + 1, s.count - 1)] - s[i])
  }
}
