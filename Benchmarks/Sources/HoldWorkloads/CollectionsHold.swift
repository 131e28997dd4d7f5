internal import HeapModule
internal import SimKernel

/// The hold workload written directly against swift-collections' `Heap`, with
/// a (time, sequence) key: no kernel, no dispatch. A peer for the kernel.
public final class CollectionsHold {
  struct Entry: Comparable {
    var time: Int64
    var sequence: UInt64
    var payload: UInt32
    static func < (a: Entry, b: Entry) -> Bool { (a.time, a.sequence) < (b.time, b.sequence) }
    static func == (a: Entry, b: Entry) -> Bool { a.time == b.time && a.sequence == b.sequence }
  }

  var heap = Heap<Entry>()
  var sequence: UInt64 = 0
  let stream: RandomStream

  public init(pending n: Int, seed: UInt64 = 1) {
    stream = RandomStream(seed: seed, replication: 0, stream: 1)
    heap.reserveCapacity(n)
    for i in 0..<n {
      heap.insert(Entry(time: delay(), sequence: sequence, payload: UInt32(truncatingIfNeeded: i)))
      sequence += 1
    }
    run(events: n)
  }

  func delay() -> Int64 {
    SimDuration(roundingMilliseconds: stream.exponential(mean: 1_000)).milliseconds
  }

  /// Runs exactly `events` hold steps.
  @inline(never)
  public func run(events: Int) {
    for _ in 0..<events {
      let top = heap.min!
      _ = heap.replaceMin(with: Entry(time: top.time + delay(), sequence: sequence, payload: top.payload))
      sequence += 1
    }
  }
}
