import Analysis

/// One wave of a calibration: the runs, the emulators fitted to them and
/// their checks, and the non-implausible space left after it.
struct CalibrationWave {
  let number: Int
  /// The runs' points in unit coordinates, and as the keys' values.
  let points: [[Double]]
  let values: [[Double]]
  /// outputs[target][point]: the mean over the point's replications.
  let outputs: [[Double]]
  /// Per target: the variance of a point's replication mean (pooled over
  /// the wave's points), the emulators' noise and the stochastic term of
  /// the implausibility.
  let stochasticVariance: [Double]
  let match: HistoryMatchingWave
  /// Per target: the share of runs whose leave-one-out prediction is more
  /// than 3 standard deviations off.
  let leaveOneOutOutside: [Double]
  /// Per target, from wave 2: the share of this wave's runs within 3
  /// standard deviations of the previous wave's emulators (a held-out
  /// check); `nil` for the first wave.
  let heldOutWithin: [Double]?
  /// The non-implausible space after this wave (every wave so far).
  let space: NonImplausibleSample
}
