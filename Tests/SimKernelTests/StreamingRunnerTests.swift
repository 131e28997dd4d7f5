import Synchronization
import SimKernel
import Testing

@Suite("Streaming runner")
struct StreamingRunnerTests {
  /// A stream of `count` jobs whose run times vary (later jobs can finish
  /// first), recording how far taking ran ahead of delivering.
  final class Probe: Sendable {
    let taken = Atomic<Int>(0)
    let delivered = Mutex<[Int]>([])
    let widestGap = Atomic<Int>(0)
  }

  @Test("results are delivered in the order taken, for 1, 2 and 5 threads, never more than the window ahead")
  func orderAndWindow() throws {
    for threads in [1, 2, 5] {
      let probe = Probe()
      let window = 2 * threads
      try StreamingRunner(threads: threads, window: window).run(
        next: { () -> Int? in
          let n = probe.taken.load(ordering: .relaxed)
          guard n < 200 else { return nil }
          let gap = n - probe.delivered.withLock { $0.count }
          if gap > probe.widestGap.load(ordering: .relaxed) { probe.widestGap.store(gap, ordering: .relaxed) }
          probe.taken.store(n + 1, ordering: .relaxed)
          return n
        },
        body: { (job: Int) -> (Int, Bool) in
          // Uneven work: every seventh job is slow.
          var x = 0.0
          for i in 0..<(job % 7 == 0 ? 200_000 : 2_000) { x += Double(i).squareRoot() }
          return (job, x > 0)
        },
        deliver: { (output: (Int, Bool)) in probe.delivered.withLock { $0.append(output.0) } })
      #expect(probe.delivered.withLock { $0 } == Array(0..<200), "threads \(threads)")
      #expect(probe.widestGap.load(ordering: .relaxed) <= window, "threads \(threads): at most \(window) taken ahead")
    }
  }

  @Test("a failing job stops the stream: nothing after it is delivered, the earliest failure is rethrown")
  func failure() {
    for threads in [1, 3] {
      let probe = Probe()
      #expect(throws: ReplicationFailure(index: 5)) {
        try StreamingRunner(threads: threads, window: 4).run(
          next: { () -> Int? in
            let n = probe.taken.add(1, ordering: .relaxed).newValue - 1
            return n < 1_000 ? n : nil
          },
          body: { (job: Int) -> Int in
            if job == 5 || job == 9 { throw ReplicationFailure(index: job) }
            return job
          },
          deliver: { (job: Int) in probe.delivered.withLock { $0.append(job) } })
      }
      let delivered = probe.delivered.withLock { $0 }
      #expect(delivered == Array(0..<delivered.count) && delivered.count <= 5, "threads \(threads): \(delivered)")
      #expect(probe.taken.load(ordering: .relaxed) < 20, "no more jobs taken after the failure")
    }
  }
}
