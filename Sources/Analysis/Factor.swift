/// One uncertain input of an analysis, by its range: the analysis works in
/// the unit cube and a factor maps a coordinate *u* ∈ [0, 1] to a value.
/// Vocabulary after EMA Workbench ("uncertainties") and SALib ("problem":
/// names and bounds); nothing here knows what the factor means.
public struct Factor: Hashable, Sendable {
  /// How the range is filled.
  public enum Scale: String, Hashable, Sendable {
    /// Any number in [lower, upper]: lower + u (upper − lower).
    case continuous
    /// Whole numbers lower, lower + 1, …, upper, equally likely.
    case integer
  }

  public let name: String
  public let lower: Double
  public let upper: Double
  public let scale: Scale

  /// - Precondition: `lower ≤ upper`, both finite; whole bounds for
  ///   ``Scale/integer``.
  public init(name: String, lower: Double, upper: Double, scale: Scale = .continuous) {
    precondition(lower.isFinite && upper.isFinite && lower <= upper, "a factor's range must be finite and ordered")
    precondition(scale == .continuous || (lower.rounded() == lower && upper.rounded() == upper),
                 "an integer factor has whole bounds")
    self.name = name
    self.lower = lower
    self.upper = upper
    self.scale = scale
  }

  /// The value at unit coordinate `u` (clamped to [0, 1]).
  public func value(at u: Double) -> Double {
    let u = Swift.min(1, Swift.max(0, u))
    switch scale {
    case .continuous:
      return lower + u * (upper - lower)
    case .integer:
      // Each of the (upper − lower + 1) values takes an equal slice of [0, 1).
      return Swift.min(upper, lower + (u * (upper - lower + 1)).rounded(.down))
    }
  }
}
