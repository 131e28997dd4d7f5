internal import SimKernel

/// The random numbers of an analysis's own draws (bootstrap resamples,
/// Latin hypercube permutations, Morris trajectories): a GSL stream from
/// (seed, 0, `stream`) as the simulator's, so an analysis is reproducible
/// from its seed and never shares numbers with the model's replications.
public final class AnalysisStream {
  let random: RandomStream

  /// Stream ids used by this target (far from any model's).
  public enum Purpose: UInt64, Sendable {
    case bootstrap = 9_001
    case latinHypercube = 9_002
    case morris = 9_003
    case evolution = 9_004
  }

  /// The stream for `purpose`; `round` numbers repeated uses (an
  /// evolutionary search's generations), each with numbers of its own.
  public init(seed: UInt64, purpose: Purpose, round: Int = 0) {
    self.random = RandomStream(seed: seed, replication: round, stream: purpose.rawValue)
  }

  /// A uniform whole number in 0..<n.
  public func index(below n: Int) -> Int { random.uniformInt(below: n) }

  /// A uniform number in [0, 1).
  public func uniform() -> Double { random.uniform() }

  /// The numbers 0..<n in random order (Fisher–Yates).
  public func permutation(_ n: Int) -> [Int] {
    var p = Array(0..<n)
    var i = n - 1
    while i > 0 {
      p.swapAt(i, index(below: i + 1))
      i -= 1
    }
    return p
  }
}

@available(*, unavailable, message: "a AnalysisStream belongs to one task")
extension AnalysisStream: Sendable {}
