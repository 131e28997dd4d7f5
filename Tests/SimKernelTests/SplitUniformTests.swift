import CGSL
import SimKernel
import Testing

/// ``SplitUniform``: decisions drawn from one uniform have the right
/// frequencies, are independent of each other, and leave a uniform behind.
@Suite("One uniform split for several decisions")
struct SplitUniformTests {
  @Test("a chain of Bernoulli decisions and a category: right frequencies, independent cells, a uniform left over in every cell", arguments: [GeneratorKind.taus2, .mt19937])
  func chainIsIndependent(kind: GeneratorKind) {
    let stream = RandomStream(seed: 5, replication: 1, stream: 9, kind: kind)
    let p = [0.3, 0.05, 0.8]
    let cumulative = [0.2, 0.5, 0.9]  // categories of 0.2, 0.3, 0.4, and 0.1 left over (nil)
    let n = 400_000
    // Cells: the three decisions (8) × the category (4).
    var cells = Array(repeating: 0, count: 32)
    var leftover = Array(repeating: 0, count: 10)
    var leftoverInRareCell = Array(repeating: 0, count: 5)
    for _ in 0..<n {
      var split = SplitUniform(stream)
      let a = split.bernoulli(p[0])
      let b = split.bernoulli(p[1])
      let c = split.bernoulli(p[2])
      let k = split.index(cumulative: cumulative) ?? 3
      let u = split.value
      #expect(u >= 0 && u < 1)
      cells[(a ? 1 : 0) | (b ? 2 : 0) | (c ? 4 : 0) | k << 3] += 1
      leftover[Int(u * 10)] += 1
      if b && k == 3 { leftoverInRareCell[Int(u * 5)] += 1 }
    }
    let shares = [0.2, 0.3, 0.4, 0.1]
    var expected: [Double] = []
    for cell in 0..<32 {
      var q = shares[cell >> 3]
      for d in 0..<3 { q *= cell & (1 << d) != 0 ? p[d] : 1 - p[d] }
      expected.append(Double(n) * q)
    }
    // Independence and frequencies at once: every joint cell against the product.
    #expect(GoodnessOfFit.chiSquarePValue(observed: cells, expected: expected) > GoodnessOfFit.alpha)
    #expect(GoodnessOfFit.chiSquarePValue(observed: leftover, expected: Array(repeating: Double(n) / 10, count: 10)) > GoodnessOfFit.alpha)
    // Even in a cell of probability 0.05 × 0.1 the rest is uniform.
    let rare = leftoverInRareCell.reduce(0, +)
    #expect(rare > 1_500)
    #expect(GoodnessOfFit.chiSquarePValue(observed: leftoverInRareCell, expected: Array(repeating: Double(rare) / 5, count: 5)) > GoodnessOfFit.alpha)
  }

  @Test("probabilities at or beyond 0 and 1 decide without using the uniform; values near 1 stay below 1")
  func edges() {
    var split = SplitUniform(value: 0.37)
    let decided = [split.bernoulli(0), split.bernoulli(-2), split.bernoulli(1), split.bernoulli(3)]
    #expect(decided == [false, false, true, true])
    #expect(split.value == 0.37)
    var top = SplitUniform(value: 1.0.nextDown)
    let no = top.bernoulli(0.3)
    #expect(!no)
    #expect(top.value < 1)
    let last = top.index(cumulative: [0.5, 1])
    #expect(last == 1)
    #expect(top.value < 1)
    var low = SplitUniform(value: 0.1)
    let skipped = low.index(cumulative: [0, 0, 0.4])
    #expect(skipped == 2, "empty categories are never chosen")
    #expect(low.value == 0.25)
    var none = SplitUniform(value: 0.9)
    let beyond = none.index(cumulative: [0.2, 0.6])
    #expect(beyond == nil)
    #expect(abs(none.value - 0.75) < 1e-15)
    var empty = SplitUniform(value: 0.9)
    let nothing = empty.index(cumulative: [])
    #expect(nothing == nil)
    #expect(empty.value == 0.9)
  }

  @Test("common random numbers: a decision's outcome does not move when only later decisions' probabilities change")
  func laterProbabilitiesDoNotMoveEarlierDecisions() {
    let a = RandomStream(seed: 3, replication: 0, stream: 2)
    let b = RandomStream(seed: 3, replication: 0, stream: 2)
    var same = 0
    for _ in 0..<10_000 {
      var x = SplitUniform(a)
      var y = SplitUniform(b)
      let first = (x.bernoulli(0.4), y.bernoulli(0.4))
      let second = (x.bernoulli(0.5), y.bernoulli(0.5))
      _ = (x.bernoulli(0.1), y.bernoulli(0.9))  // the last decision differs between the runs
      if first.0 == first.1 && second.0 == second.1 { same += 1 }
    }
    #expect(same == 10_000)
  }
}
