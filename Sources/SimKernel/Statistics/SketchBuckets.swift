internal import Histogram

/// A ``QuantileSketch``'s non-empty buckets with the exact highest and lowest
/// non-zero values recorded: what a compact sketch keeps and what its coded
/// form writes. Recording them into an empty histogram of the same bounds —
/// each bucket's count at the recorded extremes in their buckets, at the
/// bucket's own value elsewhere — gives back a histogram whose every
/// quantile, mean, merge and buckets equal the original's.
struct SketchBuckets: Sendable {
  /// Each non-empty bucket, in increasing order, as two LEB128 varints: its
  /// value (highest equivalent value) less the previous bucket's, and its
  /// count. A week of contact times has a few hundred buckets; at about 3
  /// bytes each instead of 16 for two `UInt64` arrays, a timeline keeps a
  /// replication's weekly series in under a megabyte.
  private var bytes: [UInt8] = []
  /// The number of values recorded.
  private(set) var total: UInt64 = 0
  /// The highest value recorded (0 when empty).
  var max: UInt64
  /// The lowest non-zero value, or 0 when a zero was recorded (it matters
  /// only while none was) or nothing was.
  var minNonZero: UInt64

  /// The buckets of `histogram`.
  init(_ histogram: Histogram<UInt64>) {
    max = histogram.totalCount == 0 ? 0 : histogram.maxRecorded
    minNonZero = histogram.totalCount == 0 || histogram.min == 0 ? 0 : histogram.min
    var previous: UInt64 = 0
    for bucket in histogram.recordedValues() {
      append(bucket.value - previous, bucket.count)
      previous = bucket.value
    }
  }

  /// Buckets as read from a coded sketch; `nil` unless the values increase,
  /// every count is above 0, every value is one `histogram` can hold, and
  /// the extremes are in order and in range.
  init?(values: [UInt64], counts: [UInt64], max: UInt64, minNonZero: UInt64, fitting histogram: Histogram<UInt64>) {
    let top = histogram.highestEquivalentForValue(histogram.highestTrackableValue)
    guard values.count == counts.count, !counts.contains(0), values.last.map({ $0 <= top }) ?? true,
          zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }),
          max <= histogram.highestTrackableValue, minNonZero <= max else { return nil }
    (self.max, self.minNonZero) = (max, minNonZero)
    var previous: UInt64 = 0
    for (value, count) in zip(values, counts) {
      guard total <= UInt64.max - count else { return nil }
      append(value - previous, count)
      previous = value
    }
  }

  private mutating func append(_ delta: UInt64, _ count: UInt64) {
    appendVarint(delta)
    appendVarint(count)
    total &+= count
  }

  private mutating func appendVarint(_ value: UInt64) {
    var x = value
    while x >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
      x >>= 7
    }
    bytes.append(UInt8(x))
  }

  /// Calls `body` with each bucket's value and count, in increasing order.
  func forEach(_ body: (UInt64, UInt64) -> Void) {
    var i = 0, value: UInt64 = 0
    func next() -> UInt64 {
      var x: UInt64 = 0, shift: UInt64 = 0
      while true {
        let b = bytes[i]
        i += 1
        x |= UInt64(b & 0x7f) << shift
        if b < 0x80 { return x }
        shift += 7
      }
    }
    while i < bytes.count {
      value += next()
      body(value, next())
    }
  }

  /// Records every bucket into `histogram` (empty, or being merged into).
  func record(into histogram: inout Histogram<UInt64>) {
    forEach { value, total in
      let bucket = histogram.highestEquivalentForValue(value)
      let holdsMax = max > 0 && histogram.highestEquivalentForValue(max) == bucket
      let holdsMin = minNonZero > 0 && histogram.highestEquivalentForValue(minNonZero) == bucket
      var count = total
      if holdsMin && (!holdsMax || (count > 1 && minNonZero != max)) {
        _ = histogram.record(minNonZero)
        count -= 1
      }
      if count > 0 { _ = histogram.record(holdsMax ? max : value, count: count) }
    }
  }
}
