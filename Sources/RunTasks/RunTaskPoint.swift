/// A task's scenario as a point of a stored design (an exploration's):
/// the design's values at `index` (none: the scenario's own values, the
/// base case) applied to the task's scenario, then its variant `variant`
/// (0: the scenario itself; from 1: the design's contrasts, in order).
public struct RunTaskPoint: Codable, Hashable, Sendable {
  /// SHA-256 of the design's stored text.
  public let design: String
  public let index: Int?
  public let variant: Int

  public init(design: String, index: Int?, variant: Int) {
    self.design = design
    self.index = index
    self.variant = variant
  }
}
