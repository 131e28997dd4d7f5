import Analysis
import Testing

@Suite("PRIM scenario discovery")
struct PRIMTests {
  /// 3,000 points of a Latin hypercube in 4 factors; the condition holds in
  /// the planted box x0 < 0.3 and x2 > 0.6, with 3% of outcomes flipped.
  func planted() -> (points: [[Double]], outcome: [Bool]) {
    let stream = AnalysisStream(seed: 11, purpose: .latinHypercube)
    let points = LatinHypercube.sample(count: 3_000, dimension: 4, stream: stream)
    let outcome = points.map { x in (x[0] < 0.3 && x[2] > 0.6) != (stream.uniform() < 0.03) }
    return (points, outcome)
  }

  @Test("finds the planted box: restricts x0 and x2 only, bounds within 0.05, density > 0.85, coverage > 0.75")
  func plantedBox() {
    let data = planted()
    let prim = PRIM(points: data.points, outcome: data.outcome)
    let result = prim.discover(minimumCoverage: 0.5)
    let box = result.box
    #expect(box.restricted == [0, 2], "\(box.restricted)")
    #expect(abs(box.box.upper[0] - 0.3) < 0.05, "x0 < \(box.box.upper[0])")
    #expect(abs(box.box.lower[2] - 0.6) < 0.05, "x2 > \(box.box.lower[2])")
    #expect(box.density > 0.85, "density \(box.density)")
    #expect(box.coverage > 0.75, "coverage \(box.coverage)")
  }

  @Test("the peeling trajectory trades coverage for density: coverage never rises, mass falls, density ends far above the base rate")
  func tradeOff() {
    let data = planted()
    let trajectory = PRIM(points: data.points, outcome: data.outcome).peel()
    #expect(trajectory.first!.coverage == 1 && trajectory.first!.mass == 1)
    for (a, b) in zip(trajectory, trajectory.dropFirst()) {
      #expect(b.coverage <= a.coverage)
      #expect(b.mass < a.mass)
    }
    #expect(trajectory.last!.mass >= 0.05)
    #expect(trajectory.map(\.density).max()! > 3 * trajectory.first!.density)
  }

  @Test("pasting never lowers density; with no structure no box beats the base rate by much")
  func noStructure() {
    let stream = AnalysisStream(seed: 12, purpose: .latinHypercube)
    let points = LatinHypercube.sample(count: 2_000, dimension: 3, stream: stream)
    let outcome = points.map { _ in stream.uniform() < 0.3 }
    let prim = PRIM(points: points, outcome: outcome, minimumMass: 0.2)
    let trajectory = prim.peel()
    let chosen = trajectory[trajectory.count / 2]
    #expect(prim.paste(chosen.box).density >= chosen.density)
    #expect(trajectory.map(\.density).max()! < 0.45)
  }

  @Test("with 10 inert keys and 300 points, no inert key is restricted: restrictions whose quasi-p-value exceeds 0.05 are dropped; the kept ones are significant")
  func inertKeysDropped() {
    for seed in [21, 22, 23] as [UInt64] {
      let stream = AnalysisStream(seed: seed, purpose: .latinHypercube)
      let points = LatinHypercube.sample(count: 300, dimension: 12, stream: stream)
      let outcome = points.map { x in (x[0] < 0.4 && x[2] > 0.5) != (stream.uniform() < 0.03) }
      let prim = PRIM(points: points, outcome: outcome)
      let result = prim.discover()
      #expect(Set(result.box.restricted).isSubset(of: [0, 2]), "seed \(seed): restricted \(result.box.restricted), dropped \(result.dropped)")
      #expect(result.box.restricted.contains(0) && result.box.restricted.contains(2), "seed \(seed): \(result.box.restricted)")
      for d in result.box.restricted { #expect(result.quasiPValues[d]! < 0.05, "seed \(seed) x\(d): \(result.quasiPValues[d]!)") }
      // Without the test every restriction peeling and pasting made stays.
      let unfiltered = prim.discover(significance: nil)
      #expect(Set(unfiltered.box.restricted).isSuperset(of: result.box.restricted))
    }
  }

  @Test("the quasi-p-value is the one-sided binomial tail: a restriction that changes nothing has p = P(X ≥ hits) at the box's own rate")
  func quasiPValue() {
    // 4 points on one factor, cases at x ≥ 0.5: the box x ≥ 0.5 holds 2 of 2;
    // without the restriction the rate is 1/2, so p = P(X ≥ 2 | 2, 0.5) = 0.25.
    let prim = PRIM(points: [[0.0], [0.25], [0.5], [0.75]], outcome: [false, false, true, true])
    let p = prim.quasiPValues(PRIMBox(lower: [0.5], upper: [0.75]))
    #expect(abs(p[0]! - 0.25) < 1e-12, "\(p)")
  }
}
