internal import Histogram

/// Quantiles of non-negative values (durations in milliseconds, counts) with a
/// bounded relative error, on an HDR histogram (hdrhistogram-swift).
///
/// Recording never allocates: the histogram is sized once for values up to
/// `highestTrackable`; larger values are clamped to it and counted in
/// ``clamped``. Sketches with the same bounds merge exactly. Codable by its
/// non-empty buckets (``QuantileSketch+Codable.swift``: task results of
/// `simrun exec`).
public struct QuantileSketch: Sendable, Mergeable {
  var histogram: Histogram<UInt64>
  /// Values recorded above the trackable range (and clamped into it).
  public internal(set) var clamped: Int64 = 0
  public let highestTrackable: UInt64
  public let significantDigits: Int

  /// A sketch for values in `0 ... highestTrackable` with the given number of
  /// significant decimal digits (1 … 5; 3 means relative error ≤ 0.1%).
  public init(highestTrackable: UInt64, significantDigits: Int = 3) {
    precondition(highestTrackable >= 2, "highestTrackable must be at least 2")
    let digits = SignificantDigits(rawValue: Int8(Swift.min(5, Swift.max(1, significantDigits)))) ?? .three
    self.highestTrackable = highestTrackable
    self.significantDigits = Int(digits.rawValue)
    histogram = Histogram(lowestDiscernibleValue: 1, highestTrackableValue: highestTrackable,
                          numberOfSignificantValueDigits: digits)
  }

  /// Records `value` (negative values count as 0).
  public mutating func record(_ value: Int64) {
    var v = UInt64(Swift.max(0, value))
    if v > highestTrackable {
      v = highestTrackable
      clamped += 1
    }
    _ = histogram.record(v)
  }

  /// The number of recorded values.
  public var count: UInt64 { histogram.totalCount }

  /// The value at quantile `q` in [0, 1] (e.g. 0.9 for p90); 0 when empty.
  public func quantile(_ q: Double) -> UInt64 {
    count == 0 ? 0 : histogram.valueAtPercentile(Swift.min(100, Swift.max(0, q * 100)))
  }

  /// Mean of the recorded values (at the histogram's resolution).
  public var mean: Double { histogram.mean }

  public mutating func merge(_ other: QuantileSketch) {
    precondition(other.highestTrackable == highestTrackable && other.significantDigits == significantDigits,
                 "merging sketches with different bounds or precision")
    histogram.add(other.histogram)
    clamped += other.clamped
  }
}
