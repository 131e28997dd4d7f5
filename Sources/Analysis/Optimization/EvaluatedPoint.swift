/// A point of the unit cube with its objectives (all to be minimised) and
/// its constraint violation (0 when every constraint holds; else how far
/// it is from holding them, summed).
public struct EvaluatedPoint: Hashable, Sendable, Codable {
  public var x: [Double]
  public var objectives: [Double]
  public var violation: Double

  public init(x: [Double], objectives: [Double], violation: Double = 0) {
    self.x = x
    self.objectives = objectives
    self.violation = violation
  }

  /// Whether this point is feasible (violates no constraint).
  public var isFeasible: Bool { violation <= 0 }

  /// Constrained domination (Deb 2000): a feasible point beats an
  /// infeasible one; of two infeasible points the smaller violation wins; of
  /// two feasible points, Pareto dominance — no objective worse, one better.
  public func dominates(_ other: EvaluatedPoint) -> Bool {
    if isFeasible != other.isFeasible { return isFeasible }
    if !isFeasible { return violation < other.violation }
    var better = false
    for (a, b) in zip(objectives, other.objectives) {
      if a > b { return false }
      if a < b { better = true }
    }
    return better
  }
}
