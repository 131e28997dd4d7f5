import ArgumentParser
import PrivacyModel
import ScenarioFormat

extension RuleID {
  /// The rules of a comma-separated command-line list (`R-W1,r-w7`): each
  /// known, one that `disabled_rules` accepts, and none named twice
  /// (`attribute --rules`, `explore --effect-of`).
  static func switchableList(_ text: String, option: String) throws -> [RuleID] {
    var list: [RuleID] = []
    for id in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let rule = RuleID(rawValue: id.uppercased()) else {
        throw ValidationError("\(option): unknown rule '\(ScenarioDiagnostic.printable(id))' (see `simrun list rules`).")
      }
      guard RuleID.switchable.contains(rule) else {
        throw ValidationError("\(option): \(rule.rawValue) cannot be switched off; these can: \(RuleID.switchable.map(\.rawValue).joined(separator: ", ")).")
      }
      guard !list.contains(rule) else { throw ValidationError("\(option): \(rule.rawValue) is named twice.") }
      list.append(rule)
    }
    return list
  }

  /// Why this rule cannot be switched off in `scenario` (it is not in
  /// force there), or `nil` when it can.
  func notInForce(in scenario: Scenario) -> String? {
    guard !scenario.rulesInForce.contains(self) else { return nil }
    return "\(rawValue) is not in force in \(ScenarioDiagnostic.printable(scenario.name))"
      + (scenario.disabledRules.contains(self) ? " (the scenario switches it off)" : "")
  }
}
