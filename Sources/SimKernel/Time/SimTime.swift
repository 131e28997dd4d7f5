/// A point on the simulated time axis.
///
/// Simulated time is an integer count of **milliseconds** since the
/// simulation's origin (see ``SimCalendar`` for the calendar date of the
/// origin). Integer time makes event ordering exact and results reproducible
/// bit for bit: there is no rounding drift between runs or platforms.
///
/// `Int64` milliseconds cover about 292 million years, so overflow is not a
/// practical concern; arithmetic that would overflow traps.
public struct SimTime: Hashable, Comparable, Sendable {
  /// Milliseconds since the simulation's origin.
  public var milliseconds: Int64

  /// Creates the instant `milliseconds` after the origin.
  @inlinable
  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  /// The simulation's origin.
  public static let zero = SimTime(milliseconds: 0)

  /// The largest representable instant; used as "never" or "no limit".
  public static let distantFuture = SimTime(milliseconds: .max)

  @inlinable
  public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  /// The instant `duration` after `time`, saturating at the representable
  /// range (so "never" plus anything stays "never").
  @inlinable
  public static func + (time: SimTime, duration: SimDuration) -> SimTime {
    SimTime(milliseconds: SimDuration.saturatingSum(time.milliseconds, duration.milliseconds))
  }

  /// The instant `duration` before `time`, saturating.
  @inlinable
  public static func - (time: SimTime, duration: SimDuration) -> SimTime {
    SimTime(milliseconds: SimDuration.saturatingDifference(time.milliseconds, duration.milliseconds))
  }

  /// The signed span from `rhs` to `lhs`, saturating.
  @inlinable
  public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
    SimDuration(milliseconds: SimDuration.saturatingDifference(lhs.milliseconds, rhs.milliseconds))
  }

  @inlinable
  public static func += (time: inout SimTime, duration: SimDuration) {
    time = time + duration
  }
}

extension SimTime: CustomStringConvertible {
  public var description: String { "t=\(milliseconds)ms" }
}
