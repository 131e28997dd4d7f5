import PrivacyModel

/// What `uncertain:` needs to know of a key it can vary: its scale, the
/// values its bounds may take (and how to say so), its documented plausible
/// range and the scenario's own value on that scale. One description for a
/// schema key and for the campaigns list, so both are read and checked by
/// the same code.
struct UncertainKey {
  let path: String
  let scale: ScenarioUncertainty.Scale
  /// What a bound must be, for messages.
  let expectation: String
  let domain: ClosedRange<Double>?
  let plausible: PlausibleRange?
  /// The scenario's value on the key's scale (1 for a multiplier).
  let value: (Scenario) -> Double?

  /// The key at `path`, or `nil` for a path that is neither a schema key
  /// nor the campaigns list.
  static func named(_ path: String) -> UncertainKey? {
    if path == ScenarioUncertainty.campaignsPath {
      return UncertainKey(path: path, scale: .multiplier,
                          expectation: "a factor on each campaign's extra orders over a normal day, from 0 to 10 (1: as given)",
                          domain: 0...10, plausible: ScenarioSchema.plausibleRanges[path], value: { _ in 1 })
    }
    guard let field = ScenarioSchema.byPath[path], let scale = field.uncertaintyScale else { return nil }
    let domain = field.numericDomain
    let expectation: String
    switch scale {
    case .multiplier:
      let range = domain.map { "from \(ScenarioTemplate.number($0.lowerBound)) to \(ScenarioTemplate.number($0.upperBound)) " } ?? ""
      expectation = "a factor \(range)on the key's own value (1: as given)"
    case .boolean: expectation = "0 (false) or 1 (true)"
    case .continuous, .integer, .date: expectation = field.kind.expectation
    }
    return UncertainKey(path: path, scale: scale, expectation: expectation, domain: domain, plausible: field.plausible,
                        value: { field.numericValue(in: $0) })
  }

  /// The key over its plausible range.
  var overPlausibleRange: ScenarioUncertainty? {
    plausible.map { ScenarioUncertainty(path: path, lower: $0.lower, upper: $0.upper, scale: scale, origin: "plausible range") }
  }
}
