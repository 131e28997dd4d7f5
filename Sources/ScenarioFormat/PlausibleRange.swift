/// The range an assumption's value could plausibly take, with the reasoning
/// behind it: what an analyst varies when asking how much a conclusion
/// rests on the guess (`uncertain: all-assumptions`). Dates are day numbers
/// (``lowerDate``/``upperDate`` give them back as dates).
public struct PlausibleRange: Hashable, Sendable {
  public let lower: Double
  public let upper: Double
  public let reason: String

  public init(_ lower: Double, _ upper: Double, _ reason: String) {
    precondition(lower <= upper, "a plausible range is ordered")
    self.lower = lower
    self.upper = upper
    self.reason = reason
  }
}
