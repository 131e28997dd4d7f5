internal import Histogram

/// Quantiles of non-negative values (durations in milliseconds, counts) with a
/// bounded relative error, on an HDR histogram (hdrhistogram-swift).
///
/// Recording never allocates: the histogram is sized once for values up to
/// `highestTrackable`; larger values are clamped to it and counted in
/// ``clamped``. Sketches with the same bounds merge exactly.
///
/// A sketch that is only kept, not recorded into, can be made compact
/// (``compact()``): it then holds its non-empty buckets (a few hundred bytes)
/// instead of the histogram's every bucket (kilobytes). Every reading gives
/// exactly what it gave before; recording or merging into it makes it whole
/// again. Codable by the same buckets (``QuantileSketch+Codable.swift``).
public struct QuantileSketch: Sendable, Mergeable {
  /// The histogram; `nil` while the sketch is compact.
  var dense: Histogram<UInt64>?
  /// The non-empty buckets while the sketch is compact.
  var buckets: SketchBuckets?
  /// Values recorded above the trackable range (and clamped into it).
  public internal(set) var clamped: Int64 = 0
  public let highestTrackable: UInt64
  public let significantDigits: Int

  /// A sketch for values in `0 ... highestTrackable` with the given number of
  /// significant decimal digits (1 … 5; 3 means relative error ≤ 0.1%).
  public init(highestTrackable: UInt64, significantDigits: Int = 3) {
    precondition(highestTrackable >= 2, "highestTrackable must be at least 2")
    let digits = Swift.min(5, Swift.max(1, significantDigits))
    self.highestTrackable = highestTrackable
    self.significantDigits = digits
    dense = Self.emptyHistogram(highestTrackable, digits)
  }

  /// An empty histogram with these bounds.
  static func emptyHistogram(_ highestTrackable: UInt64, _ digits: Int) -> Histogram<UInt64> {
    Histogram(lowestDiscernibleValue: 1, highestTrackableValue: highestTrackable,
              numberOfSignificantValueDigits: SignificantDigits(rawValue: Int8(digits)) ?? .three)
  }

  /// The histogram itself, rebuilt from the buckets while compact.
  var histogram: Histogram<UInt64> {
    if let dense { return dense }
    var h = Self.emptyHistogram(highestTrackable, significantDigits)
    buckets!.record(into: &h)
    return h
  }

  /// Records `value` (negative values count as 0).
  public mutating func record(_ value: Int64) {
    var v = UInt64(Swift.max(0, value))
    if v > highestTrackable {
      v = highestTrackable
      clamped += 1
    }
    // Compact exactly when `buckets` holds a value; testing `dense` here
    // copied the whole histogram (a retain and release) on every record.
    if buckets != nil { expand() }
    _ = dense!.record(v)
  }

  /// The number of recorded values.
  public var count: UInt64 { dense?.totalCount ?? buckets!.total }

  /// The value at quantile `q` in [0, 1] (e.g. 0.9 for p90); 0 when empty.
  public func quantile(_ q: Double) -> UInt64 {
    count == 0 ? 0 : histogram.valueAtPercentile(Swift.min(100, Swift.max(0, q * 100)))
  }

  /// Mean of the recorded values (at the histogram's resolution).
  public var mean: Double { histogram.mean }

  public mutating func merge(_ other: QuantileSketch) {
    precondition(other.highestTrackable == highestTrackable && other.significantDigits == significantDigits,
                 "merging sketches with different bounds or precision")
    if dense == nil { expand() }
    if let o = other.dense { dense!.add(o) } else { other.buckets!.record(into: &dense!) }
    clamped += other.clamped
  }

  /// Keeps only the non-empty buckets (and the extremes), until the next
  /// recording or merge: for sketches that are kept, not filled.
  public mutating func compact() {
    guard let dense else { return }
    buckets = SketchBuckets(dense)
    self.dense = nil
  }

  /// Whether the sketch holds only its non-empty buckets (``compact()``).
  public var isCompact: Bool { dense == nil }

  private mutating func expand() {
    dense = histogram
    buckets = nil
  }
}
