internal import RealModule

/// How a simulated unit stands for real ones when a model represents a
/// population by strata instead of simulating every member: a simulated
/// member that carries `simulatedPerReal` times the events of the real
/// member it stands for.
///
/// Above 1 the simulated member *pools* several real members of the same
/// kind (their events all arrive at it); below 1 it sees a random *sample*
/// of one real member's events (each real event is simulated with that
/// probability, independently). Per-member limits (a daily quota) and
/// per-member counts (an API call per batch, a penalty) stay in the real
/// member's units through the functions below.
public struct SampleScale: Hashable, Sendable {
  /// Simulated events per real event of the member, > 0.
  public let simulatedPerReal: Double

  /// - Precondition: `simulatedPerReal` is positive and finite.
  public init(simulatedPerReal: Double) {
    precondition(simulatedPerReal > 0 && simulatedPerReal.isFinite, "a scale is a positive finite ratio")
    self.simulatedPerReal = simulatedPerReal
  }

  /// No scaling: a simulated member is one real member.
  public static let one = SampleScale(simulatedPerReal: 1)

  /// The real member's events one simulated event stands for, on average:
  /// 1/scale (a fraction of one member's when pooled).
  @inlinable public var meanRealEvents: Double { 1 / simulatedPerReal }

  /// The chance that a simulated event triggers something each real event
  /// triggers with probability `p`, so the member is triggered as often as
  /// a real one: 1 − (1 − p)^(1/scale) (≈ p/scale when pooled).
  public func probability(perRealEvent p: Double) -> Double {
    guard simulatedPerReal != 1 else { return p }
    return Self.probability(p, anyOf: 1 / simulatedPerReal)
  }

  /// The chance that at least one of `events` (not necessarily whole)
  /// independent trials of probability `p` succeeds: 1 − (1 − p)^events.
  public static func probability(_ p: Double, anyOf events: Double) -> Double {
    guard p > 0, p < 1, events > 0 else { return p >= 1 && events > 0 ? 1 : p > 0 && events > 0 ? p : 0 }
    return -Double.expMinusOne(Double.log(onePlus: -p) * events)
  }

  /// `n` real events of the member, counted in simulated units (n × scale)
  /// and rounded at random so the count is unbiased: a simulated member's
  /// tallies then add up to the real population's per simulated event.
  public func simulatedCount(_ n: Int, _ stream: RandomStream) -> Int {
    if simulatedPerReal == 1 || n == 0 { return n }
    let x = Double(n) * simulatedPerReal
    let whole = x.rounded(.down)
    return Int(min(whole, Double(Int32.max))) + (stream.uniform() < x - whole ? 1 : 0)
  }
}
