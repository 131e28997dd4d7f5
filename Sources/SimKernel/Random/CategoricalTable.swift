public import CGSL

/// A categorical distribution over `0 ..< count`, preprocessed once with
/// GSL's Walker alias tables (`gsl_ran_discrete_preproc`) so that each draw
/// costs O(1) whatever the number of categories.
///
/// The table is immutable after construction, so one table may be shared by
/// every replication and thread; only the generators must not be shared.
public final class CategoricalTable: @unchecked Sendable {
  @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
  /// The normalised probabilities.
  public let probabilities: [Double]

  /// Why weights could not be turned into a table.
  public enum Failure: Error, Hashable, Sendable {
    case empty
    case negativeOrNonFinite(index: Int)
    case zeroTotal
  }

  /// A table drawing index *i* with probability `weights[i] / sum(weights)`.
  public init(weights: [Double]) throws(Failure) {
    guard !weights.isEmpty else { throw .empty }
    if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
      throw .negativeOrNonFinite(index: bad)
    }
    let total = weights.reduce(0, +)
    guard total > 0 else { throw .zeroTotal }
    GSLRuntime.prepare()
    guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) })
    else { fatalError("gsl_ran_discrete_preproc failed") }
    self.table = table
    self.probabilities = weights.map { $0 / total }
  }

  deinit {
    gsl_ran_discrete_free(table)
  }

  /// The number of categories.
  public var count: Int { probabilities.count }
}
