internal import Histogram

/// A sketch as its non-empty buckets (``SketchBuckets``), with the exact
/// highest and lowest non-zero values recorded: a few hundred bytes where
/// the histogram's own encoding writes every bucket (tens of thousands of
/// numbers). Decoding gives a compact sketch whose every quantile, mean,
/// merge and second encoding equal the original's.
extension QuantileSketch: Codable {
  private enum CodingKeys: String, CodingKey {
    case highestTrackable, significantDigits, clamped, buckets, max, minNonZero
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let b = buckets ?? SketchBuckets(dense!)
    try c.encode(highestTrackable, forKey: .highestTrackable)
    try c.encode(significantDigits, forKey: .significantDigits)
    try c.encode(clamped, forKey: .clamped)
    var pairs: [[UInt64]] = []
    b.forEach { pairs.append([$0, $1]) }
    try c.encode(pairs, forKey: .buckets)
    try c.encode(b.max, forKey: .max)
    try c.encode(b.minNonZero, forKey: .minNonZero)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(highestTrackable: try c.decode(UInt64.self, forKey: .highestTrackable),
              significantDigits: try c.decode(Int.self, forKey: .significantDigits))
    let pairs = try c.decode([[UInt64]].self, forKey: .buckets)
    guard !pairs.contains(where: { $0.count != 2 }),
          let b = SketchBuckets(values: pairs.map { $0[0] }, counts: pairs.map { $0[1] },
                                max: try c.decode(UInt64.self, forKey: .max),
                                minNonZero: try c.decode(UInt64.self, forKey: .minNonZero), fitting: dense!) else {
      throw DecodingError.dataCorruptedError(forKey: .buckets, in: c, debugDescription: "buckets are [value, count] pairs in increasing value, with count > 0")
    }
    buckets = b
    dense = nil
    clamped = try c.decode(Int64.self, forKey: .clamped)
  }
}
