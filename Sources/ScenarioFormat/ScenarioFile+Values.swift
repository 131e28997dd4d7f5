import Foundation
import PrivacyModel
import SimKernel
import Yams

// The scenario reader's single values: numbers, switches, text, whole
// numbers, dates, weights, distributions and expectations, each checked
// against its key's domain.
extension ScenarioFile {
  // MARK: - Values

  mutating func apply(_ field: ScenarioField, _ node: Node, to scenario: inout Scenario) {
    let value: FieldValue?
    switch field.kind {
    case .probability, .bounded:
      value = readNumber(node, field.path, field.kind).map(FieldValue.number)
    case let .integer(range):
      value = readInteger(node, field.path, range).map(FieldValue.integer)
    case .distribution:
      value = readDistribution(node, field.path).map(FieldValue.distribution)
    case .hourlyWeights:
      value = readWeights(node, field.path).map(FieldValue.weights)
    case .boolean:
      value = readBool(node, field.path).map(FieldValue.boolean)
    case .date:
      value = readDate(node, field.path).map(FieldValue.date)
    }
    if let value { field.set(&scenario, value) }
  }

  mutating func readNumber(_ node: Node, _ path: String, _ kind: ScenarioField.Kind) -> Double? {
    guard case .scalar = node, let text = node.string, let v = Double(text.replacingOccurrences(of: "_", with: "")), v.isFinite else {
      report(node, path, "expected \(kind.expectation), found \(Self.describe(node))")
      return nil
    }
    let ok: Bool = switch kind {
    case .probability: v >= 0 && v <= 1
    case let .bounded(range): range.contains(v)
    default: true
    }
    guard ok else {
      report(node, path, "expected \(kind.expectation), found \(text)")
      return nil
    }
    return v
  }

