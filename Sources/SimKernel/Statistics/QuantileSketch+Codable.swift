internal import Histogram

/// A sketch as its non-empty buckets, with the exact highest and lowest
/// non-zero values recorded: a few hundred bytes where the histogram's own
/// encoding writes every bucket (tens of thousands of numbers). Decoding
/// records each bucket's count again — at the recorded extremes in their
/// buckets, at the bucket's own value elsewhere — so every quantile, the
/// mean, merging and a second encoding give exactly what the original gives.
extension QuantileSketch: Codable {
  private enum CodingKeys: String, CodingKey {
    case highestTrackable, significantDigits, clamped, buckets, max, minNonZero
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(highestTrackable, forKey: .highestTrackable)
    try c.encode(significantDigits, forKey: .significantDigits)
    try c.encode(clamped, forKey: .clamped)
    try c.encode(histogram.recordedValues().map { [$0.value, $0.count] }, forKey: .buckets)
    try c.encode(histogram.totalCount == 0 ? 0 : histogram.maxRecorded, forKey: .max)
    // The lowest non-zero value matters only while no zero was recorded.
    try c.encode(histogram.totalCount == 0 || histogram.min == 0 ? 0 : histogram.min, forKey: .minNonZero)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(highestTrackable: try c.decode(UInt64.self, forKey: .highestTrackable),
              significantDigits: try c.decode(Int.self, forKey: .significantDigits))
    let buckets = try c.decode([[UInt64]].self, forKey: .buckets)
    let max = try c.decode(UInt64.self, forKey: .max), minNonZero = try c.decode(UInt64.self, forKey: .minNonZero)
    let top = histogram.highestEquivalentForValue(highestTrackable)
    for pair in buckets {
      guard pair.count == 2, pair[0] <= top, pair[1] > 0, max <= highestTrackable, minNonZero <= max else {
        throw DecodingError.dataCorruptedError(forKey: .buckets, in: c, debugDescription: "a bucket is [value, count] with count > 0")
      }
      let bucket = histogram.highestEquivalentForValue(pair[0])
      let holdsMax = max > 0 && histogram.highestEquivalentForValue(max) == bucket
      let holdsMin = minNonZero > 0 && histogram.highestEquivalentForValue(minNonZero) == bucket
      var count = pair[1]
      if holdsMin && (!holdsMax || (count > 1 && minNonZero != max)) {
        _ = histogram.record(minNonZero)
        count -= 1
      }
      if count > 0 { _ = histogram.record(holdsMax ? max : pair[0], count: count) }
    }
    clamped = try c.decode(Int64.self, forKey: .clamped)
  }
}
