public import PrivacyModel
import SimKernel

extension ScenarioField {
  /// Whether no source gives the key's figure.
  public var isAssumption: Bool { source.contains("assumption") }

  /// The key's documented plausible range, if it is an assumption with one.
  public var plausible: PlausibleRange? { ScenarioSchema.plausibleRanges[path] }

  /// How an exploration varies the key, or `nil` for keys that are not a
  /// single number, whole number or date (distributions, lists, switches).
  public var uncertaintyScale: ScenarioUncertainty.Scale? {
    switch kind {
    case .probability, .bounded: .continuous
    case .integer: .integer
    case .date: .date
    case .distribution, .hourlyWeights, .boolean: nil
    }
  }

  /// The values the key accepts, as numbers (dates: any day).
  public var numericDomain: ClosedRange<Double>? {
    switch kind {
    case .probability: 0...1
    case let .bounded(range): range
    case let .integer(range): Double(range.lowerBound)...Double(range.upperBound)
    case .date, .distribution, .hourlyWeights, .boolean: nil
    }
  }

  /// The key's value in `scenario` as a number (dates as day numbers).
  public func numericValue(in scenario: Scenario) -> Double? {
    switch get(scenario) {
    case let .number(x): x
    case let .integer(n): Double(n)
    case let .date(d): Double(d.daysSinceEpoch)
    case .distribution, .weights, .boolean: nil
    }
  }
}

extension ScenarioField {
  /// ``source`` with the plausible range, for listings and templates:
  /// `assumption; plausible 0.5–0.9` (unless the source already says it).
  public var sourceWithRange: String {
    guard let range = plausible, !source.contains("plausible") else { return source }
    let scale = uncertaintyScale ?? .continuous
    return source + "; plausible \(scale.text(range.lower))–\(scale.text(range.upper))"
  }
}
