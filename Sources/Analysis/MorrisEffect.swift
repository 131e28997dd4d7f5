/// One factor's Morris screening measures for one output, in unit
/// coordinates (an effect over the factor's whole range): μ* ranks
/// importance; σ large against μ* means the effect depends on where the
/// other factors are (interactions) or is non-linear; μ far below μ*
/// means effects of both signs.
public struct MorrisEffect: Hashable, Sendable {
  public let factor: Int
  public let mu: Double
  public let muStar: BootstrapEstimate
  public let sigma: Double

  public init(factor: Int, mu: Double, muStar: BootstrapEstimate, sigma: Double) {
    self.factor = factor
    self.mu = mu
    self.muStar = muStar
    self.sigma = sigma
  }
}
