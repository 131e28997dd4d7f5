public import PrivacyModel
public import SimKernel

/// A threshold a scenario file promises in its `expect:` list, such as
/// `courier_reach_per_attempt >= 0.95`; `simrun check` runs the scenario and
/// tests it.
public struct Expectation: Hashable, Sendable, CustomStringConvertible {
  public enum Comparison: String, CaseIterable, Sendable {
    case atLeast = ">="
    case atMost = "<="
    case above = ">"
    case below = "<"

    public func holds(_ value: Double, _ threshold: Double) -> Bool {
      switch self {
      case .atLeast: value >= threshold
      case .atMost: value <= threshold
      case .above: value > threshold
      case .below: value < threshold
      }
    }
  }

  public let metric: Metric
  public let comparison: Comparison
  public let threshold: Double

  public var description: String { "\(metric.rawValue) \(comparison.rawValue) \(ScenarioTemplate.number(threshold))" }

  /// Parses `METRIC OP NUMBER` (spaces optional); the error text says what was
  /// expected.
  public init(parsing text: String) throws(ExpectationSyntaxError) {
    // Two-character operators first, so `>=` is not read as `>`.
    guard let comparison = Comparison.allCases.first(where: { text.contains($0.rawValue) }),
      let range = text.range(of: comparison.rawValue)
    else {
      throw ExpectationSyntaxError(message: "expected `METRIC OP NUMBER` with OP one of >=, <=, >, < (e.g. `courier_reach_per_attempt >= 0.95`), found '\(text)'")
    }
    let name = String(text[..<range.lowerBound]).trimmingWhitespace
    let number = String(text[range.upperBound...]).trimmingWhitespace
    guard let metric = Metric(rawValue: name) else {
      // A former name (or a typo of one) points at the metric's name now.
      let former = Metric.formerNames
      let hint = Suggestion.closest(to: name, in: Metric.allCases.map(\.rawValue) + former.keys.sorted()).map { closest in
        former[closest].map { "; did you mean '\($0.rawValue)' (called '\(closest)' before 2026-11-23)?" } ?? "; did you mean '\(closest)'?"
      } ?? ""
      throw ExpectationSyntaxError(message: "expected a metric name (see `simrun list metrics`), found '\(name)'\(hint)")
    }
    guard let threshold = Double(number), threshold.isFinite else {
      throw ExpectationSyntaxError(message: "expected a number after '\(comparison.rawValue)', found '\(number)'")
    }
    self.metric = metric
    self.comparison = comparison
    self.threshold = threshold
  }

  /// Tests the expectation on a metric's mean and 95% interval.
  public func evaluate(_ interval: ConfidenceInterval) -> Verdict {
    let meanHolds = comparison.holds(interval.mean, threshold)
    let lowerHolds = comparison.holds(interval.lower, threshold)
    let upperHolds = comparison.holds(interval.upper, threshold)
    return Verdict(expectation: self, interval: interval, meanHolds: meanHolds,
                   intervalHolds: lowerHolds && upperHolds)
  }

  /// The outcome of one expectation.
  public struct Verdict: Sendable {
    public let expectation: Expectation
    public let interval: ConfidenceInterval
    /// The mean satisfies the threshold.
    public let meanHolds: Bool
    /// The whole 95% interval satisfies it (the threshold is outside the interval).
    public let intervalHolds: Bool

    /// Whether the check passes: on the mean, or with `strict` on the whole interval.
    public func passes(strict: Bool) -> Bool { strict ? intervalHolds : meanHolds }
  }
}

/// Why an `expect:` entry could not be read.
public struct ExpectationSyntaxError: Error {
  public let message: String
}
