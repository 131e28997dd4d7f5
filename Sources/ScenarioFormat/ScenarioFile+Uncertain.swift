import PrivacyModel
import SimKernel
import Yams

extension ScenarioFile {
  /// The keys `uncertain: all-assumptions` varies: every single-number,
  /// whole-number or date key whose source is an assumption, over its
  /// documented plausible range, in the schema's order.
  public static var allAssumptions: [ScenarioUncertainty] {
    (ScenarioSchema.fields.filter(\.isAssumption).map(\.path) + [ScenarioUncertainty.campaignsPath])
      .compactMap { UncertainKey.named($0)?.overPlausibleRange }
  }

  /// What `all-assumptions` leaves fixed, with why: lists whose entries
  /// each carry several assumed figures.
  public static let fixedUnderAllAssumptions: [(path: String, reason: String)] = [
    ("couriers.carriers", "a list of carriers, each with its own share, coverage and call figures: vary them with --set in a sweep"),
    ("taobao.ramp", "the gray period's share of 700 orders by date (R-T4): vary it with --set in a sweep"),
  ]

  /// Reads `uncertain:` — either `all-assumptions`, or a mapping of key
  /// paths to `{uniform: {lower: L, upper: U}}` or `plausible` (the key's
  /// documented range). Every problem is reported at its node: unknown or
  /// non-numeric keys, bounds of the wrong kind, out of order or outside
  /// the key's domain, and a scenario value outside its range.
  mutating func readUncertain(_ node: Node, scenario: Scenario) -> [ScenarioUncertainty] {
    if let text = node.string, case .scalar = node {
      guard text == "all-assumptions" else {
        report(node, "uncertain", "expected `all-assumptions` or a mapping of key paths to {uniform: {lower, upper}} or `plausible`, found '\(text)'")
        return []
      }
      let list = Self.allAssumptions.filter { checkValueInside($0, node, scenario) }
      checkOrderedPairs(list, node, scenario)
      return list
    }
    guard case let .mapping(mapping) = node else {
      report(node, "uncertain", "expected `all-assumptions` or a mapping of key paths to {uniform: {lower, upper}} or `plausible`, found \(Self.describe(node))")
      return []
    }
    guard !mapping.isEmpty else {
      report(node, "uncertain", "expected at least one key to vary (a mapping of key paths to {uniform: {lower, upper}} or `plausible`), or `all-assumptions`; found an empty mapping")
      return []
    }
    var result: [ScenarioUncertainty] = []
    for (key, value) in mapping {
      guard let path = key.string else {
        report(key, "uncertain", "expected a key path, found \(Self.describe(key))")
        continue
      }
      let where_ = "uncertain.\(path)"
      guard let uncertainKey = UncertainKey.named(path) else {
        let known = ScenarioSchema.fields.filter { $0.uncertaintyScale != nil }.map(\.path) + [ScenarioUncertainty.campaignsPath]
        let hint = Suggestion.closest(to: path, in: known).map { "; did you mean '\($0)'?" } ?? ""
        report(key, where_, "unknown key path '\(path)'\(hint) (see `simrun list keys`)")
        continue
      }
      if value.string == "plausible", case .scalar = value {
        guard let u = uncertainKey.overPlausibleRange else {
          report(value, where_, "'\(path)' has no documented plausible range (only assumptions do); give {uniform: {lower, upper}}")
          continue
        }
        if checkValueInside(u, value, scenario) { result.append(u) }
        continue
      }
      guard let bounds = Self.child(value, "uniform"), case .mapping = bounds,
        case let .mapping(outer) = value, outer.count == 1
      else {
        report(value, where_, "expected {uniform: {lower: L, upper: U}} or `plausible`, found \(Self.describe(value))")
        continue
      }
      guard case let .mapping(inner) = bounds, inner.count == 2,
        let lowerNode = Self.child(bounds, "lower"), let upperNode = Self.child(bounds, "upper")
      else {
        report(bounds, "\(where_).uniform", "expected exactly the keys lower and upper")
        continue
      }
      guard let lower = bound(lowerNode, "\(where_).uniform.lower", uncertainKey),
        let upper = bound(upperNode, "\(where_).uniform.upper", uncertainKey)
      else { continue }
      guard lower < upper else {
        report(upperNode, "\(where_).uniform.upper", "expected an upper bound above the lower bound (\(ScenarioTemplate.number(lower))), found \(upperNode.string ?? "")")
        continue
      }
      let u = ScenarioUncertainty(path: path, lower: lower, upper: upper, scale: uncertainKey.scale, origin: "scenario")
      if checkValueInside(u, value, scenario) { result.append(u) }
    }
    checkOrderedPairs(result, node, scenario)
    return result
  }

