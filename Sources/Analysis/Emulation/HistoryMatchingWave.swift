/// One wave of history matching (Vernon, Goldstein & Bower 2010): an
/// emulator per target, fitted to the wave's runs, and the cut-off on the
/// largest implausibility over the targets. A point is non-implausible for
/// the wave when every target's implausibility there is at most the
/// cut-off; the non-implausible space after several waves is the points
/// no wave rules out.
public struct HistoryMatchingWave: Sendable {
  public let emulators: [GaussianProcessEmulator]
  public let targets: [HistoryMatchTarget]
  /// Per target: the variance of the simulator's output about its
  /// expectation at the settings the targets are compared at.
  public let stochasticVariance: [Double]
  public let cutoff: Double

  public init(emulators: [GaussianProcessEmulator], targets: [HistoryMatchTarget], stochasticVariance: [Double],
              cutoff: Double = 3) {
    precondition(!emulators.isEmpty && emulators.count == targets.count && targets.count == stochasticVariance.count,
                 "one emulator, target and stochastic variance per output")
    precondition(cutoff > 0, "a positive cut-off")
    self.emulators = emulators
    self.targets = targets
    self.stochasticVariance = stochasticVariance
    self.cutoff = cutoff
  }

  /// Each target's implausibility at `x`.
  public func implausibilities(_ x: [Double]) -> [Double] {
    emulators.indices.map { targets[$0].implausibility(emulators[$0].predict(x), stochasticVariance: stochasticVariance[$0]) }
  }

  /// The largest implausibility over the targets at `x`; stops early once
  /// it exceeds `stoppingAbove` (what a cut is decided by).
  public func maximumImplausibility(_ x: [Double], stoppingAbove: Double = .infinity) -> Double {
    var largest = 0.0
    for i in emulators.indices {
      largest = max(largest, targets[i].implausibility(emulators[i].predict(x), stochasticVariance: stochasticVariance[i]))
      if largest > stoppingAbove { break }
    }
    return largest
  }

  /// Whether the wave leaves `x` in the non-implausible space.
  public func admits(_ x: [Double]) -> Bool { maximumImplausibility(x, stoppingAbove: cutoff) <= cutoff }
}
