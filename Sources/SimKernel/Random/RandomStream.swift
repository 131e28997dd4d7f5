public import CGSL

/// One independent stream of random numbers: a GSL generator seeded from
/// (seed, replication, stream) by ``StreamSeed``.
///
/// A stream owns its `gsl_rng` and frees it when the last reference goes. It is
/// deliberately **not** `Sendable`: Swift's concurrency checking keeps a stream
/// on the task that created it, so a generator is never shared between
/// threads. Create streams inside the replication that uses them.
///
/// Give every random quantity of a model its own stream (arrivals, service
/// times, answer probabilities, …). Then a rule that changes how many numbers
/// one part of the model draws does not shift the numbers every other part
/// sees, and phases compared side by side stay paired.
public final class RandomStream {
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

  /// Where this stream came from.
  public let seed: StreamSeed
  public let kind: GeneratorKind

  /// A stream for (`seed`, `replication`, `stream`).
  public init(seed: UInt64, replication: Int, stream: UInt64, kind: GeneratorKind = .mt19937) {
    GSLRuntime.prepare()
    self.seed = StreamSeed(seed: seed, replication: replication, stream: stream)
    self.kind = kind
    guard let rng = gsl_rng_alloc(kind.gslType) else {
      fatalError("gsl_rng_alloc failed: out of memory")
    }
    gsl_rng_set(rng, self.seed.gslSeed)
    self.rng = rng
  }

  deinit {
    gsl_rng_free(rng)
  }

  /// The underlying GSL generator, for calling GSL functions not wrapped here.
  /// Valid while this stream is alive; never hand it to another thread.
  @inlinable
  public var generator: UnsafeMutablePointer<gsl_rng> { rng }
}

@available(*, unavailable, message: "a RandomStream belongs to one task; create one per replication")
extension RandomStream: Sendable {}

/// One-time process-wide GSL set-up.
enum GSLRuntime {
  private static let prepared: Void = { cgsl_disable_abort_on_error() }()
  static func prepare() { _ = prepared }
}
