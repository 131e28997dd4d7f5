/// Derives the seed of one random stream from (run seed, replication, stream).
///
/// Each coordinate is folded in with the SplitMix64 finaliser (Steele, Lea and
/// Flood 2014), a bijection on 64-bit words with full avalanche:
///
///     k0 = mix(seed)
///     k1 = mix(k0 ^ replication)
///     key = mix(k1 ^ stream)
///
/// where `mix(z)` adds the golden-ratio increment 0x9E3779B97F4A7C15 and
/// applies the two xor-shift-multiply rounds of SplitMix64. The same three
/// numbers always give the same stream, on any machine and any thread count;
/// that is what makes phases compared side by side share **common random
/// numbers**: stream *s* of replication *r* is the same sequence in every
/// scenario run with the same seed.
///
/// GSL's generators take a seed of type `unsigned long`, but most use only its
/// low 32 bits (MT19937 among them). ``gslSeed`` therefore folds the key's two
/// halves together. Two distinct streams of one run coincide only if their
/// 32-bit seeds collide: with *k* streams that happens with probability about
/// k² / 2³³ (below 10⁻⁵ for 300 streams).
public struct StreamSeed: Hashable, Sendable {
  /// The 64-bit mixed key.
  public let key: UInt64

  public init(seed: UInt64, replication: Int, stream: UInt64) {
    let k0 = StreamSeed.mix(seed)
    let k1 = StreamSeed.mix(k0 ^ UInt64(truncatingIfNeeded: replication))
    key = StreamSeed.mix(k1 ^ stream)
  }

  /// The value handed to `gsl_rng_set`: the key's halves xor-ed, never zero
  /// (GSL maps seed 0 to a generator-specific default).
  public var gslSeed: UInt {
    let folded = (key ^ (key >> 32)) & 0xFFFF_FFFF
    return UInt(folded == 0 ? 0x9E37_79B9 : folded)
  }

  /// The SplitMix64 finaliser.
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
