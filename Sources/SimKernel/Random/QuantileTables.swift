internal import CGSL

/// Continuous distributions drawn by inversion from quantile functions
/// tabulated once: each table holds Q(i / n) for i = 0 … n and a draw
/// interpolates linearly between the two points around a uniform.
///
/// One uniform per draw, monotone in it, so a model that changes a
/// distribution's parameters still pairs each draw with the same uniform
/// (common random numbers carry across parameter changes). We wrote this
/// rather than call `gsl_ran_beta` per draw because the model-throughput
/// benchmark measured the per-draw GSL call (two gamma variates) at about 2.5%
/// of all instructions; the tables are built with GSL's own quantile
/// functions (`gsl_cdf_*_Pinv`).
///
/// Interpolation error: at most the largest gap between neighbouring
/// points. With the default 512 intervals a beta(6, 2) quantile is within
/// 1e-3 between its 1% and 99% points (the tests check it against the
/// exact law); where a quantile is steep at the ends (∝ u^(1/a) near 0) the
/// first cells are interpolated more coarsely, by about 2e-3 there.
/// Building a table costs one GSL quantile evaluation per point.
public struct QuantileTables: Sendable {
  /// Intervals per table.
  public let resolution: Int
  /// Intervals per table unless told otherwise.
  public static let defaultResolution = 512
  @usableFromInline let values: [Double]

  /// One table per quantile function, each sampled at `resolution + 1`
  /// points. Quantile functions must be finite on [0, 1].
  public init(resolution: Int = defaultResolution, _ quantiles: [(Double) -> Double]) {
    self.init(resolution: resolution, tables: quantiles.map { Self.sampled($0, resolution: resolution) })
  }

  /// `quantile` at i / `resolution` for i = 0 … `resolution`.
  static func sampled(_ quantile: (Double) -> Double, resolution: Int) -> [Double] {
    precondition(resolution >= 1, "at least one interval")
    return (0...resolution).map { quantile(Double($0) / Double(resolution)) }
  }

  /// Tables given by their values: each `resolution + 1` points of a
  /// quantile function at i / resolution.
  public init(resolution: Int = defaultResolution, tables: [[Double]]) {
    precondition(resolution >= 1, "at least one interval")
    precondition(tables.allSatisfy { $0.count == resolution + 1 }, "resolution + 1 points a table")
    self.resolution = resolution
    values = Array(tables.joined())
  }

  /// Tables of beta distributions with the given shapes (a, b > 0), on [0, 1]
  /// (each computed once per process, ``betaValues(a:b:resolution:)``).
  public static func beta(resolution: Int = defaultResolution, shapes: [(a: Double, b: Double)]) -> QuantileTables {
    QuantileTables(resolution: resolution, tables: shapes.map { betaValues(a: $0.a, b: $0.b, resolution: resolution) })
  }

  /// The quantile function of the beta distribution (a, b > 0), clamped to
  /// [0, 1] at the ends.
  public static func betaQuantile(a: Double, b: Double) -> (Double) -> Double {
    { p in
      if p <= 0 { return 0 }
      if p >= 1 { return 1 }
      let q = gsl_cdf_beta_Pinv(p, a, b)
      return q.isNaN ? a / (a + b) : min(1, max(0, q))
    }
  }

  /// Table `table`'s quantile at `u` in [0, 1), interpolated.
  @inlinable
  public func value(table: Int, at u: Double) -> Double {
    let x = u * Double(resolution)
    let i = min(Int(x), resolution - 1)
    let base = table * (resolution + 1) + i
    let f = x - Double(i)
    return values[base] + f * (values[base + 1] - values[base])
  }

  /// A draw from table `table`, by inversion of one uniform from `stream`.
  @inlinable
  public func sample(table: Int, _ stream: RandomStream) -> Double {
    value(table: table, at: stream.uniform())
  }
}
