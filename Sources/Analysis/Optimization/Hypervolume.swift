/// The hypervolume indicator (Zitzler & Thiele 1998): the volume of
/// objective space (all objectives minimised) dominated by a set of points
/// and bounded by a reference point. Larger is better; the true front's
/// value is the most any set can reach.
public enum Hypervolume {
  /// The hypervolume of `points` up to `reference`. Points not strictly
  /// better than the reference in every objective add nothing. Exact, by
  /// slicing along the last objective (O(n² log n) in three objectives,
  /// more in higher ones: meant for fronts of a few hundred points).
  public static func of(_ points: [[Double]], reference: [Double]) -> Double {
    let inside = points.filter { p in zip(p, reference).allSatisfy { $0 < $1 } }
    guard !inside.isEmpty else { return 0 }
    return volume(inside, reference, dimensions: reference.count)
  }

  private static func volume(_ points: [[Double]], _ reference: [Double], dimensions d: Int) -> Double {
    if d == 1 { return reference[0] - points.map { $0[0] }.min()! }
    if d == 2 {
      // Horizontal strips: by the first objective, each point that improves
      // on the best second objective so far adds the strip between them.
      let sorted = points.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
      var area = 0.0
      var best = reference[1]
      for p in sorted where p[1] < best {
        area += (reference[0] - p[0]) * (best - p[1])
        best = p[1]
      }
      return area
    }
    // Slices along the last objective: between two consecutive levels, the
    // dominated region is that of the points at or below the lower level.
    let last = d - 1
    let sorted = points.sorted { $0[last] < $1[last] }
    var total = 0.0
    for i in sorted.indices {
      let top = i + 1 < sorted.count ? sorted[i + 1][last] : reference[last]
      let height = top - sorted[i][last]
      guard height > 0 else { continue }
      let slice = sorted[...i].map { Array($0.prefix(last)) }
      total += height * volume(slice, Array(reference.prefix(last)), dimensions: last)
    }
    return total
  }
}
