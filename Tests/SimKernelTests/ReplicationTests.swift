import Foundation
import SimKernel
import Testing

struct ReplicationFailure: Error, Equatable { let index: Int }

@Suite("Replications")
struct ReplicationTests {
  @Test("results come back in replication order, identical for 1, 2 and 5 threads")
  func threadCountIndependent() throws {
    var config = KernelValidation.standardCases[1].configuration
    config.horizon = .minutes(20_000)
    let short = config
    let work = { @Sendable (r: Int) in QueueingStation.run(short, seed: 77, replication: r) }
    let one = try ReplicationRunner(replications: 6, threads: 1).run(work)
    let two = try ReplicationRunner(replications: 6, threads: 2).run(work)
    let five = try ReplicationRunner(replications: 6, threads: 5).run(work)
    #expect(one == two)
    #expect(one == five)
    #expect(Set(one.map(\.meanWaitInQueue)).count == 6, "replications are independent, not copies")
    // Bit-identical, not merely equal within rounding.
    #expect(one.map(\.averageInSystem.bitPattern) == five.map(\.averageInSystem.bitPattern))
  }

  @Test("the error of the lowest failing replication is rethrown, whatever the threads")
  func lowestErrorWins() {
    for threads in [1, 2, 4] {
      #expect(throws: ReplicationFailure(index: 3)) {
        try ReplicationRunner(replications: 10, threads: threads).run { r in
          if r == 3 || r == 7 { throw ReplicationFailure(index: r) }
          return r
        }
      }
    }
  }

  #if os(Linux)
    @Test("random streams free their generators (no leak over 100,000 streams)")
    func streamsAreFreed() throws {
      /// Resident set size in bytes, from /proc/self/statm (second field, in pages).
      func inUse() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        return Int(statm.split(separator: " ")[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
      }
      // Warm up allocator caches first.
      for i in 0..<100 { _ = RandomStream(seed: 1, replication: i, stream: 0).uniform() }
      let before = try inUse()
      for i in 0..<100_000 {
        let s = RandomStream(seed: 1, replication: i, stream: 1)
        _ = s.uniform()
      }
      let after = try inUse()
      // An MT19937 state is about 5 KB: a leak would show as ~500 MB.
      #expect(after - before < 100_000_000)
    }
  #endif
}
