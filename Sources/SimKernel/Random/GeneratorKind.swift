internal import CGSL

/// The GSL generator algorithm behind a ``RandomStream``.
public enum GeneratorKind: String, CaseIterable, Sendable {
  /// Mersenne Twister MT19937 (GSL's default): fast, period 2¹⁹⁹³⁷ − 1.
  case mt19937
  /// Tausworthe generator (L'Ecuyer 1999), very fast, period ≈ 2⁸⁸.
  case taus2
  /// RANLUX double precision, luxury level 2: slow, strongest decorrelation.
  case ranlxd2
  /// RANLUX 32-bit, luxury level 389.
  case ranlux389

  var gslType: UnsafePointer<gsl_rng_type> {
    switch self {
    case .mt19937: cgsl_rng_type_mt19937()
    case .taus2: cgsl_rng_type_taus2()
    case .ranlxd2: cgsl_rng_type_ranlxd2()
    case .ranlux389: cgsl_rng_type_ranlux389()
    }
  }
}
