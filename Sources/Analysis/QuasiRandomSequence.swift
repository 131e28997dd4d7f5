internal import CGSL

/// A low-discrepancy sequence of points in the unit cube [0, 1)^d, from
/// GSL's quasi-random generators (`gsl_qrng`).
///
/// Sobol's sequence is GSL's best for integration but is limited to
/// ``sobolMaximumDimension`` dimensions; designs that need more (a Saltelli
/// design of *k* factors draws 2*k*) fall back to Halton's sequence, which
/// GSL provides up to ``haltonMaximumDimension``. ``kind`` says which one
/// a sequence uses, and reports print it.
///
/// Like ``SimKernel/RandomStream`` a sequence owns its GSL state and is not
/// `Sendable`: create it where it is used.
public final class QuasiRandomSequence {
  /// Which GSL sequence generates the points.
  public enum Kind: String, Sendable, CaseIterable {
    case sobol
    case halton
  }

  /// GSL's limit for `gsl_qrng_sobol` (GSL 2.x).
  public static let sobolMaximumDimension = 40
  /// GSL's limit for `gsl_qrng_halton`.
  public static let haltonMaximumDimension = 1229

  public let dimension: Int
  public let kind: Kind
  private let state: UnsafeMutablePointer<gsl_qrng>

  /// The sequence for `dimension` coordinates: Sobol's when it fits,
  /// otherwise Halton's. Skips the first `skip` points (Sobol's first point
  /// is the cube's corner in some implementations; GSL's is not, but
  /// designs commonly skip a power of two).
  ///
  /// - Precondition: 1 ≤ `dimension` ≤ ``haltonMaximumDimension``.
  public convenience init(dimension: Int, skip: Int = 0) {
    self.init(dimension: dimension, kind: dimension <= Self.sobolMaximumDimension ? .sobol : .halton, skip: skip)
  }

  /// The given sequence for `dimension` coordinates.
  ///
  /// - Precondition: `dimension` within the kind's limit; `skip` ≥ 0.
  public init(dimension: Int, kind: Kind, skip: Int = 0) {
    let limit = kind == .sobol ? Self.sobolMaximumDimension : Self.haltonMaximumDimension
    precondition(dimension >= 1 && dimension <= limit, "\(kind) sequences have 1 to \(limit) dimensions")
    precondition(skip >= 0, "cannot skip a negative number of points")
    let type = kind == .sobol ? cgsl_qrng_type_sobol() : cgsl_qrng_type_halton()
    guard let state = gsl_qrng_alloc(type, UInt32(dimension)) else {
      fatalError("gsl_qrng_alloc failed: out of memory")
    }
    self.state = state
    self.dimension = dimension
    self.kind = kind
    var scratch = [Double](repeating: 0, count: dimension)
    for _ in 0..<skip { next(into: &scratch) }
  }

  deinit {
    gsl_qrng_free(state)
  }

  /// Writes the next point into `point` (which must hold ``dimension``
  /// values).
  public func next(into point: inout [Double]) {
    precondition(point.count == dimension, "a point of this sequence has \(dimension) coordinates")
    point.withUnsafeMutableBufferPointer { buffer in
      _ = gsl_qrng_get(state, buffer.baseAddress)
    }
  }

  /// The next point.
  public func next() -> [Double] {
    var point = [Double](repeating: 0, count: dimension)
    next(into: &point)
    return point
  }
}

@available(*, unavailable, message: "a QuasiRandomSequence belongs to one task; create one where it is used")
extension QuasiRandomSequence: Sendable {}
