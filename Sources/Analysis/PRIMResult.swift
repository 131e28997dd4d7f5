/// What ``PRIM/discover(minimumCoverage:)`` found: the peeling trajectory
/// (the trade-off curve), which of its boxes was chosen, and that box after
/// pasting.
public struct PRIMResult: Hashable, Sendable {
  public let trajectory: [PRIMStep]
  public let chosenIndex: Int
  public let box: PRIMStep
  /// Each of the box's restrictions with its quasi-p-value
  /// (``PRIM/quasiPValues(_:)``).
  public let quasiPValues: [Int: Double]
  /// Restrictions of the pasted box dropped as not significant.
  public let dropped: [Int]

  public init(trajectory: [PRIMStep], chosenIndex: Int, box: PRIMStep, quasiPValues: [Int: Double] = [:], dropped: [Int] = []) {
    self.trajectory = trajectory
    self.chosenIndex = chosenIndex
    self.box = box
    self.quasiPValues = quasiPValues
    self.dropped = dropped
  }
}
