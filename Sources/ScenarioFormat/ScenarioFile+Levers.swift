import PrivacyModel
import SimKernel
import Yams

extension ScenarioFile {
  /// Reads `levers:` — a mapping of key paths to `{range: [lower, upper]}` or
  /// `{choices: [a, b, …]}`. Only keys a platform sets (class rule parameter
  /// or assumed rule figure) may be levers; every problem is reported at its
  /// node: an unknown key, a key of another class, a list key, bounds of the
  /// wrong kind, out of order or outside the key's domain, fewer than two
  /// choices or a repeated one, and ranges that would let the reader's
  /// ordered pairs (g_group limits, adaptation dates) cross.
  mutating func readLevers(_ node: Node, scenario: Scenario) -> [ScenarioLever] {
    let expected = "a mapping of key paths to {range: [lower, upper]} or {choices: [a, b, …]}"
    guard case let .mapping(mapping) = node, !mapping.isEmpty else {
      report(node, "levers", "expected \(expected), found \(Self.describe(node))")
      return []
    }
    var result: [ScenarioLever] = []
    for (key, value) in mapping {
      guard let path = key.string else {
        report(key, "levers", "expected a key path, found \(Self.describe(key))")
        continue
      }
      let where_ = "levers.\(path)"
      guard let keyClass = ScenarioSchema.keyClasses[path] else {
        let hint = Suggestion.closest(to: path, in: Array(ScenarioSchema.keyClasses.keys)).map { "; did you mean '\($0)'?" } ?? ""
        report(key, where_, "unknown key path '\(path)'\(hint) (see `simrun list keys`)")
        continue
      }
      guard keyClass.isLever else {
        report(key, where_, "'\(path)' is not something a platform sets (class: \(keyClass.rawValue), \(keyClass.explanation)): only rule parameters and assumed rule figures can be levers (see the class column of `simrun list keys`)")
        continue
      }
      guard let field = ScenarioSchema.byPath[path], let uncertain = UncertainKey.named(path) else {
        report(key, where_, "'\(path)' is a list; a lever must be one value (a number, a whole number, a date, a switch or a factor on a distribution)")
        continue
      }
      guard case let .mapping(spec) = value, spec.count == 1, let kind = spec.first?.key.string, ["range", "choices"].contains(kind),
        case let .sequence(items) = spec.first!.value
      else {
        report(value, where_, "expected {range: [lower, upper]} or {choices: [a, b, …]}, found \(Self.describe(value))")
        continue
      }
      let at = "\(where_).\(kind)"
      guard kind == "choices" || uncertain.scale != .boolean else {
        report(value, where_, "a switch takes {choices: [true, false]}, not a range")
        continue
      }
      var numbers: [Double] = []
      for item in items {
        guard let x = leverValue(item, at, uncertain) else { continue }
        numbers.append(x)
      }
      guard numbers.count == items.count else { continue }
      let values: ScenarioLever.Values
      if kind == "range" {
        guard numbers.count == 2 else {
          report(spec.first!.value, at, "expected two bounds [lower, upper], found \(numbers.count)")
          continue
        }
        guard numbers[0] < numbers[1] else {
          report(items[1], at, "expected an upper bound above the lower bound (\(uncertain.scale.text(numbers[0]))), found \(uncertain.scale.text(numbers[1]))")
          continue
        }
        values = .range(lower: numbers[0], upper: numbers[1])
      } else {
        guard numbers.count >= 2 else {
          report(spec.first!.value, at, "expected at least two choices (one value is not a lever: set it with --set), found \(numbers.count)")
          continue
        }
        if let repeated = numbers.indices.first(where: { numbers[..<$0].contains(numbers[$0]) }) {
          report(items[repeated], at, "the choice \(uncertain.scale.text(numbers[repeated])) appears twice")
          continue
        }
        values = .choices(numbers)
      }
      result.append(ScenarioLever(path: path, scale: uncertain.scale, values: values, keyClass: keyClass, source: field.source))
    }
    checkLeverPairs(result, node, scenario)
    return result
  }

  /// One value of a lever: `true`/`false` for a switch, a date, or a number
  /// in the key's domain (whole for whole-number keys; a factor for a
  /// distribution).
  private mutating func leverValue(_ node: Node, _ path: String, _ key: UncertainKey) -> Double? {
    guard case .scalar = node, let text = node.string else {
      report(node, path, "expected \(key.expectation), found \(Self.describe(node))")
      return nil
    }
    switch key.scale {
    case .boolean:
      switch text.lowercased() {
      case "true": return 1
      case "false": return 0
      default:
        report(node, path, "expected true or false, found '\(text)'")
        return nil
      }
    case .date:
      guard let date = CivilDate(iso8601: text) else {
        report(node, path, "expected a date YYYY-MM-DD, found '\(text)'")
        return nil
      }
      return Double(date.daysSinceEpoch)
    case .continuous, .integer, .multiplier:
      guard let x = Double(text), x.isFinite, key.scale != .integer || x.rounded() == x else {
        report(node, path, "expected \(key.expectation), found '\(text)'")
        return nil
      }
      if let domain = key.domain, !domain.contains(x) {
        report(node, path, "expected \(key.expectation) (the key's domain), found '\(text)'")
        return nil
      }
      return x
    }
  }

  /// Lever ranges may not let the reader's ordered pairs cross (a design
  /// would propose scenarios the reader refuses).
  private mutating func checkLeverPairs(_ levers: [ScenarioLever], _ node: Node, _ scenario: Scenario) {
    func range(_ path: String) -> ClosedRange<Double>? {
      if let lever = levers.first(where: { $0.path == path }) { return lever.bounds }
      return ScenarioSchema.byPath[path]?.numericValue(in: scenario).map { $0...$0 }
    }
    for (a, b) in Self.orderedPairs where levers.contains(where: { $0.path == a || $0.path == b }) {
      guard let ra = range(a), let rb = range(b), ra.upperBound > rb.lowerBound else { continue }
      report(node, "levers", "the levers let \(a) exceed \(b) (the reader requires \(a) ≤ \(b)); make \(a)'s largest value at most \(b)'s smallest")
    }
  }
}
