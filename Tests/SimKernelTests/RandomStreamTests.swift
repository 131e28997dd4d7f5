import SimKernel
import Testing

@Suite("Random streams")
struct RandomStreamTests {
  @Test("the mixing function is SplitMix64 (published first outputs for state 0)")
  func splitMixVector() {
    // SplitMix64 seeded with 0 yields 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4.
    #expect(StreamSeed.mix(0) == 0xE220_A839_7B1D_CDAF)
    #expect(StreamSeed.mix(0x9E37_79B9_7F4A_7C15) == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test("same (seed, replication, stream) ⇒ same numbers, for every generator kind", arguments: GeneratorKind.allCases)
  func reproducible(kind: GeneratorKind) {
    let a = RandomStream(seed: 99, replication: 3, stream: 7, kind: kind)
    let b = RandomStream(seed: 99, replication: 3, stream: 7, kind: kind)
    let xs = (0..<1_000).map { _ in a.uniform() }
    let ys = (0..<1_000).map { _ in b.uniform() }
    #expect(xs == ys)
    #expect(Set(xs).count > 990)
  }

  @Test("changing any coordinate gives a different stream")
  func distinctStreams() {
    func firsts(_ seed: UInt64, _ rep: Int, _ stream: UInt64) -> [Double] {
      let s = RandomStream(seed: seed, replication: rep, stream: stream)
      return (0..<8).map { _ in s.uniform() }
    }
    let base = firsts(1, 0, 0)
    #expect(firsts(2, 0, 0) != base)
    #expect(firsts(1, 1, 0) != base)
    #expect(firsts(1, 0, 1) != base)
    // No two of 400 (replication, stream) pairs share a GSL seed.
    var seen = Set<UInt>()
    for r in 0..<20 { for s in 0..<20 { seen.insert(StreamSeed(seed: 1, replication: r, stream: UInt64(s)).gslSeed) } }
    #expect(seen.count == 400)
  }

  @Test("common random numbers: a stream is unaffected by how much other streams draw")
  func commonRandomNumbers() {
    // Scenario A draws heavily from stream 1; scenario B barely. Stream 2 must agree.
    let a1 = RandomStream(seed: 5, replication: 0, stream: 1)
    let a2 = RandomStream(seed: 5, replication: 0, stream: 2)
    let b1 = RandomStream(seed: 5, replication: 0, stream: 1)
    let b2 = RandomStream(seed: 5, replication: 0, stream: 2)
    var xa: [Double] = []
    var xb: [Double] = []
    for i in 0..<500 {
      for _ in 0..<(i % 7) { _ = a1.exponential(mean: 1) }
      _ = b1.uniform()
      xa.append(a2.normal(mean: 0, standardDeviation: 1))
      xb.append(b2.normal(mean: 0, standardDeviation: 1))
    }
    #expect(xa == xb)
  }

  @Test("categorical tables reject bad weights")
  func categoricalValidation() {
    #expect(throws: CategoricalTable.Failure.empty) { try CategoricalTable(weights: []) }
    #expect(throws: CategoricalTable.Failure.negativeOrNonFinite(index: 1)) { try CategoricalTable(weights: [1, -1]) }
    #expect(throws: CategoricalTable.Failure.zeroTotal) { try CategoricalTable(weights: [0, 0]) }
    #expect(throws: DailyCycle.Failure.wrongCount(3)) { try DailyCycle(hourlyWeights: [1, 2, 3]) }
  }
}
