/// One move of a Morris trajectory: the factor changed and the signed step
/// in unit coordinates (±Δ).
public struct MorrisStep: Hashable, Sendable {
  public let factor: Int
  public let delta: Double

  public init(factor: Int, delta: Double) {
    self.factor = factor
    self.delta = delta
  }
}
