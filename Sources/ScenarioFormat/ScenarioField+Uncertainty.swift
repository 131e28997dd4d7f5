public import PrivacyModel
import SimKernel

extension ScenarioField {
  /// Whether no source gives the key's figure (its class says so).
  public var isAssumption: Bool { keyClass.isAssumption }

  /// The key's documented plausible range, if it is an assumption with one.
  public var plausible: PlausibleRange? { ScenarioSchema.plausibleRanges[path] }

  /// How an exploration varies the key: numbers, whole numbers and dates
  /// over their range; distributions and the hourly weights by a factor on
  /// their own value; switches both ways.
  public var uncertaintyScale: ScenarioUncertainty.Scale? {
    switch kind {
    case .probability, .bounded: .continuous
    case .integer: .integer
    case .date: .date
    case .distribution, .hourlyWeights: .multiplier
    case .boolean: .boolean
    }
  }

  /// The values the key accepts, as numbers (dates: any day).
  public var numericDomain: ClosedRange<Double>? {
    switch kind {
    case .probability: 0...1
    case let .bounded(range): range
    case let .integer(range): Double(range.lowerBound)...Double(range.upperBound)
    case .distribution: 0.01...100
    case .hourlyWeights: 0...10
    case .boolean: 0...1
    case .date: nil
    }
  }

  /// The key's value in `scenario` as a number (dates as day numbers).
  public func numericValue(in scenario: Scenario) -> Double? {
    switch get(scenario) {
    case let .number(x): x
    case let .integer(n): Double(n)
    case let .date(d): Double(d.daysSinceEpoch)
    // A multiplier of the key's own value is 1 there.
    case .distribution, .weights: 1
    case let .boolean(b): b ? 1 : 0
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
