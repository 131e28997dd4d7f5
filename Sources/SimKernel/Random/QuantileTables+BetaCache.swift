import Synchronization

/// Beta tables computed once per process.
///
/// Building a table costs one `gsl_cdf_beta_Pinv` per point (about 13,000
/// instructions each); a model builds the same tables for every replication
/// and every scenario that shares the shapes. Callgrind on
/// `model-throughput phases 30000` counted 55 × 10⁶ instructions (3.2% of
/// the run, 235 per order) in those builds before this cache; a cached table
/// is the same values, so draws do not change.
extension QuantileTables {
  /// The `resolution + 1` points of the beta(a, b) quantile function, as
  /// ``betaQuantile(a:b:)`` gives them, computed on first use and kept (at
  /// most ``betaCacheLimit`` shapes; past it the cache starts again).
  public static func betaValues(a: Double, b: Double, resolution: Int = defaultResolution) -> [Double] {
    let key = BetaTableKey(a: a, b: b, resolution: resolution)
    if let values = betaCache.withLock({ $0[key] }) { return values }
    let values = sampled(betaQuantile(a: a, b: b), resolution: resolution)
    betaCache.withLock { cache in
      if cache.count >= betaCacheLimit { cache.removeAll(keepingCapacity: true) }
      cache[key] = values
    }
    return values
  }

  /// Shapes kept by ``betaValues(a:b:resolution:)``: a sweep or exploration
  /// over the answer concentration makes a new shape per point.
  public static let betaCacheLimit = 256
}

/// A cached table's shape.
struct BetaTableKey: Hashable {
  let a: Double
  let b: Double
  let resolution: Int
}

private let betaCache = Mutex<[BetaTableKey: [Double]]>([:])
