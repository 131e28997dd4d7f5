import PrivacyModel
import ScenarioFormat

/// A metric a design maximises or minimises (`--objective 'maximize METRIC'`).
struct DesignObjective: Equatable, Sendable {
  enum Direction: String, Sendable {
    case maximize, minimize
  }

  let metric: Metric
  let direction: Direction

  /// The default: keep couriers and merchants reaching buyers while shops
  /// obtain as few buyers' numbers as possible (by any channel).
  static let defaults = [
    DesignObjective(metric: .numbersObtainedPer1000, direction: .minimize),
    DesignObjective(metric: .courierReachPerDelivery, direction: .maximize),
    DesignObjective(metric: .merchantContactFulfilment, direction: .maximize),
  ]

  /// Reads `maximize METRIC` or `minimize METRIC` (also `max`, `min`).
  init(parsing text: String) throws(DesignInputError) {
    let words = text.split(separator: " ").map(String.init)
    guard words.count == 2 else {
      throw DesignInputError("--objective expects `maximize METRIC` or `minimize METRIC`, found '\(text)'")
    }
    let direction: Direction
    switch words[0].lowercased() {
    case "maximize", "maximise", "max": direction = .maximize
    case "minimize", "minimise", "min": direction = .minimize
    default: throw DesignInputError("--objective expects `maximize` or `minimize` before the metric, found '\(words[0])'")
    }
    guard let metric = Metric(rawValue: words[1]) else {
      let hint = Suggestion.closest(to: words[1], in: Metric.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
      throw DesignInputError("--objective: unknown metric '\(words[1])'\(hint) (see `simrun list metrics`)")
    }
    self.init(metric: metric, direction: direction)
  }

  init(metric: Metric, direction: Direction) {
    self.metric = metric
    self.direction = direction
  }

  /// The value as NSGA-II minimises it.
  func minimised(_ value: Double) -> Double { direction == .minimize ? value : -value }

  /// Whether `a` is better than `b` for this objective.
  func better(_ a: Double, than b: Double) -> Bool { direction == .minimize ? a < b : a > b }

  var text: String { "\(direction.rawValue) \(metric.rawValue)" }
}

/// A bad `--objective`, `--require` or lever setting: exit 64.
struct DesignInputError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension Expectation {
  /// How far `value` is from meeting the threshold, over the threshold's
  /// size (at least 1 for counts, the threshold's scale for rates): 0 when
  /// it holds.
  func violation(_ value: Double) -> Double {
    if comparison.holds(value, threshold) { return 0 }
    let scale = metric.isRate ? 1 : max(1, abs(threshold))
    return abs(value - threshold) / scale + 1e-9
  }

  /// Whether two thresholds on the same metric leave no value meeting both.
  func contradicts(_ other: Expectation) -> Bool {
    guard metric == other.metric else { return false }
    func lowerBound(_ e: Expectation) -> (Double, Bool)? {
      switch e.comparison {
      case .atLeast: (e.threshold, true)
      case .above: (e.threshold, false)
      default: nil
      }
    }
    func upperBound(_ e: Expectation) -> (Double, Bool)? {
      switch e.comparison {
      case .atMost: (e.threshold, true)
      case .below: (e.threshold, false)
      default: nil
      }
    }
    for (a, b) in [(self, other), (other, self)] {
      if let (low, lowClosed) = lowerBound(a), let (high, highClosed) = upperBound(b) {
        if low > high || (low == high && !(lowClosed && highClosed)) { return true }
      }
    }
    return false
  }
}