  /// Keys the file reader requires in order, a ≤ b.
  static let orderedPairs = [("merchants.min_orders_per_day", "merchants.max_orders_per_day"),
                             ("couriers.adaptation_start", "couriers.adaptation_complete"),
                             ("g_group.shop_level_limit", "g_group.order_limit"), ("g_group.per_call_limit", "g_group.order_limit"),
                             ("g_group.order_limit", "g_group.list_limit")]

  /// Keys the file reader requires in order (a ≤ b, or a + b ≤ 1) must stay
  /// so at every point: the ranges may not admit a combination the reader
  /// would refuse.
  private mutating func checkOrderedPairs(_ list: [ScenarioUncertainty], _ node: Node, _ scenario: Scenario) {
    func range(_ path: String) -> ClosedRange<Double>? {
      if let u = list.first(where: { $0.path == path }) { return u.lower...u.upper }
      return ScenarioSchema.byPath[path]?.numericValue(in: scenario).map { $0...$0 }
    }
    for (a, b) in Self.orderedPairs where list.contains(where: { $0.path == a || $0.path == b }) {
      guard let ra = range(a), let rb = range(b), ra.upperBound > rb.lowerBound else { continue }
      report(node, "uncertain", "the ranges let \(a) exceed \(b) (the reader requires \(a) ≤ \(b)); make \(a)'s upper bound at most \(b)'s lower bound")
    }
    let eager = "merchants.registration_eager_share", lazy = "merchants.registration_lazy_share"
    if list.contains(where: { $0.path == eager || $0.path == lazy }), let re = range(eager), let rl = range(lazy),
      re.upperBound + rl.upperBound > 1 + 1e-12
    {
      report(node, "uncertain", "the ranges let \(eager) + \(lazy) exceed 1 (upper bounds \(ScenarioTemplate.number(re.upperBound)) + \(ScenarioTemplate.number(rl.upperBound))); lower one of them")
    }
  }

  /// One bound, in the key's own kind and domain.
  private mutating func bound(_ node: Node, _ path: String, _ key: UncertainKey) -> Double? {
    guard case .scalar = node, let text = node.string else {
      report(node, path, "expected \(key.expectation), found \(Self.describe(node))")
      return nil
    }
    if key.scale == .date {
      guard let date = CivilDate(iso8601: text) else {
        report(node, path, "expected a date YYYY-MM-DD, found '\(text)'")
        return nil
      }
      return Double(date.daysSinceEpoch)
    }
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

  /// The scenario's own value of the key must lie in the range explored
  /// around it (for a multiplier: 1, the value as given).
  private mutating func checkValueInside(_ u: ScenarioUncertainty, _ node: Node, _ scenario: Scenario) -> Bool {
    guard let key = UncertainKey.named(u.path), let value = key.value(scenario) else { return false }
    guard value >= u.lower && value <= u.upper else {
      let what = u.scale == .multiplier ? " (\(key.expectation))" : ""
      report(node, "uncertain.\(u.path)", "the scenario's value of \(u.path), \(u.scale.text(value))\(what), lies outside the range \(u.rangeText); widen the range or change the value")
      return false
    }
    return true
  }
}
