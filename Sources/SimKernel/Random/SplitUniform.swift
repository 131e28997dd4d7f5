/// One uniform draw shared by several independent decisions: each takes its
/// share of [0, 1) and hands on the rest, rescaled, as a fresh uniform.
///
/// For a Bernoulli decision with probability p, a uniform u below p means
/// "yes" and u/p is again uniform on [0, 1); above p means "no" and
/// (u − p)/(1 − p) is. The rescaled value is independent of the decision, so
/// the next decision sees a uniform of its own; a categorical choice does the
/// same within the chosen category's interval. Several decisions then cost
/// one generator call instead of one each.
///
/// **Precision.** Each decision widens the grid of values the next one sees by
/// the share it kept (1/p or 1/(1 − p)): a 32-bit draw (2^-32 apart) after
/// decisions that kept shares 0.05, 0.3 and 0.1 leaves values about
/// 2 × 10^-7 apart. Chains should stay short and avoid tiny shares early on.
///
/// **Common random numbers.** A decision's uniform depends on the
/// probabilities of the decisions before it in the chain. Runs compared with
/// common random numbers keep their pairing when those earlier probabilities
/// are the same in both (put a decision whose probability changes between
/// compared runs last).
public struct SplitUniform {
  /// The uniform the next decision uses, in [0, 1).
  @inlinable public var value: Double { state }
  @usableFromInline var state: Double

  /// A split of one draw from `stream`.
  @inlinable
  public init(_ stream: RandomStream) {
    state = stream.uniform()
  }

  /// A split of `value`, a uniform in [0, 1).
  @inlinable
  public init(value: Double) {
    state = value
  }

  /// Whether an event of probability `p` happens; the rest of the uniform
  /// goes on to the next decision. `p` at or below 0 never happens, at or
  /// above 1 always does (the uniform goes on unchanged).
  @inlinable
  public mutating func bernoulli(_ p: Double) -> Bool {
    let q = p > 0 ? (p < 1 ? p : 1) : 0
    let u = state
    let happens = u < q
    // Never a division by zero: u < 0 cannot happen, and u < 1 always does.
    state = Self.clamped(happens ? u / q : (u - q) / (1 - q))
    return happens
  }

  /// The first index whose cumulative share exceeds the uniform (shares
  /// non-decreasing, the last normally 1), or `nil` past the last; the
  /// uniform is rescaled within the chosen interval (or the remainder).
  @inlinable @inline(__always)
  public mutating func index(cumulative: [Double]) -> Int? {
    let u = state
    var lower = 0.0
    var i = 0
    while i < cumulative.count {
      let upper = cumulative[i]
      if u < upper {
        state = Self.clamped((u - lower) / (upper - lower))
        return i
      }
      lower = upper
      i &+= 1
    }
    state = lower < 1 ? Self.clamped((u - lower) / (1 - lower)) : u
    return nil
  }

  /// Keeps rounding from reaching 1 (a rescaled value just below the
  /// interval's end can round up to it).
  @inlinable @inline(__always)
  static func clamped(_ x: Double) -> Double {
    x < 1 ? x : 0x1.fffffffffffffp-1  // 1.0.nextDown, written out: not a call
  }
}
