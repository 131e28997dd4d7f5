public import PrivacyModel

/// A rule parameter a design may set (`levers:` in a scenario file): the
/// key, what its source says, and the values the design may choose from —
/// a range (numbers, whole numbers, dates, factors on a distribution) or a
/// list of choices.
public struct ScenarioLever: Hashable, Sendable {
  public enum Values: Hashable, Sendable {
    /// Any value in [lower, upper] (whole numbers for whole-number keys,
    /// days for dates).
    case range(lower: Double, upper: Double)
    /// One of these values (booleans as 0 and 1, dates as day numbers).
    case choices([Double])
  }

  public let path: String
  public let scale: ScenarioUncertainty.Scale
  public let values: Values
  /// The key's class: a rule parameter or an assumed rule figure.
  public let keyClass: KeyClass
  /// The key's source (the RULEBOOK rule and where its figure comes from).
  public let source: String

  public init(path: String, scale: ScenarioUncertainty.Scale, values: Values, keyClass: KeyClass, source: String) {
    self.path = path
    self.scale = scale
    self.values = values
    self.keyClass = keyClass
    self.source = source
  }

  /// The smallest and largest value the lever may take.
  public var bounds: ClosedRange<Double> {
    switch values {
    case let .range(lower, upper): lower...upper
    case let .choices(list): list.min()!...list.max()!
    }
  }

  /// The lever's value at `u` in [0, 1]: a point of the range, or the
  /// choice whose share of [0, 1] holds u. Whole numbers and dates take
  /// equal shares too, so that the range's ends are as likely as any value
  /// between (rounding would give them half a share, and a design would
  /// seldom try a quota of 0).
  public func value(at u: Double) -> Double {
    let u = min(max(u, 0), 1)
    switch values {
    case let .range(lower, upper):
      if scale == .integer || scale == .date {
        return lower + min(upper - lower, (u * (upper - lower + 1)).rounded(.down))
      }
      return lower + u * (upper - lower)
    case let .choices(list):
      return list[min(list.count - 1, Int(u * Double(list.count)))]
    }
  }

  /// `scenario` with the lever set to `value`.
  public func apply(_ value: Double, to scenario: inout Scenario) {
    ScenarioUncertainty(path: path, lower: bounds.lowerBound, upper: bounds.upperBound, scale: scale, origin: "lever")
      .apply(value, to: &scenario)
  }

  /// The values as a person writes them: `0–40` or `true, false`.
  public var valuesText: String {
    switch values {
    case let .range(lower, upper): "\(scale.text(lower))–\(scale.text(upper))"
    case let .choices(list): list.map(scale.text).joined(separator: ", ")
    }
  }
}
