import SimKernel
import Testing

@Suite("Statistics")
struct StatisticsTests {
  static func values(_ n: Int, seed: UInt64) -> [Double] {
    var r = TestRandom(state: seed)
    return (0..<n).map { _ in Double(r.below(1_000_000)) / 1_000 - 300 }
  }

  @Test("tally matches a two-pass computation")
  func tallyTwoPass() {
    let xs = Self.values(10_001, seed: 1)
    var t = Tally()
    xs.forEach { t.record($0) }
    let mean = xs.reduce(0, +) / Double(xs.count)
    let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1)
    #expect(t.count == xs.count)
    #expect(abs(t.mean - mean) < 1e-9)
    #expect(abs(t.variance - variance) / variance < 1e-10)
    #expect(t.min == xs.min())
    #expect(t.max == xs.max())
  }

  @Test("merging tallies of shards equals one tally of everything")
  func tallyMerge() {
    let xs = Self.values(9_000, seed: 2)
    var whole = Tally()
    xs.forEach { whole.record($0) }
    var merged = Tally()
    for shard in stride(from: 0, to: xs.count, by: 1_000) {
      var t = Tally()
      xs[shard..<(shard + 1_000)].forEach { t.record($0) }
      merged.merge(t)
    }
    merged.merge(Tally())
    #expect(merged.count == whole.count)
    #expect(abs(merged.mean - whole.mean) < 1e-9)
    #expect(abs(merged.variance - whole.variance) / whole.variance < 1e-10)
    #expect(merged.min == whole.min && merged.max == whole.max)
  }

  @Test("time-weighted average of a known step function, and pooled merge")
  func timeWeighted() {
    var tw = TimeWeightedAverage(start: SimTime(milliseconds: 0), initial: 2)
    tw.update(to: 5, at: SimTime(milliseconds: 10))  // 2 for 10 ms
    tw.update(to: 0, at: SimTime(milliseconds: 40))  // 5 for 30 ms
    tw.advance(to: SimTime(milliseconds: 50))  // 0 for 10 ms
    let expected: Double = (2 * 10 + 5 * 30) / 50
    #expect(tw.average == expected)
    #expect(tw.min == 0 && tw.max == 5)
    var other = TimeWeightedAverage(start: SimTime(milliseconds: 0), initial: 1)
    other.advance(to: SimTime(milliseconds: 50))
    tw.merge(other)
    let pooled: Double = (170 + 50) / 100
    #expect(tw.average == pooled)
  }

  @Test("quantile sketch is within 0.1% of exact order statistics, and merges exactly")
  func quantiles() {
    var r = TestRandom(state: 3)
    let xs = (0..<50_000).map { _ in Int64(r.below(10_000_000)) }
    var sketch = QuantileSketch(highestTrackable: 100_000_000)
    var a = QuantileSketch(highestTrackable: 100_000_000)
    var b = QuantileSketch(highestTrackable: 100_000_000)
    for (i, x) in xs.enumerated() {
      sketch.record(x)
      if i % 2 == 0 { a.record(x) } else { b.record(x) }
    }
    a.merge(b)
    let sorted = xs.sorted()
    for q in [0.5, 0.9, 0.99] {
      let exact = Double(sorted[Int(q * Double(sorted.count)) - 1])
      #expect(abs(Double(sketch.quantile(q)) - exact) / exact < 0.001)
      #expect(a.quantile(q) == sketch.quantile(q))
    }
    var small = QuantileSketch(highestTrackable: 1_000)
    small.record(5_000)
    #expect(small.clamped == 1)
    #expect(small.quantile(1) >= 1_000 * 999 / 1_000)
  }

  @Test("Student-t interval: quantile from GSL and the textbook half-width")
  func confidenceInterval() {
    #expect(abs(ConfidenceInterval.studentQuantile(level: 0.95, degreesOfFreedom: 19) - 2.093_024) < 1e-6)
    let ci = ConfidenceInterval([1, 2, 3, 4, 5])
    // mean 3, s = √2.5, t(0.975, 4) = 2.776445
    #expect(ci.mean == 3)
    #expect(abs(ci.halfWidth - 2.776_445 * 2.5.squareRoot() / 5.0.squareRoot()) < 1e-5)
    #expect(ci.contains(1.1) && !ci.contains(0.9))
    #expect(ConfidenceInterval([7]).halfWidth == .infinity)
  }
}
