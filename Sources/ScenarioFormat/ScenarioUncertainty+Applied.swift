public import PrivacyModel

extension Array where Element == ScenarioUncertainty {
  /// `base` with each key set to its value in `values` (in order): a point
  /// of an exploration's or a calibration's design. For ``ScenarioUncertainty/Scale/multiplier``
  /// keys `base` must hold the keys' own values, the factors apply to them.
  public func applied(_ values: [Double], to base: Scenario) -> Scenario {
    var scenario = base
    for (key, x) in zip(self, values) { key.apply(x, to: &scenario) }
    return scenario
  }
}
