import Analysis
import Foundation
import PrivacyModel
import SimKernel

/// A setting of the confirmed front with its intervals and its standing.
struct DesignFrontPoint: Sendable {
  enum Status: Equatable, Sendable {
    /// No other confirmed setting dominates it.
    case front
    /// Another setting dominates it on the means, but no paired difference
    /// is significant (Holm over the objectives): kept, and marked.
    case indistinguishable(from: [Double])
    /// Another setting is better on some objective by a significant paired
    /// difference and worse on none: dropped from the front.
    case dominated(by: [Double])
  }

  /// The setting, run with the confirmation's replications.
  let evaluation: DesignEvaluation
  /// Per objective: the score's 95% interval over the replications.
  let objectives: [ConfidenceInterval]
  /// Per constraint: the score's 95% interval.
  let constraints: [ConfidenceInterval]
  /// Whether it meets the constraints on the means.
  let feasible: Bool
  var status: Status

  var values: [Double] { evaluation.values }
  var isShown: Bool {
    switch status {
    case .front, .indistinguishable: true
    case .dominated: false
    }
  }
}

extension Design {
  /// The confirmed settings with their intervals and standing, on the front
  /// first, ordered by the first objective.
  func frontPoints() -> [DesignFrontPoint] {
    let reps = settings.confirmReplications
    // Regret's yardstick among the confirmed settings, on the means and replication by replication.
    let regret = settings.robustness == .regret
    let bestMean = regret ? best(among: confirmed) : nil
    let bestPerRep = regret ? (0..<reps).map { r in best(among: confirmed, reps: r..<(r + 1)) } : []
    func yardstick(_ r: Int) -> [[Double]]? { regret ? bestPerRep[r] : nil }
    let scored = confirmed.map { e -> (DesignFrontPoint, [[Double]]) in
      // Per replication: the scores, and the objectives as NSGA-II minimises them.
      let scores = (0..<reps).map { r in objectiveScores(e, reps: r..<(r + 1), best: yardstick(r)) }
      let perRep = scores.map { minimised($0) }
      let objectives = settings.objectives.indices.map { i in ConfidenceInterval(scores.map { $0[i] }) }
      let constraints = settings.constraints.indices.map { i in
        ConfidenceInterval((0..<reps).map { r in constraintScores(e, reps: r..<(r + 1))[i] })
      }
      return (DesignFrontPoint(evaluation: e, objectives: objectives, constraints: constraints, feasible: violation(e) == 0,
                               status: .front), perRep)
    }
    let points = confirmed.map { point($0, best: bestMean) }
    let first = Set(ParetoRanking.fronts(points).first ?? [])
    var result = scored.map(\.0)
    for x in points.indices where !first.contains(x) {
      let dominators = points.indices.filter { points[$0].dominates(points[x]) }.sorted { (first.contains($0) ? 0 : 1, $0) < (first.contains($1) ? 0 : 1, $1) }
      guard let nearest = dominators.first else { continue }
      if points[nearest].isFeasible != points[x].isFeasible {
        result[x].status = .dominated(by: points[nearest].x)
        continue
      }
      var status = DesignFrontPoint.Status.indistinguishable(from: points[nearest].x)
      for y in dominators {
        // Paired differences, replication by replication (common random numbers).
        let better = settings.objectives.indices.filter { points[y].objectives[$0] < points[x].objectives[$0] }
        let p = better.map { i in
          ConfidenceInterval((0..<reps).map { scored[y].1[$0][i] - scored[x].1[$0][i] }).pValue()
        }
        if HolmCorrection.rejected(p).contains(true) {
          status = .dominated(by: points[y].x)
          break
        }
      }
      result[x].status = status
    }
    return result.indices.sorted {
      let (a, b) = (result[$0], result[$1])
      if a.isShown != b.isShown { return a.isShown }
      return a.objectives[0].mean != b.objectives[0].mean ? a.objectives[0].mean < b.objectives[0].mean : $0 < $1
    }.map { result[$0] }
  }

  /// Spearman's rank correlation of each lever with each objective over
  /// every setting run in the search: `[lever][objective]`.
  /// `scores`: ``archiveScores()``.
  func leverCorrelations(_ scores: [[Double]]) -> [[Double]] {
    settings.levers.indices.map { l in
      let x = Self.ranks(archive.map { $0.values[l] })
      return settings.objectives.indices.map { o in Self.pearson(x, Self.ranks(scores.map { $0[o] })) }
    }
  }

  /// Ranks from 1, ties sharing their mean rank.
  static func ranks(_ xs: [Double]) -> [Double] {
    let order = xs.indices.sorted { xs[$0] < xs[$1] }
    var ranks = [Double](repeating: 0, count: xs.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && xs[order[j + 1]] == xs[order[i]] { j += 1 }
      for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
      i = j + 1
    }
    return ranks
  }

  static func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    guard n > 1 else { return 0 }
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    let cov = zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) }
    let va = a.reduce(0) { $0 + ($1 - ma) * ($1 - ma) }, vb = b.reduce(0) { $0 + ($1 - mb) * ($1 - mb) }
    return va > 0 && vb > 0 ? cov / (va * vb).squareRoot() : 0
  }
}
