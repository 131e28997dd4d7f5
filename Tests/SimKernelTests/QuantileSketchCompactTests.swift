import Foundation
import SimKernel
import Testing

@Suite("Quantile sketch, compact")
struct QuantileSketchCompactTests {
  static func sketch(_ values: [Int64], top: UInt64 = 60 * 24 * 400, digits: Int = 2) -> QuantileSketch {
    var s = QuantileSketch(highestTrackable: top, significantDigits: digits)
    for v in values { s.record(v) }
    return s
  }

  static let cases: [[Int64]] = {
    var r = TestRandom(state: 11)
    var cases: [[Int64]] = [[], [0], [5], [0, 0, 7, 575_000, 900], [3, 3, 3], [700_000]]
    for n in [1, 10, 300, 5_000] { cases.append((0..<n).map { _ in Int64(r.below(600_000)) }) }
    return cases
  }()

  @Test("a compact sketch reads exactly as the whole one: count, clamped, mean, every quantile")
  func readsAlike() {
    for values in Self.cases {
      let whole = Self.sketch(values)
      var compact = whole
      compact.compact()
      #expect(compact.isCompact && !whole.isCompact)
      #expect(compact.count == whole.count && compact.clamped == whole.clamped)
      #expect(compact.mean.bitPattern == whole.mean.bitPattern)
      for q in [0, 0.001, 0.1, 0.5, 0.9, 0.99, 1] { #expect(compact.quantile(q) == whole.quantile(q), "\(values.prefix(4)) q\(q)") }
    }
  }

  @Test("merging into, from and between compact sketches, and recording into one, equals the whole sketches' result")
  func mergesAlike() {
    let other: [Int64] = [12_345, 0, 99, 575_999]
    for values in Self.cases {
      var expected = Self.sketch(values)
      expected.merge(Self.sketch(other))
      expected.record(42)
      var a = Self.sketch(values), b = Self.sketch(other)
      a.compact()
      b.compact()
      a.merge(b)
      #expect(!a.isCompact)
      a.record(42)
      var c = Self.sketch(other)
      var d = Self.sketch(values)
      d.compact()
      c.merge(d)
      c.record(42)
      for q in [0, 0.25, 0.5, 0.9, 1] {
        #expect(a.quantile(q) == expected.quantile(q))
        #expect(c.quantile(q) == expected.quantile(q))
      }
      #expect(a.count == expected.count && a.mean.bitPattern == expected.mean.bitPattern)
    }
  }

  @Test("a compact sketch encodes to the same bytes, including values and counts beyond one varint byte")
  func encodesAlike() throws {
    var big = Self.sketch([1 << 39, 3, 1 << 20], top: 1 << 40, digits: 3)
    for _ in 0..<300 { big.record(1 << 30) }
    for whole in Self.cases.map({ Self.sketch($0) }) + [big] {
      var compact = whole
      compact.compact()
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      let bytes = try encoder.encode(whole)
      #expect(try encoder.encode(compact) == bytes)
      let decoded = try JSONDecoder().decode(QuantileSketch.self, from: bytes)
      #expect(decoded.isCompact)
      #expect(try encoder.encode(decoded) == bytes)
      for q in [0, 0.5, 0.99, 1] { #expect(decoded.quantile(q) == whole.quantile(q)) }
    }
  }

  @Test("coded buckets out of order, with a zero count or beyond the range are refused")
  func refusesBadBuckets() {
    let head = #"{"clamped":0,"highestTrackable":1000,"max":900,"minNonZero":0,"significantDigits":2,"buckets":"#
    for buckets in ["[[5,1],[3,1]]", "[[5,1],[5,1]]", "[[5,0]]", "[[5000,1]]", "[[5]]"] {
      #expect(throws: DecodingError.self) { try JSONDecoder().decode(QuantileSketch.self, from: Data((head + buckets + "}").utf8)) }
    }
  }
}
