public import PrivacyModel
internal import SimKernel

/// One key of a scenario that an exploration varies (`uncertain:`), over a
/// uniform range: numbers over [lower, upper], whole-number keys over the
/// whole numbers in it, dates over the days in it (stored as day numbers).
public struct ScenarioUncertainty: Hashable, Sendable {
  public enum Scale: String, Hashable, Sendable {
    case continuous
    case integer
    case date

    /// A value of a key of this scale as a person writes it: a date, or
    /// the number.
    public func text(_ x: Double) -> String {
      self == .date ? CivilDate(daysSinceEpoch: Int(x)).description : ScenarioTemplate.number(x)
    }
  }

  public let path: String
  public let lower: Double
  public let upper: Double
  public let scale: Scale
  /// Where the range comes from: the file, the command line, or the key's
  /// documented plausible range.
  public let origin: String

  public init(path: String, lower: Double, upper: Double, scale: Scale, origin: String) {
    self.path = path
    self.lower = lower
    self.upper = upper
    self.scale = scale
    self.origin = origin
  }

  /// The range as a person writes it: `0.3–0.8`, `2026-01-17–2026-12-31`.
  public var rangeText: String { "\(scale.text(lower))–\(scale.text(upper))" }

  /// `scenario` with this key set to `value` (a number in the range; a day
  /// number for dates, rounded for whole-number keys).
  public func apply(_ value: Double, to scenario: inout Scenario) {
    guard let field = ScenarioSchema.byPath[path] else { return }
    switch scale {
    case .continuous: field.set(&scenario, .number(value))
    case .integer: field.set(&scenario, .integer(Int(value.rounded())))
    case .date: field.set(&scenario, .date(CivilDate(daysSinceEpoch: Int(value.rounded()))))
    }
  }
}
