/// Latin hypercube sampling (McKay, Beckman & Conover 1979): n points in
/// the unit cube such that each of the n equal slices of every coordinate
/// holds exactly one point, placed uniformly inside its slice.
public enum LatinHypercube {
  /// `count` points of `dimension` coordinates.
  public static func sample(count: Int, dimension: Int, stream: AnalysisStream) -> [[Double]] {
    precondition(count >= 1 && dimension >= 1, "a Latin hypercube needs a point and a coordinate")
    var points = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: count)
    for d in 0..<dimension {
      let slices = stream.permutation(count)
      for n in 0..<count {
        points[n][d] = (Double(slices[n]) + stream.uniform()) / Double(count)
      }
    }
    return points
  }
}
