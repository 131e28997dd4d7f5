/// One factor's Sobol indices for one output: the share of the output's
/// variance due to the factor alone (first order, S1) and due to it
/// including all its interactions (total, ST), each with a bootstrap
/// interval. ST − S1 is the part that acts through interactions; ST ≈ 0
/// means the output does not depend on the factor.
public struct SobolIndex: Hashable, Sendable {
  /// The factor's position in the design.
  public let factor: Int
  public let first: BootstrapEstimate
  public let total: BootstrapEstimate

  public init(factor: Int, first: BootstrapEstimate, total: BootstrapEstimate) {
    self.factor = factor
    self.first = first
    self.total = total
  }
}