  mutating func readBool(_ node: Node, _ path: String) -> Bool? {
    guard case .scalar = node, let text = node.string else {
      report(node, path, "expected true or false, found \(Self.describe(node))")
      return nil
    }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      report(node, path, "expected true or false, found \(Self.describe(node))")
      return nil
    }
  }

  mutating func readText(_ node: Node, _ path: String) -> String? {
    guard case .scalar = node, let text = node.string, !text.isEmpty else {
      report(node, path, "expected a non-empty text, found \(Self.describe(node))")
      return nil
    }
    return text
  }

  mutating func readInteger(_ node: Node, _ path: String, _ range: ClosedRange<Int>) -> Int? {
    guard case .scalar = node, let text = node.string, let v = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(v) else {
      report(node, path, "expected \(ScenarioField.Kind.integer(range).expectation), found \(Self.describe(node))")
      return nil
    }
    return v
  }

  mutating func readDate(_ node: Node, _ path: String) -> CivilDate? {
    guard let text = node.string, let date = CivilDate(iso8601: text) else {
      report(node, path, "expected a date YYYY-MM-DD, found \(Self.describe(node))")
      return nil
    }
    return date
  }

  mutating func readWeights(_ node: Node, _ path: String) -> [Double]? {
    guard case let .sequence(items) = node, items.count == 24 else {
      report(node, path, "expected \(ScenarioField.Kind.hourlyWeights.expectation), found \(Self.describe(node))")
      return nil
    }
    let weights = items.enumerated().map { readNumber($1, "\(path)[\($0)]", .bounded(0...1_000_000)) }
    guard weights.allSatisfy({ $0 != nil }) else { return nil }
    let values = weights.map { $0! }
    guard values.contains(where: { $0 > 0 }) else {
      report(node, path, "expected at least one hour with a weight above 0, found all zero")
      return nil
    }
    return values
  }

  public static let distributionKinds = ["constant", "exponential", "lognormal", "uniform", "gamma", "weibull", "normal"]

  /// The domain of a distribution parameter: hours up to ten years for
  /// locations and scales, and shapes that keep draws finite.
  public static func parameterDomain(_ name: String) -> ScenarioField.Kind {
    switch name {
    case "cv": .bounded(0...10)
    case "shape": .bounded(0...1_000)
    case "mu": .bounded(-50...11)
    case "sigma": .bounded(0...5)
    default: .hours
    }
  }

  mutating func readDistribution(_ node: Node, _ path: String) -> ContinuousDistribution? {
    guard case let .mapping(outer) = node, outer.count == 1, let (kindNode, params) = outer.first.map({ ($0.key, $0.value) }),
      let kind = kindNode.string
    else {
      report(node, path, "expected \(ScenarioField.Kind.distribution.expectation), found \(Self.describe(node))")
      return nil
    }
    let p = "\(path).\(kind)"
    if kind == "constant" { return readNumber(params, p, .hours).map(ContinuousDistribution.constant) }
    guard Self.distributionKinds.contains(kind) else {
      unknownKey(kindNode, kind, path: p, known: Self.distributionKinds)
      return nil
    }
    guard case let .mapping(fields) = params else {
      report(params, p, "expected the parameters as a mapping, found \(Self.describe(params))")
      return nil
    }
    var values: [String: (Node, Double)] = [:]
    for (key, value) in fields {
      if let name = key.string, let v = readNumber(value, "\(p).\(name)", Self.parameterDomain(name)) { values[name] = (key, v) }
    }
    func need(_ names: [String]) -> [Double]? {
      let unknown = values.keys.filter { !names.contains($0) }.sorted()
      for name in unknown { unknownKey(values[name]!.0, name, path: "\(p).\(name)", known: names) }
      let missing = names.filter { values[$0] == nil }
      if !missing.isEmpty { report(params, p, "expected parameters \(names.joined(separator: ", ")); missing \(missing.joined(separator: ", "))") }
      return unknown.isEmpty && missing.isEmpty ? names.map { values[$0]!.1 } : nil
    }
    func positive(_ name: String, _ v: Double) -> Bool {
      if v > 0 { return true }
      report(values[name]!.0, "\(p).\(name)", "expected a number > 0, found \(v)")
      return false
    }
    switch kind {
    case "exponential":
      guard let v = need(["mean"]), positive("mean", v[0]) else { return nil }
      return .exponential(mean: v[0])
    case "lognormal":
      if values["mu"] != nil || values["sigma"] != nil {
        guard let v = need(["mu", "sigma"]) else { return nil }
        return .lognormal(mu: v[0], sigma: v[1])
      }
      guard let v = need(["mean", "cv"]), positive("mean", v[0]) else { return nil }
      return .lognormal(mean: v[0], cv: v[1])
    case "uniform":
      guard let v = need(["lower", "upper"]) else { return nil }
      guard v[0] <= v[1] else {
        report(params, p, "expected lower ≤ upper, found \(v[0]) > \(v[1])")
        return nil
      }
      return .uniform(lower: v[0], upper: v[1])
    case "gamma":
      guard let v = need(["shape", "scale"]), positive("shape", v[0]), positive("scale", v[1]) else { return nil }
      return .gamma(shape: v[0], scale: v[1])
    case "weibull":
      guard let v = need(["shape", "scale"]), positive("shape", v[0]), positive("scale", v[1]) else { return nil }
      return .weibull(shape: v[0], scale: v[1])
    default:  // normal
      guard let v = need(["mean", "sd"]) else { return nil }
      return .normal(mean: v[0], standardDeviation: v[1])
    }
  }

  mutating func readExpectations(_ node: Node) {
    guard case let .sequence(items) = node else {
      report(node, "expect", "expected a list of thresholds such as `- courier_reach_per_attempt >= 0.95`, found \(Self.describe(node))")
      return
    }
    for (i, item) in items.enumerated() {
      guard case .scalar = item, let text = item.string else {
        report(item, "expect[\(i)]", "expected `METRIC OP NUMBER`, found \(Self.describe(item))")
        continue
      }
      do { expectations.append(try Expectation(parsing: text)) } catch { report(item, "expect[\(i)]", error.message) }
    }
  }

  /// `objectives:`, a list of `maximize METRIC` or `minimize METRIC`, each
  /// metric once.
  mutating func readObjectives(_ node: Node) {
    guard case let .sequence(items) = node, !items.isEmpty else {
      report(node, "objectives", "expected a list of objectives such as `- minimize numbers_obtained_per_1000`, found \(Self.describe(node))")
      return
    }
    for (i, item) in items.enumerated() {
      guard case .scalar = item, let text = item.string else {
        report(item, "objectives[\(i)]", "expected `maximize METRIC` or `minimize METRIC`, found \(Self.describe(item))")
        continue
      }
      do throws(ObjectiveSyntaxError) {
        let objective = try ScenarioObjective(parsing: text)
        if objectives.contains(where: { $0.metric == objective.metric }) {
          report(item, "objectives[\(i)]", "\(objective.metric.rawValue) is already an objective")
          continue
        }
        objectives.append(objective)
      } catch {
        report(item, "objectives[\(i)]", error.message)
      }
    }
  }

  /// `constraints:`, a list of `METRIC OP NUMBER` a design's front must
  /// meet; two that no value meets both are refused.
  mutating func readConstraints(_ node: Node) {
    guard case let .sequence(items) = node, !items.isEmpty else {
      report(node, "constraints", "expected a list of thresholds such as `- courier_reach_per_delivery >= 0.95`, found \(Self.describe(node))")
      return
    }
    for (i, item) in items.enumerated() {
      guard case .scalar = item, let text = item.string else {
        report(item, "constraints[\(i)]", "expected `METRIC OP NUMBER`, found \(Self.describe(item))")
        continue
      }
      do {
        let constraint = try Expectation(parsing: text)
        if let other = constraints.first(where: { $0.contradicts(constraint) }) {
          report(item, "constraints[\(i)]", "'\(constraint)' and '\(other)' contradict each other: no value meets both")
          continue
        }
        constraints.append(constraint)
      } catch {
        report(item, "constraints[\(i)]", error.message)
      }
    }
  }
}
