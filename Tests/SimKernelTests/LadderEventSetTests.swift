import SimKernel
import Testing

/// The ladder queue and the adaptive default against the 8-ary heap, event
/// for event, on workloads large enough to build rungs, split crowded buckets
/// and move the adaptive set between its heap and its ladder several times.
@Suite("Ladder and adaptive event sets match the heap")
struct LadderEventSetTests {
  enum Kind: String, CaseIterable { case ladder, adaptive }

  func make(_ kind: Kind) -> any EventSet<Int> {
    switch kind {
    case .ladder: LadderEventSet<Int>()
    case .adaptive: AdaptiveEventSet<Int>()
    }
  }

  /// Runs the same operations on `set` and on an 8-ary heap and returns how
  /// many results differed (keys removed, peeked, replaced; cancel answers;
  /// counts).
  func mismatches(_ set: inout some EventSet<Int>, seed: UInt64, steps: Int, target: (Int) -> Int) -> Int {
    var heap = OctonaryHeapEventSet<Int>()
    var rng = TestRandom(state: seed)
    var sequence: UInt64 = 0
    var now: Int64 = 0
    var live: [EventKey] = []
    var bad = 0
    func delay() -> Int64 {
      switch rng.below(8) {
      case 0: 0  // ties at the clock
      case 1: Int64(rng.below(3))  // ties a millisecond apart
      case 2, 3: Int64(rng.below(60_000))  // seconds to a minute
      case 4, 5: Int64(rng.below(86_400_000))  // within a day
      case 6: Int64(rng.below(30 * 86_400_000))  // within a month
      default: rng.below(500) == 0 ? Int64.max - now : Int64(rng.below(1_000))  // sometimes the end of time
      }
    }
    for step in 0..<steps {
      let wanted = target(step)
      let choice = rng.below(20)
      if choice < 2, !live.isEmpty {
        let victim = live.remove(at: rng.below(live.count))
        if set.cancel(victim) != heap.cancel(victim) { bad += 1 }
      } else if choice == 2 {
        // Peek past a limit, then schedule between the clock and the minimum.
        let limit = SimTime(milliseconds: now &+ Int64(rng.below(10)))
        if set.peek(notAfter: limit)?.key != heap.peek(notAfter: limit)?.key { bad += 1 }
        // Peeking discards cancelled events up to the limit: the clock passes them.
        if let passed = heap.lastRemovedKey?.time.milliseconds, passed > now { now = passed }
        let e = Event(key: EventKey(time: SimTime(milliseconds: now), sequence: sequence), payload: 0)
        sequence += 1
        set.insert(e)
        heap.insert(e)
        live.append(e.key)
      } else if set.count < wanted || (choice < 12 && set.count == wanted) {
        let top = choice.isMultiple(of: 3) ? heap.peek() : nil
        if let passed = heap.lastRemovedKey?.time.milliseconds, passed > now { now = passed }
        let t = now > Int64.max - 40 * 86_400_000 ? Int64.max : now + delay()
        let e = Event(key: EventKey(time: SimTime(milliseconds: t), sequence: sequence), payload: 0)
        sequence += 1
        if let top, top.key < e.key {
          let a = set.replaceMin(with: e)
          let b = heap.replaceMin(with: e)
          if a.key != b.key { bad += 1 }
          now = b.key.time.milliseconds
        } else {
          set.insert(e)
          heap.insert(e)
        }
        live.append(e.key)
      } else {
        let a = set.removeMin()
        let b = heap.removeMin()
        if a?.key != b?.key { bad += 1 }
        if let b { now = b.key.time.milliseconds }
      }
      if let passed = heap.lastRemovedKey?.time.milliseconds, passed > now { now = passed }
      if set.count != heap.count { bad += 1 }
      if live.count > 4 * wanted + 64 { live.removeFirst(live.count / 2) }
    }
    while let b = heap.removeMin() {
      if set.removeMin()?.key != b.key { bad += 1 }
    }
    if !set.isEmpty { bad += 1 }
    return bad
  }

  @Test("grows to 30,000 pending and drains, with ties, far-future events and cancellations",
        arguments: Kind.allCases)
  func growAndDrain(kind: Kind) {
    var set = make(kind)
    let steps = 120_000
    let bad = mismatches(&set, seed: 7, steps: steps) { step in step < steps / 2 ? 30_000 : 0 }
    #expect(bad == 0)
  }

  @Test("swings between a few and thousands pending, crossing the adaptive thresholds each way",
        arguments: Kind.allCases)
  func swings(kind: Kind) {
    var set = make(kind)
    let bad = mismatches(&set, seed: 11, steps: 150_000) { step in
      (step / 10_000).isMultiple(of: 2) ? 5_000 : 50
    }
    #expect(bad == 0)
  }
}
