/// What ``PRIM/discover(minimumCoverage:)`` found: the peeling trajectory
/// (the trade-off curve), which of its boxes was chosen, and that box after
/// pasting.
public struct PRIMResult: Hashable, Sendable {
  public let trajectory: [PRIMStep]
  public let chosenIndex: Int
  public let box: PRIMStep

  public init(trajectory: [PRIMStep], chosenIndex: Int, box: PRIMStep) {
    self.trajectory = trajectory
    self.chosenIndex = chosenIndex
    self.box = box
  }
}
