/// What a history match compares an emulated output with: the observed
/// value and the variances that are not the emulator's — the observation's
/// own (its measurement error) and the model's discrepancy (how far the
/// best-fitting model may still be from reality), both in the output's
/// squared unit.
public struct HistoryMatchTarget: Sendable, Equatable {
  public let observed: Double
  public let observationVariance: Double
  public let discrepancyVariance: Double

  public init(observed: Double, observationVariance: Double, discrepancyVariance: Double) {
    precondition(observed.isFinite && observationVariance >= 0 && discrepancyVariance >= 0,
                 "an observed value and non-negative variances")
    self.observed = observed
    self.observationVariance = observationVariance
    self.discrepancyVariance = discrepancyVariance
  }

  /// I(x) = |z − E[f(x)]| / √(Var_emulator + Var_stochastic +
  /// Var_discrepancy + Var_observation) (Craig et al. 1997; Vernon et al.
  /// 2010): how many standard deviations the emulated output at a point is
  /// from the observation. `stochasticVariance`: the variance of the
  /// simulator's output about its expectation at the settings compared.
  public func implausibility(_ prediction: GaussianProcessEmulator.Prediction, stochasticVariance: Double) -> Double {
    let total = prediction.variance + stochasticVariance + discrepancyVariance + observationVariance
    let distance = abs(observed - prediction.mean)
    guard total > 0 else { return distance == 0 ? 0 : .infinity }
    return distance / total.squareRoot()
  }
}
