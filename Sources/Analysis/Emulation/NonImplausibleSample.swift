/// The part of the unit cube that every history-matching wave so far
/// admits, estimated by sampling: quasi-random candidates (GSL's Sobol or
/// Halton sequence) in a search box that holds the previous non-implausible
/// points, kept where every wave admits them. Deterministic.
public struct NonImplausibleSample: Sendable {
  /// The candidates every wave admits, in unit coordinates.
  public let points: [[Double]]
  /// How many candidates were drawn, and in what box.
  public let candidates: Int
  public let lower: [Double]
  public let upper: [Double]

  /// The estimated share of the whole cube that is non-implausible: the
  /// box's volume times the share of its candidates admitted.
  public var shareOfCube: Double {
    zip(lower, upper).reduce(1.0) { $0 * ($1.1 - $1.0) } * Double(points.count) / Double(max(1, candidates))
  }

  /// Draws `candidates` points in the box around `previous` (the bounding
  /// box of its points widened by `margin` of its width on each side, in the
  /// cube; the whole cube when `previous` is nil or empty) and keeps those
  /// every one of `waves` admits. `skip`: candidates of the sequence to
  /// pass over first, so that each wave draws new ones.
  public init(waves: [HistoryMatchingWave], dimension: Int, previous: NonImplausibleSample?, candidates: Int,
              skip: Int = 0, margin: Double = 0.1) {
    precondition(candidates >= 1 && dimension >= 1, "candidates in at least one dimension")
    var lower = [Double](repeating: 0, count: dimension), upper = [Double](repeating: 1, count: dimension)
    if let previous, let first = previous.points.first {
      for j in 0..<dimension {
        var lo = first[j], hi = first[j]
        for p in previous.points {
          lo = min(lo, p[j])
          hi = max(hi, p[j])
        }
        // A box no narrower than what the previous sample could resolve.
        let width = max(hi - lo, (previous.upper[j] - previous.lower[j]) / 20)
        lower[j] = max(0, lo - margin * width)
        upper[j] = min(1, hi + margin * width)
      }
    }
    let sequence = QuasiRandomSequence(dimension: dimension, skip: skip)
    var u = [Double](repeating: 0, count: dimension)
    var kept: [[Double]] = []
    for _ in 0..<candidates {
      sequence.next(into: &u)
      let x = (0..<dimension).map { lower[$0] + u[$0] * (upper[$0] - lower[$0]) }
      if waves.allSatisfy({ $0.admits(x) }) { kept.append(x) }
    }
    self.points = kept
    self.candidates = candidates
    self.lower = lower
    self.upper = upper
  }

  /// Up to `count` of the points, spread out: the point nearest the
  /// centre first, then each time the point farthest from those chosen
  /// (greedy maximin), so that a wave's runs cover the space evenly.
  public func spread(_ count: Int) -> [[Double]] {
    guard count < points.count else { return points }
    guard count > 0 else { return [] }
    let d = points[0].count
    let centre = (0..<d).map { j in points.reduce(0) { $0 + $1[j] } / Double(points.count) }
    func distance(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
    var nearest = points.map { distance($0, centre) }
    var first = 0
    for i in points.indices where nearest[i] < nearest[first] { first = i }
    var chosen = [first]
    nearest = points.map { distance($0, points[first]) }
    while chosen.count < count {
      var far = 0
      for i in points.indices where nearest[i] > nearest[far] { far = i }
      chosen.append(far)
      for i in points.indices { nearest[i] = min(nearest[i], distance(points[i], points[far])) }
    }
    return chosen.map { points[$0] }
  }
}
