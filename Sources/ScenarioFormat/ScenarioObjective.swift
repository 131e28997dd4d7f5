public import PrivacyModel

/// A metric a design maximises or minimises: `maximize METRIC` or
/// `minimize METRIC`, in a scenario's `objectives:` or on the command line.
public struct ScenarioObjective: Equatable, Hashable, Sendable {
  public enum Direction: String, Sendable {
    case maximize, minimize
  }

  public let metric: Metric
  public let direction: Direction

  /// The default: keep couriers and merchants reaching buyers while shops
  /// obtain as few buyers' numbers as possible (by any channel).
  public static let defaults = [
    ScenarioObjective(metric: .numbersObtainedPer1000, direction: .minimize),
    ScenarioObjective(metric: .courierReachPerDelivery, direction: .maximize),
    ScenarioObjective(metric: .merchantContactFulfilment, direction: .maximize),
  ]

  public init(metric: Metric, direction: Direction) {
    self.metric = metric
    self.direction = direction
  }

  /// Reads `maximize METRIC` or `minimize METRIC` (also `max`, `min`,
  /// `maximise`, `minimise`); the error says what was expected.
  public init(parsing text: String) throws(ObjectiveSyntaxError) {
    let words = text.split(separator: " ").map(String.init)
    guard words.count == 2 else {
      throw ObjectiveSyntaxError(message: "expected `maximize METRIC` or `minimize METRIC`, found '\(text)'")
    }
    let direction: Direction
    switch words[0].lowercased() {
    case "maximize", "maximise", "max": direction = .maximize
    case "minimize", "minimise", "min": direction = .minimize
    default: throw ObjectiveSyntaxError(message: "expected `maximize` or `minimize` before the metric, found '\(words[0])'")
    }
    guard let metric = Metric(rawValue: words[1]) else {
      let hint = Suggestion.closest(to: words[1], in: Metric.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
      throw ObjectiveSyntaxError(message: "unknown metric '\(words[1])'\(hint) (see `simrun list metrics`)")
    }
    self.init(metric: metric, direction: direction)
  }

  /// The value as a minimiser sees it.
  public func minimised(_ value: Double) -> Double { direction == .minimize ? value : -value }

  /// Whether `a` is better than `b` for this objective.
  public func better(_ a: Double, than b: Double) -> Bool { direction == .minimize ? a < b : a > b }

  /// `maximize METRIC`.
  public var text: String { "\(direction.rawValue) \(metric.rawValue)" }
}

/// Why an objective could not be read.
public struct ObjectiveSyntaxError: Error, Sendable {
  public let message: String
}
