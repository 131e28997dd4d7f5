public import PrivacyModel
public import SimKernel

/// A value in a scenario file, after its kind was checked.
public enum FieldValue: Equatable, Sendable {
  case number(Double)
  case integer(Int)
  case distribution(ContinuousDistribution)
  case weights([Double])
  case boolean(Bool)
  case date(CivilDate)
}

/// One settable key of a scenario file: where it lives, what it accepts,
/// where its default comes from, and how to read and write it.
public struct ScenarioField: Sendable {
  public enum Kind: Sendable {
    /// A number in [0, 1].
    case probability
    /// A number in the range. Every numeric key has a finite domain, so
    /// no accepted value can overflow the model's arithmetic or memory
    /// (durations in hours unless the key says days: ``hours``, ``days``).
    case bounded(ClosedRange<Double>)
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// A duration distribution, e.g. `{lognormal: {mean: 24, cv: 0.6}}`.
    case distribution
    /// 24 non-negative hourly weights, not all zero.
    case hourlyWeights
    /// `true` or `false`.
    case boolean
    /// A date, YYYY-MM-DD (China Standard Time).
    case date

    /// ``expectation`` in a few words, for listings.
    public var shortExpectation: String {
      switch self {
      case .distribution: "a distribution, e.g. {lognormal: {mean: 24, cv: 0.6}}"
      default: expectation
      }
    }

    public var expectation: String {
      switch self {
      case .probability: "a probability between 0 and 1"
      case let .bounded(range): "a number from \(range.lowerBound.formatted) to \(range.upperBound.formatted)"
      case let .integer(range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
      case .distribution: "a distribution: {constant: X}, {exponential: {mean}}, {lognormal: {mean, cv}}, {uniform: {lower, upper}}, {gamma: {shape, scale}}, {weibull: {shape, scale}} or {normal: {mean, sd}}"
      case .hourlyWeights: "a list of 24 numbers from 0 to 1000000, not all zero"
      case .boolean: "true or false"
      case .date: "a date YYYY-MM-DD"
      }
    }
  }

  public let path: String
  public let kind: Kind
  /// RULEBOOK rule / source document, or "assumption".
  public let source: String
  public let get: @Sendable (Scenario) -> FieldValue
  public let set: @Sendable (inout Scenario, FieldValue) -> Void
}

extension ScenarioField.Kind {
  /// A duration in hours: up to ten years.
  public static let hours = ScenarioField.Kind.bounded(0...87_600)
  /// A duration in days: up to ten years.
  public static let days = ScenarioField.Kind.bounded(0...3_650)
}

extension ScenarioField {
  public static func number(_ path: String, _ kind: Kind, _ source: String, _ key: any WritableKeyPath<Scenario, Double> & Sendable) -> ScenarioField {
    ScenarioField(path: path, kind: kind, source: source, get: { .number($0[keyPath: key]) },
                  set: { if case let .number(v) = $1 { $0[keyPath: key] = v } })
  }

  public static func integer(_ path: String, _ range: ClosedRange<Int>, _ source: String, _ key: any WritableKeyPath<Scenario, Int> & Sendable) -> ScenarioField {
    ScenarioField(path: path, kind: .integer(range), source: source, get: { .integer($0[keyPath: key]) },
                  set: { if case let .integer(v) = $1 { $0[keyPath: key] = v } })
  }

  public static func distribution(_ path: String, _ source: String, _ key: any WritableKeyPath<Scenario, ContinuousDistribution> & Sendable) -> ScenarioField {
    ScenarioField(path: path, kind: .distribution, source: source, get: { .distribution($0[keyPath: key]) },
                  set: { if case let .distribution(v) = $1 { $0[keyPath: key] = v } })
  }

  public static func boolean(_ path: String, _ source: String, _ key: any WritableKeyPath<Scenario, Bool> & Sendable) -> ScenarioField {
    ScenarioField(path: path, kind: .boolean, source: source, get: { .boolean($0[keyPath: key]) },
                  set: { if case let .boolean(v) = $1 { $0[keyPath: key] = v } })
  }

  public static func date(_ path: String, _ source: String, _ key: any WritableKeyPath<Scenario, CivilDate> & Sendable) -> ScenarioField {
    ScenarioField(path: path, kind: .date, source: source, get: { .date($0[keyPath: key]) },
                  set: { if case let .date(v) = $1 { $0[keyPath: key] = v } })
  }

  /// A duration stored as `SimDuration`, written in days.
  public static func days(_ path: String, _ source: String, _ key: any WritableKeyPath<Scenario, SimDuration> & Sendable) -> ScenarioField {
    ScenarioField(path: path, kind: .days, source: source, get: { .number($0[keyPath: key].days) },
                  set: { if case let .number(v) = $1 { $0[keyPath: key] = SimDuration(days: v) } })
  }
}

extension Double {
  /// The number as a person writes it in a range: `0.01`, `3`, `1000000`.
  fileprivate var formatted: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
