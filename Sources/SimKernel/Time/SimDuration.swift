/// A signed span of simulated time, in whole milliseconds.
///
/// Durations drawn from continuous distributions are converted with
/// ``init(seconds:)`` and friends, which round to the nearest millisecond and
/// saturate instead of trapping on values beyond the representable range (a
/// heavy-tailed draw must not crash a run).
public struct SimDuration: Hashable, Comparable, Sendable {
  /// The span in milliseconds.
  public var milliseconds: Int64

  /// Creates a span of exactly `milliseconds`.
  @inlinable
  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  /// Creates the span nearest to `milliseconds` (a real number), saturating at
  /// the representable range. NaN becomes zero.
  @inlinable
  public init(roundingMilliseconds value: Double) {
    // Below 2^51 in magnitude (71,000 years): adding 1.5 × 2^52 rounds to
    // the nearest integer, ties to even, exactly as `rounded(.toNearestOrEven)`,
    // and leaves that integer in the low bits of the sum. Three instructions
    // where the rounding called `rint` and the conversion checked its range
    // (the baseline x86-64 target has no rounding instruction); callgrind,
    // model-throughput phases 30000: 25.0 -> 16.3 x 10^6 in the conversions.
    // (Forcing it inline, or moving the rare cases out, cost more in total.)
    if Swift.abs(value) < 0x1p51 {
      let magic = 0x1.8p52
      self.milliseconds = Int64(bitPattern: (value + magic).bitPattern &- magic.bitPattern)
    } else if value.isNaN {
      self.milliseconds = 0
    } else if value >= 9.2e18 {
      self.milliseconds = .max
    } else if value <= -9.2e18 {
      self.milliseconds = .min
    } else {
      self.milliseconds = Int64(value.rounded(.toNearestOrEven))
    }
  }

  /// The span nearest to `seconds`.
  @inlinable public init(seconds: Double) { self.init(roundingMilliseconds: seconds * 1_000) }
  /// The span nearest to `minutes`.
  @inlinable public init(minutes: Double) { self.init(roundingMilliseconds: minutes * 60_000) }
  /// The span nearest to `hours`.
  @inlinable public init(hours: Double) { self.init(roundingMilliseconds: hours * 3_600_000) }
  /// The span nearest to `days`.
  @inlinable public init(days: Double) { self.init(roundingMilliseconds: days * 86_400_000) }

  /// Exactly `n` seconds.
  @inlinable public static func seconds(_ n: Int64) -> SimDuration { SimDuration(milliseconds: n * 1_000) }
  /// Exactly `n` minutes.
  @inlinable public static func minutes(_ n: Int64) -> SimDuration { SimDuration(milliseconds: n * 60_000) }
  /// Exactly `n` hours.
  @inlinable public static func hours(_ n: Int64) -> SimDuration { SimDuration(milliseconds: n * 3_600_000) }
  /// Exactly `n` days.
  @inlinable public static func days(_ n: Int64) -> SimDuration { SimDuration(milliseconds: n * 86_400_000) }

  /// The span in seconds.
  @inlinable public var seconds: Double { Double(milliseconds) / 1_000 }
  /// The span in minutes.
  @inlinable public var minutes: Double { Double(milliseconds) / 60_000 }
  /// The span in hours.
  @inlinable public var hours: Double { Double(milliseconds) / 3_600_000 }
  /// The span in days.
  @inlinable public var days: Double { Double(milliseconds) / 86_400_000 }

  /// The empty span.
  public static let zero = SimDuration(milliseconds: 0)

  @inlinable
  public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  /// Arithmetic on simulated time saturates at the representable range
  /// instead of trapping: an extreme (but valid) draw must not crash a run.
  @inlinable
  public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    SimDuration(milliseconds: saturatingSum(lhs.milliseconds, rhs.milliseconds))
  }

  @inlinable
  public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    SimDuration(milliseconds: saturatingDifference(lhs.milliseconds, rhs.milliseconds))
  }

  @inlinable
  public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
    let (product, overflow) = lhs.milliseconds.multipliedReportingOverflow(by: rhs)
    guard overflow else { return SimDuration(milliseconds: product) }
    return SimDuration(milliseconds: (lhs.milliseconds < 0) == (rhs < 0) ? .max : .min)
  }

  /// `a + b`, clamped to `Int64`'s range.
  @inlinable
  static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? .max : .min) : sum
  }

  /// `a - b`, clamped to `Int64`'s range.
  @inlinable
  static func saturatingDifference(_ a: Int64, _ b: Int64) -> Int64 {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    return overflow ? (b < 0 ? .max : .min) : difference
  }
}

extension SimDuration: CustomStringConvertible {
  public var description: String { "\(milliseconds)ms" }
}
