internal import RealModule

/// Survival under a constant hazard, for models that depend on SimKernel
/// only (swift-numerics' `exp` underneath).
public enum Survival {
  /// The chance of lasting `time` under `hazard` events per unit of time:
  /// e^(−hazard × time); 1 for a zero hazard or time.
  public static func probability(hazard: Double, time: Double) -> Double {
    guard hazard > 0, time > 0 else { return 1 }
    return Double.exp(-hazard * time)
  }
}
