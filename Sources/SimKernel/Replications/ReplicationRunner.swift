import Dispatch
import Synchronization

/// Runs independent replications of a simulation on several threads and
/// returns their results **in replication order**, whatever the thread count
/// and however the work was interleaved.
///
/// Each replication must depend only on its index (and on values it captures):
/// it creates its own ``RandomStream``s from (seed, replication, stream), so
/// replication *r* produces the same result on one thread or on sixteen. The
/// caller then merges results in index order, which makes merged statistics
/// bit-identical across thread counts too.
public struct ReplicationRunner: Sendable {
  /// How many replications to run.
  public let replications: Int
  /// How many threads may run them at once.
  public let threads: Int

  /// The number of cores the system reports.
  public static var availableCores: Int { max(1, activeProcessorCount()) }

  /// - Parameters:
  ///   - replications: at least 1.
  ///   - threads: at least 1; defaults to all cores. More threads than
  ///     replications are not started.
  public init(replications: Int, threads: Int? = nil) {
    precondition(replications >= 1, "at least one replication")
    self.replications = replications
    self.threads = max(1, min(threads ?? ReplicationRunner.availableCores, replications))
  }

  /// Runs `body(r)` for every replication `r` in `0 ..< replications`.
  ///
  /// Worker threads take the next replication index from a shared counter, so
  /// long and short replications balance out. If replications throw, the
  /// error of the lowest-numbered failing replication is rethrown (again
  /// independent of scheduling); the others still run to completion.
  public func run<Result: Sendable>(
    _ body: @Sendable (Int) throws -> Result
  ) throws -> [Result] {
    if threads == 1 {
      return try (0..<replications).map(body)
    }
    let shared = Mutex(WorkQueue<Result>())
    let total = replications
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while true {
        let index: Int? = shared.withLock { state in
          guard state.next < total else { return nil }
          defer { state.next += 1 }
          return state.next
        }
        guard let index else { return }
        let outcome = Swift.Result { try body(index) }
        shared.withLock { $0.results[index] = outcome }
      }
    }
    return try shared.withLock { state in
      try (0..<total).map { try state.results[$0]!.get() }
    }
  }
}

/// The state the worker threads of ``ReplicationRunner/run(_:)`` share.
private struct WorkQueue<Value> {
  var next = 0
  var results: [Int: Result<Value, any Error>] = [:]
}
