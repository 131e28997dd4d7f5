import PrivacyModel

/// A paired comparison made at every point of an exploration: the scenario
/// against a variant of itself, run with the same seed and replications.
/// Its effect is the scenario minus the variant, replication by
/// replication, so "R-W7 cuts exposure" can be checked across the whole
/// range of the assumptions rather than at their defaults only.
enum ExplorationContrast: Hashable, Sendable {
  /// `--effect-of RULE`: the variant has the rule switched off, exactly
  /// `--set disabled_rules=[RULE]`.
  case rule(RuleID)
  /// `--against PHASE`: the variant runs an earlier phase of the same
  /// platform under the scenario's own settings (only the phase replaced,
  /// as in `attribute`'s waterfall).
  case phase(Phase)

  /// Short name for headings and files: `effect of R-W7`,
  /// `change from taobao-11plus4`.
  var label: String {
    switch self {
    case .rule(let rule): "effect of \(rule.rawValue)"
    case .phase(let phase): "change from \(phase.id)"
    }
  }

  /// The variant's name: `without R-W7`, `taobao-11plus4`.
  var variantName: String {
    switch self {
    case .rule(let rule): "without \(rule.rawValue)"
    case .phase(let phase): phase.id
    }
  }

  /// `scenario` (already set to a point's values) turned into the variant.
  func variant(of scenario: Scenario) -> Scenario {
    var s = scenario
    switch self {
    case .rule(let rule): s.disabledRules.insert(rule)
    case .phase(let phase): s.schedule = [ScheduledPhase(phase)]
    }
    return s
  }

  /// Why the contrast means nothing for `scenario`, or `nil` when it is a
  /// fair comparison: a rule (switchable, as `--effect-of` checks) must be
  /// in force; a phase must
  /// be another phase of the same platform (never a cross-platform
  /// difference presented as a rule effect) and the scenario a single phase.
  func problem(in scenario: Scenario) -> String? {
    switch self {
    case .rule(let rule):
      return rule.notInForce(in: scenario)
    case .phase(let phase):
      guard scenario.schedule.count == 1 else {
        return "--against needs a scenario of one phase; \(scenario.name) has \(scenario.schedule.count)"
      }
      let own = scenario.schedule[0].phase
      guard own.platform == phase.platform else {
        return "\(phase.id) is a \(phase.platform.displayName) phase and \(scenario.name) a \(own.platform.displayName) one; a difference across platforms is not a rule effect"
      }
      guard own.id != phase.id else { return "\(phase.id) is the scenario's own phase" }
      return nil
    }
  }
}
