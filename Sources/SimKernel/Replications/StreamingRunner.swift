import Dispatch
import Synchronization

/// Runs a stream of independent jobs on several threads and hands their
/// results on **in the order the jobs were taken**, each as soon as it and
/// every job before it are done, with at most ``window`` jobs taken but not
/// yet handed on: memory stays bounded however long the stream (a plan of
/// 10⁵ tasks), and the first results come out while the rest still run.
///
/// ``ReplicationRunner`` suits a known, small number of jobs whose results
/// are all kept; this suits a stream read one item at a time.
public struct StreamingRunner: Sendable {
  public let threads: Int
  /// The most jobs taken and not yet handed on (at least `threads`).
  public let window: Int

  /// - Parameters:
  ///   - threads: at least 1; defaults to all cores.
  ///   - window: defaults to 4 jobs per thread.
  public init(threads: Int? = nil, window: Int? = nil) {
    self.threads = max(1, threads ?? ReplicationRunner.availableCores)
    self.window = max(self.threads, window ?? 4 * self.threads)
  }

  /// Takes jobs from `next` (called on one thread at a time, in order:
  /// it may read a file that is not thread-safe)
  /// until it returns `nil`, runs `body` on each, and passes each result to
  /// `deliver` (one thread at a time, in the order taken).
  ///
  /// When `next`, `body` or `deliver` throws, no more jobs are taken,
  /// nothing more is delivered, the jobs running finish, and the error of
  /// the earliest failing job (or of `next`, or `deliver`) is rethrown.
  public func run<Job: Sendable, Output: Sendable>(
    next: @Sendable () throws -> Job?,
    body: @Sendable (Job) throws -> Output,
    deliver: @Sendable (Output) throws -> Void
  ) throws {
    let shared = Mutex(StreamState<Output>())
    let permits = DispatchSemaphore(value: window)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while true {
        permits.wait()
        let taken: (index: Int, job: Job)? = shared.withLock { state in
          guard state.failure == nil, !state.exhausted else { return nil }
          do {
            guard let job = try next() else {
              state.exhausted = true
              return nil
            }
            defer { state.taken += 1 }
            return (state.taken, job)
          } catch {
            state.fail(at: state.taken, error)
            return nil
          }
        }
        guard let (index, job) = taken else {
          // Wake the threads waiting for a permit: they find the stream
          // ended (or failed) too.
          for _ in 0..<threads { permits.signal() }
          return
        }
        let outcome = Result { try body(job) }
        shared.withLock { state in
          switch outcome {
          case .failure(let error):
            state.fail(at: index, error)
            for _ in 0..<threads { permits.signal() }
          case .success(let output):
            state.done[index] = output
            // Hand on every result that is now next in order.
            while state.failure == nil, let ready = state.done.removeValue(forKey: state.delivered) {
              do {
                try deliver(ready)
              } catch {
                state.fail(at: state.delivered, error)
                for _ in 0..<threads { permits.signal() }
                break
              }
              state.delivered += 1
              permits.signal()
            }
          }
        }
      }
    }
    if let failure = shared.withLock({ $0.failure }) { throw failure.error }
  }
}

/// The state the threads of ``StreamingRunner/run(next:body:deliver:)`` share.
private struct StreamState<Output> {
  var taken = 0
  var delivered = 0
  var exhausted = false
  var done: [Int: Output] = [:]
  var failure: (index: Int, error: any Error)?

  mutating func fail(at index: Int, _ error: any Error) {
    if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
  }
}
