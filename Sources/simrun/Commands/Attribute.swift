import ScenarioFormat
import ArgumentParser
import PrivacyModel

/// `simrun attribute`: what each rule in force does in a scenario.
struct Attribute: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What each rule in force does in a scenario: paired effects with 95% intervals, and the waterfall.",
    discussion: """
      Runs the scenario as given and once with each rule in force that can be \
      switched off (those `disabled_rules` accepts: `simrun list keys`) \
      switched off, all with the same seed and replications (common random \
      numbers). A rule's effect is the scenario minus the scenario without \
      it, replication by replication, with its 95% interval; an effect whose \
      interval contains 0 is marked "no measurable effect", and rules without \
      a measurable effect on any metric are listed. Switching a rule off \
      here is exactly `--set disabled_rules=[RULE]`. For a scenario of one \
      phase, the waterfall then goes from its platform's baseline phase to \
      its own, one phase at a time, each earlier phase at its own start date \
      (as `compare` runs it) and otherwise under the scenario's settings, so \
      a step equals `compare`'s step-by-step difference of the same two \
      phases. Where the single-rule effects do not add up to the total change \
      from the baseline, the report says that the rules overlap.

      Examples:
        simrun attribute taobao-700-full
        simrun attribute wechat-2026-01-aftersale-vn --replications 20 --out results/attribution
        simrun attribute wechat-2025-10-virtual-number --rules R-W1,R-W7 --format csv
      """)

  @Argument(help: "A scenario file (.yaml) or a phase id.")
  var scenario: String

  @Option(help: ArgumentHelp("Only these rules (comma-separated IDs); default: every rule in force that can be switched off.",
                             valueName: "R-…,R-…"))
  var rules: String?

  @OptionGroup var options: RunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let message = ScenarioSources.unknownArgumentMessage(scenario) { throw ValidationError(message) }
    _ = try requestedRules()
  }

  /// The IDs given with `--rules`, checked against the catalogue.
  func requestedRules() throws -> [RuleID]? {
    try rules.map { try RuleID.switchableList($0, option: "--rules") }
  }

  func run() throws {
    let execution = Execution(options: options, output: output)
    guard let document = try execution.load([scenario]).first else { return }
    let base = document.scenario
    let inForce = RuleID.switchable.filter(base.rulesInForce.contains)
    let chosen: [RuleID]
    if let requested = try requestedRules() {
      for rule in requested {
        guard let reason = rule.notInForce(in: base) else { continue }
        printError("simrun: \(reason)"
          + "; rules in force that can be switched off: \(inForce.isEmpty ? "none" : inForce.map(\.rawValue).joined(separator: ", ")).")
        throw SimRunExit.invalidInput
      }
      chosen = requested
    } else {
      chosen = inForce
    }
    guard !chosen.isEmpty else {
      printError("simrun: \(ScenarioDiagnostic.printable(base.name)) has no rule in force that can be switched off; nothing to attribute.")
      throw SimRunExit.invalidInput
    }
    var items = [Execution.Item(id: base.name, document: document)]
    for rule in chosen {
      var variant = document
      variant.scenario.disabledRules.insert(rule)
      items.append(Execution.Item(id: "without \(rule.rawValue)", document: variant))
    }
    // The waterfall: the platform's phases up to the scenario's, each at
    // its own start date (a phase's rules can depend on the date: the gray
    // period at the full rollout's dates has every order on 700 numbers)
    // and otherwise under the scenario's settings: what `compare` runs.
    var waterfall: [Int] = []
    if base.schedule.count == 1 {
      let phase = base.schedule[0].phase
      let earlier = Phase.all.filter { $0.platform == phase.platform }.prefix { $0.id != phase.id }
      for p in earlier {
        var variant = document
        variant.scenario.schedule = [ScheduledPhase(p)]
        variant.scenario.moveStart(to: Scenario(phase: p).start)
        waterfall.append(items.count)
        items.append(Execution.Item(id: p.id, document: variant))
      }
      waterfall.append(0)
    }
    let report = try execution.run(.attribute, items)
    try execution.emit(AttributionReport(run: report, rules: chosen, waterfall: waterfall))
  }
}
