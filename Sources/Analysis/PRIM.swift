/// The Patient Rule Induction Method for scenario discovery (Friedman &
/// Fisher 1999; Bryant & Lempert 2010): find a box in factor space where a
/// condition on the outcomes holds far more often than elsewhere, as a few
/// readable ranges ("x < 0.4 and z > 0.02").
///
/// Peeling removes, one step at a time, the slice of the box (the lowest or
/// highest `peelAlpha` share of its points along one factor) whose removal
/// leaves the densest box, down to `minimumMass` of the points; the
/// sequence of boxes is the coverage–density trade-off. Pasting then widens
/// the chosen box again along any side where that raises its density.
public struct PRIM: Sendable {
  public let points: [[Double]]
  public let outcome: [Bool]
  public let peelAlpha: Double
  public let pasteAlpha: Double
  public let minimumMass: Double
  /// The data's own range per factor (the unrestricted box).
  public let whole: PRIMBox
  private let cases: Int

  /// - Precondition: as many outcomes as points, every point with the same
  ///   number of finite coordinates, 0 < alphas < 1, 0 < minimumMass ≤ 1.
  public init(points: [[Double]], outcome: [Bool], peelAlpha: Double = 0.05, pasteAlpha: Double = 0.05,
              minimumMass: Double = 0.05) {
    precondition(!points.isEmpty && points.count == outcome.count, "one outcome per point")
    let k = points[0].count
    precondition(points.allSatisfy { $0.count == k && $0.allSatisfy(\.isFinite) }, "points of equal, finite dimension")
    precondition(peelAlpha > 0 && peelAlpha < 1 && pasteAlpha > 0 && pasteAlpha < 1, "alphas in (0, 1)")
    precondition(minimumMass > 0 && minimumMass <= 1, "minimum mass in (0, 1]")
    self.points = points
    self.outcome = outcome
    self.peelAlpha = peelAlpha
    self.pasteAlpha = pasteAlpha
    self.minimumMass = minimumMass
    self.whole = PRIMBox(lower: (0..<k).map { d in points.map { $0[d] }.min()! },
                         upper: (0..<k).map { d in points.map { $0[d] }.max()! })
    self.cases = outcome.filter { $0 }.count
  }

  /// The box's statistics.
  public func step(_ box: PRIMBox) -> PRIMStep {
    let (inside, hits) = counts(box)
    let restricted = box.lower.indices.filter { box.lower[$0] > whole.lower[$0] || box.upper[$0] < whole.upper[$0] }
    return PRIMStep(box: box, coverage: cases == 0 ? 0 : Double(hits) / Double(cases),
                    density: inside == 0 ? 0 : Double(hits) / Double(inside),
                    mass: Double(inside) / Double(points.count), restricted: restricted)
  }

  /// The peeling trajectory, from the whole box to the last box of at
  /// least `minimumMass`.
  public func peel() -> [PRIMStep] {
    var box = whole
    var trajectory = [step(box)]
    let n = Double(points.count)
    while true {
      let inside = points.indices.filter { box.contains(points[$0]) }
      var best: (box: PRIMBox, density: Double, count: Int)?
      for d in box.lower.indices {
        let values = inside.map { points[$0][d] }.sorted()
        let cut = max(1, Int((peelAlpha * Double(values.count)).rounded(.down)))
        guard values.count > cut else { continue }
        // Drop the lowest (or highest) `cut` points and any tied with them.
        for side in [false, true] {
          var candidate = box
          if side {
            let threshold = values[values.count - cut]
            guard let newUpper = values.last(where: { $0 < threshold }) else { continue }
            candidate.upper[d] = newUpper
          } else {
            let threshold = values[cut - 1]
            guard let newLower = values.first(where: { $0 > threshold }) else { continue }
            candidate.lower[d] = newLower
          }
          var count = 0, hits = 0
          for i in inside where candidate.contains(points[i]) {
            count += 1
            if outcome[i] { hits += 1 }
          }
          guard count > 0, Double(count) / n >= minimumMass else { continue }
          let density = Double(hits) / Double(count)
          if best == nil || density > best!.density || (density == best!.density && count > best!.count) {
            best = (candidate, density, count)
          }
        }
      }
      guard let next = best else { break }
      box = next.box
      trajectory.append(step(box))
    }
    return trajectory
  }

  /// `box` widened along each side while that raises its density: each
  /// try admits the `pasteAlpha` share of the box's points nearest outside
  /// one bound (among points within the other bounds).
  public func paste(_ box: PRIMBox) -> PRIMStep {
    var current = step(box)
    while true {
      var best: PRIMStep?
      let inside = (current.mass * Double(points.count)).rounded()  // the box's points
      let add = max(1, Int((pasteAlpha * inside).rounded(.down)))
      for d in box.lower.indices {
        for upperSide in [false, true] {
          // Points outside only along d, on this side, nearest first.
          var others = current.box
          others.lower[d] = whole.lower[d]
          others.upper[d] = whole.upper[d]
          let outside = points.filter { others.contains($0) }.map { $0[d] }
            .filter { upperSide ? $0 > current.box.upper[d] : $0 < current.box.lower[d] }
            .sorted(by: upperSide ? (<) : (>))
          guard !outside.isEmpty else { continue }
          var candidate = current.box
          let reach = outside[min(add, outside.count) - 1]
          if upperSide { candidate.upper[d] = reach } else { candidate.lower[d] = reach }
          let s = step(candidate)
          if s.density > (best?.density ?? current.density) { best = s }
        }
      }
      guard let next = best else { return current }
      current = next
    }
  }

  /// Peels, picks a box, and pastes it. The pick: among the boxes with
  /// coverage at least `minimumCoverage`, the one of highest coverage whose
  /// density is within `densityTolerance` of the best density there — the
  /// knee of the trade-off, before peeling starts chasing noise in factors
  /// that do not matter (the whole box if no box qualifies). Then, unless
  /// `significance` is `nil`, every restriction whose quasi-p-value
  /// (``quasiPValues(_:)``) exceeds it is dropped, least significant first:
  /// peeling can narrow a factor that does not matter when the slice it
  /// cuts happens to hold few cases.
  public func discover(minimumCoverage: Double = 0.5, densityTolerance: Double = 0.02,
                       significance: Double? = 0.05) -> PRIMResult {
    let trajectory = peel()
    let eligible = trajectory.indices.filter { trajectory[$0].coverage >= minimumCoverage }
    let best = eligible.map { trajectory[$0].density }.max() ?? trajectory[0].density
    let chosen = eligible.first { trajectory[$0].density >= best - densityTolerance } ?? 0
    let pasted = paste(trajectory[chosen].box)
    let kept = significance.map { significantOnly(pasted.box, significance: $0) } ?? pasted.box
    let box = step(kept)
    return PRIMResult(trajectory: trajectory, chosenIndex: chosen, box: box, quasiPValues: quasiPValues(kept),
                      dropped: pasted.restricted.filter { !box.restricted.contains($0) })
  }
}
