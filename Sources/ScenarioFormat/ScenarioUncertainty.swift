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
    /// A factor on the scenario's own value of a key that is not one
    /// number (1: as given): a distribution's scale (every duration, its
    /// mean and spread multiplied, its shape kept), the hourly weights'
    /// peak (their departure from a flat day; 0: flat), the campaigns'
    /// peaks (each factor's excess over 1).
    case multiplier
    /// A switch: 0 false, 1 true (both equally likely over [0, 1]).
    case boolean

    /// A value of a key of this scale as a person writes it: a date, a
    /// factor (`×1.5`), a switch, or the number.
    public func text(_ x: Double) -> String {
      switch self {
      case .date: CivilDate(daysSinceEpoch: Int(x)).description
      case .multiplier: "×" + ScenarioTemplate.number(x)
      case .boolean: x >= 0.5 ? "true" : "false"
      case .continuous, .integer: ScenarioTemplate.number(x)
      }
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
  /// For ``Scale/multiplier`` keys `scenario` must hold the key's own
  /// value (the factor applies to it), as an exploration's base does.
  public func apply(_ value: Double, to scenario: inout Scenario) {
    if path == Self.campaignsPath {
      scenario.orders.campaigns = scenario.orders.campaigns.map {
        var c = $0
        c.factor = max(0, 1 + value * (c.factor - 1))
        return c
      }
      return
    }
    guard let field = ScenarioSchema.byPath[path] else { return }
    switch scale {
    case .continuous: field.set(&scenario, .number(value))
    case .integer: field.set(&scenario, .integer(Int(value.rounded())))
    case .date: field.set(&scenario, .date(CivilDate(daysSinceEpoch: Int(value.rounded()))))
    case .boolean: field.set(&scenario, .boolean(value >= 0.5))
    case .multiplier:
      switch field.get(scenario) {
      case let .distribution(d): field.set(&scenario, .distribution(d.scaled(by: max(value, 1e-9))))
      case let .weights(w):
        // The departure from a flat day of the same total, scaled.
        let mean = w.reduce(0, +) / Double(w.count)
        let scaled = w.map { max(0, value * $0 + (1 - value) * mean) }
        if scaled.contains(where: { $0 > 0 }) { field.set(&scenario, .weights(scaled)) }
      default: break
      }
    }
  }

  /// The campaigns list (`orders.campaigns`), varied as one multiplier on
  /// every campaign's excess over a normal day.
  public static let campaignsPath = "orders.campaigns"
}
