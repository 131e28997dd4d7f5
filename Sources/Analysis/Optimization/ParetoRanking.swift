/// Non-dominated sorting and crowding distance (Deb, Pratap, Agarwal &
/// Meyarivan 2002), under constrained domination
/// (``EvaluatedPoint/dominates(_:)``).
public enum ParetoRanking {
  /// The points' indices by front: the first front is every point no other
  /// dominates, the second those dominated only by the first, and so on.
  /// Within a front, indices ascend. O(M N²).
  public static func fronts(_ points: [EvaluatedPoint]) -> [[Int]] {
    let n = points.count
    var dominatedBy = [Int](repeating: 0, count: n)
    var dominates = [[Int]](repeating: [], count: n)
    for i in 0..<n {
      for j in (i + 1)..<max(n, i + 1) {
        if points[i].dominates(points[j]) {
          dominates[i].append(j)
          dominatedBy[j] += 1
        } else if points[j].dominates(points[i]) {
          dominates[j].append(i)
          dominatedBy[i] += 1
        }
      }
    }
    var fronts: [[Int]] = []
    var current = (0..<n).filter { dominatedBy[$0] == 0 }
    while !current.isEmpty {
      fronts.append(current)
      var next: [Int] = []
      for i in current {
        for j in dominates[i] {
          dominatedBy[j] -= 1
          if dominatedBy[j] == 0 { next.append(j) }
        }
      }
      current = next.sorted()
    }
    return fronts
  }

  /// The crowding distance of each point of `front` (indices into
  /// `points`), in the order given: for each objective, the gap between a
  /// point's two neighbours over the objective's range; the two extremes of
  /// any objective get infinity, so a front keeps its ends.
  public static func crowding(_ front: [Int], in points: [EvaluatedPoint]) -> [Double] {
    var distance = [Double](repeating: 0, count: front.count)
    guard front.count > 2, let m = front.first.map({ points[$0].objectives.count }) else {
      return [Double](repeating: .infinity, count: front.count)
    }
    for k in 0..<m {
      // Ties broken by position, so the result never depends on the sort.
      let order = front.indices.sorted {
        let a = points[front[$0]].objectives[k], b = points[front[$1]].objectives[k]
        return a != b ? a < b : $0 < $1
      }
      let low = points[front[order.first!]].objectives[k]
      let high = points[front[order.last!]].objectives[k]
      distance[order.first!] = .infinity
      distance[order.last!] = .infinity
      guard high > low else { continue }
      for r in 1..<(order.count - 1) {
        let gap = points[front[order[r + 1]]].objectives[k] - points[front[order[r - 1]]].objectives[k]
        distance[order[r]] += gap / (high - low)
      }
    }
    return distance
  }
}
