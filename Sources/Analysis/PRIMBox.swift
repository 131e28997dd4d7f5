/// A box in factor space: per factor, the closed range [lower, upper] of
/// its values. A factor whose range is the data's whole range is not
/// restricted by the box.
public struct PRIMBox: Hashable, Sendable {
  public var lower: [Double]
  public var upper: [Double]

  public init(lower: [Double], upper: [Double]) {
    precondition(lower.count == upper.count, "a box bounds every factor")
    self.lower = lower
    self.upper = upper
  }

  public func contains(_ x: [Double]) -> Bool {
    for d in lower.indices where x[d] < lower[d] || x[d] > upper[d] { return false }
    return true
  }
}
