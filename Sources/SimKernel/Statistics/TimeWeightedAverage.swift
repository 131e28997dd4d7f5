/// The time average of a piecewise-constant quantity, such as the number of
/// customers in a system or of orders in flight.
///
/// The area (value × milliseconds) is accumulated in `Double`; time itself
/// is integral, so the only rounding is that of the products' sum.
public struct TimeWeightedAverage: Hashable, Sendable, Mergeable {
  /// ∫ value dt over the observed span, in value × milliseconds.
  public private(set) var area: Double = 0
  /// Length of the observed span.
  public private(set) var duration: SimDuration = .zero
  public private(set) var min: Double
  public private(set) var max: Double
  /// The current value and since when it has held.
  public private(set) var current: Double
  var lastChange: SimTime

  /// Starts observing at `start` with value `initial`.
  public init(start: SimTime, initial: Double = 0) {
    current = initial
    lastChange = start
    min = initial
    max = initial
  }

  /// The value changes to `value` at `time` (not before the last change).
  public mutating func update(to value: Double, at time: SimTime) {
    advance(to: time)
    current = value
    if value < min { min = value }
    if value > max { max = value }
  }

  /// Closes the span at `time` without changing the value.
  public mutating func advance(to time: SimTime) {
    let dt = time.milliseconds - lastChange.milliseconds
    precondition(dt >= 0, "TimeWeightedAverage: time went backwards")
    area += current * Double(dt)
    duration.milliseconds += dt
    lastChange = time
  }

  /// Average over the observed span (the current value if the span is empty).
  public var average: Double {
    duration.milliseconds > 0 ? area / Double(duration.milliseconds) : current
  }

  /// Pools `other`'s span with this one: the merged average is the average
  /// over both spans together.
  public mutating func merge(_ other: TimeWeightedAverage) {
    area += other.area
    duration.milliseconds += other.duration.milliseconds
    min = Swift.min(min, other.min)
    max = Swift.max(max, other.max)
  }
}
