import SimKernel
import Testing

/// Every event set implementation, for parameterized conformance tests.
enum EventSetKind: String, CaseIterable, CustomTestStringConvertible {
  case binary, quaternary, octonary, collections, radix, ladder, adaptive

  func make() -> any EventSet<Int> {
    switch self {
    case .binary: BinaryHeapEventSet<Int>()
    case .quaternary: QuaternaryHeapEventSet<Int>()
    case .octonary: OctonaryHeapEventSet<Int>()
    case .collections: CollectionsHeapEventSet<Int>()
    case .radix: RadixHeapEventSet<Int>()
    case .ladder: LadderEventSet<Int>()
    case .adaptive: AdaptiveEventSet<Int>()
    }
  }

  var testDescription: String { rawValue }
}

/// A tiny deterministic generator for test inputs (SplitMix64), so the
/// conformance tests do not depend on GSL.
struct TestRandom {
  var state: UInt64
  mutating func next() -> UInt64 {
    state = StreamSeed.mix(state)
    return state
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func key(_ ms: Int64, _ seq: UInt64) -> EventKey { EventKey(time: SimTime(milliseconds: ms), sequence: seq) }

@Suite("EventSet conformance")
struct EventSetConformanceTests {
  @Test("removes events in (time, sequence) order; equal times first-in-first-out", arguments: EventSetKind.allCases)
  func ordersByTimeThenSequence(kind: EventSetKind) {
    var set = kind.make()
    let times: [Int64] = [50, 10, 10, 30, 10, 50, 0, 30]
    for (seq, t) in times.enumerated() {
      set.insert(Event(key: key(t, UInt64(seq)), payload: seq))
    }
    #expect(set.count == times.count)
    var out: [EventKey] = []
    while let e = set.removeMin() {
      #expect(e.payload == Int(e.key.sequence))
      out.append(e.key)
    }
    #expect(out == out.sorted())
    #expect(out.map(\.sequence) == [6, 1, 2, 4, 3, 7, 0, 5])
    #expect(set.isEmpty)
  }

  @Test("matches a sorted-array reference under random inserts, removals, replacements and cancellations",
        arguments: EventSetKind.allCases)
  func matchesReference(kind: EventSetKind) {
    var set = kind.make()
    var reference: [Event<Int>] = []  // live events
    var removed: [EventKey] = []
    var rng = TestRandom(state: 42)
    var seq: UInt64 = 0
    var floor: Int64 = 0  // time of the last removed event (monotone set)
    func fresh() -> Event<Int> {
      defer { seq += 1 }
      return Event(key: key(floor + Int64(rng.below(40)), seq), payload: Int(seq))
    }
    for _ in 0..<20_000 {
      switch rng.below(10) {
      case 0...3:
        let e = fresh()
        set.insert(e)
        reference.append(e)
      case 4, 5:
        let got = set.removeMin()
        let expected = reference.min(by: { $0.key < $1.key })
        #expect(got?.key == expected?.key)
        if let got {
          reference.removeAll { $0.key == got.key }
          removed.append(got.key)
          floor = got.key.time.milliseconds
        }
      case 6:
        guard !reference.isEmpty else { continue }
        // A replacement must come after the event it replaces (monotone set).
        let expected = reference.min(by: { $0.key < $1.key })!
        let e = Event(key: key(expected.key.time.milliseconds + Int64(rng.below(40)), seq), payload: Int(seq))
        seq += 1
        let old = set.replaceMin(with: e)
        #expect(old.key == expected.key)
        reference.removeAll { $0.key == old.key }
        removed.append(old.key)
        floor = old.key.time.milliseconds
        reference.append(e)
      case 7, 8:
        guard !reference.isEmpty else { continue }
        let victim = reference[rng.below(reference.count)]
        let first = set.cancel(victim.key)
        let second = set.cancel(victim.key)
        #expect(first)
        #expect(!second, "a second cancel finds nothing pending")
        reference.removeAll { $0.key == victim.key }
      default:
        if let gone = removed.last {
          let cancelled = set.cancel(gone)
          #expect(!cancelled, "cancelling a removed event does nothing")
        }
        let top = set.peek()
        #expect(top?.key == reference.min(by: { $0.key < $1.key })?.key)
      }
      #expect(set.count == reference.count)
      // The set may have discarded cancelled events internally; later keys
      // must come after whatever left it (the monotone contract).
      floor = max(floor, set.lastRemovedKey?.time.milliseconds ?? 0)
    }
    // Drain: what is left comes out sorted and complete.
    var rest: [EventKey] = []
    while let e = set.removeMin() { rest.append(e.key) }
    #expect(rest == reference.map(\.key).sorted())
  }

  @Test("peek skips cancelled events and reports the earliest live one", arguments: EventSetKind.allCases)
  func peekSkipsCancelled(kind: EventSetKind) {
    var set = kind.make()
    for s in 0..<5 { set.insert(Event(key: key(Int64(s), UInt64(s)), payload: s)) }
    let cancels = [set.cancel(key(0, 0)), set.cancel(key(1, 1))]
    #expect(cancels == [true, true])
    #expect(set.count == 3)
    let peeked = set.peek()
    let first = set.removeMin()
    let cancelLast = set.cancel(key(4, 4))
    let second = set.removeMin()
    let third = set.removeMin()
    #expect(peeked?.payload == 2)
    #expect(first?.payload == 2)
    #expect(cancelLast)
    #expect(second?.payload == 3)
    #expect(third == nil, "the only remaining event was cancelled")
    #expect(set.isEmpty)
  }

  @Test("replaceMin returns the minimum and keeps the heap ordered", arguments: EventSetKind.allCases)
  func replaceMinHold(kind: EventSetKind) {
    var set = kind.make()
    var rng = TestRandom(state: 7)
    var seq: UInt64 = 0
    for _ in 0..<1_000 {
      set.insert(Event(key: key(Int64(rng.below(1_000)), seq), payload: 0))
      seq += 1
    }
    var last = key(-1, 0)
    for _ in 0..<10_000 {
      let top = set.peek()!
      let old = set.replaceMin(with: Event(key: key(top.key.time.milliseconds + Int64(rng.below(1_000)), seq), payload: 0))
      seq += 1
      #expect(old.key == top.key)
      #expect(last < old.key, "hold steps come out in increasing key order")
      last = old.key
    }
    #expect(set.count == 1_000)
  }
}

@Suite("EventSet: scheduling after a peek past a limit")
struct EventSetPeekPastLimitTests {
  @Test("an event inserted between the clock and a peeked-at later minimum comes out first; equal times stay FIFO",
        arguments: EventSetKind.allCases)
  func insertBelowPeeked(kind: EventSetKind) {
    var set = kind.make()
    set.insert(Event(key: key(100, 1), payload: 1))
    set.insert(Event(key: key(200, 2), payload: 2))
    set.insert(Event(key: key(100, 3), payload: 3))
    #expect(set.peek(notAfter: SimTime(milliseconds: 50)) == nil)
    set.insert(Event(key: key(60, 4), payload: 4))
    set.insert(Event(key: key(100, 5), payload: 5))
    set.insert(Event(key: key(60, 6), payload: 6))
    var order: [Int] = []
    while let e = set.removeMin() { order.append(e.payload) }
    #expect(order == [4, 6, 1, 3, 5, 2])
  }
}
