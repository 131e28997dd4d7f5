import Analysis
import ArgumentParser
import Foundation
import PrivacyModel
import ScenarioFormat

/// `simrun design`: the settings of a scenario's levers that best trade the
/// objectives off, robust across the uncertain figures.
struct DesignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "design",
    abstract: "Design the next rule phase: the lever settings on the privacy-versus-reach front, with intervals.",
    discussion: """
      Searches the scenario's levers (its `levers:` section, or --levers: rule \
      parameters a platform sets, see the class column of `simrun list keys`) \
      with NSGA-II for the settings no other beats on every objective \
      (default: minimise numbers_obtained_per_1000, maximise \
      courier_reach_per_delivery and merchant_contact_fulfilment), meeting any \
      --require thresholds. Every setting runs with the same seeds (common \
      random numbers); the front's settings run again with --confirm \
      replications, and one that another beats on the means is dropped only \
      when a paired difference shows it (Holm over the objectives), else kept \
      and marked. With uncertain keys (its `uncertain:` section, --uncertain, \
      or --robust for all assumptions) every setting runs in the same \
      --worlds sampled worlds and is scored by --robustness. --out also \
      writes each front point as front-K.yaml, for compare and attribute \
      (docs/design.md).

      Examples:
        simrun design examples/design/wechat-quota-levers.yaml --population 8 --generations 2 --replications 2 --confirm 3 --days 10 --set orders.orders_per_day=300
        simrun design wechat-2024-04-quota --levers '{merchants.daily_base_quota: {range: [0, 40]}}' --objective 'minimize numbers_obtained_per_1000' --objective 'maximize merchant_contact_fulfilment' --population 8 --generations 2 --replications 2 --confirm 3 --days 10 --set orders.orders_per_day=300
      """)

  @Argument(help: "A scenario file (.yaml) with `levers:`, or a phase id with --levers.")
  var scenario: String

  @Option(help: ArgumentHelp("The levers, replacing the scenario's `levers:` (YAML: {KEY: {range: [lower, upper]} or {choices: [a, b, …]}, …}).",
                             valueName: "{KEY: VALUES, …}"))
  var levers: String?

  @Option(help: ArgumentHelp("An objective, `maximize METRIC` or `minimize METRIC` (repeatable; replaces the file's `objectives:`; default: the privacy-versus-reach three).",
                             valueName: "DIRECTION METRIC"))
  var objective: [String] = []

  @Option(name: .customLong("require"),
          help: ArgumentHelp("A constraint every setting of the front must meet, `METRIC OP NUMBER` (repeatable; replaces the file's `constraints:`).", valueName: "CONDITION"))
  var requirements: [String] = []

  @Option(parsing: .unconditional, help: "Settings per generation (even, default 24).",
          transform: { try RunOptions.wholeNumber($0, option: "--population", expected: "an even whole number from 8 to 1000") })
  var population: Int = 24

  @Option(parsing: .unconditional, help: "Generations after the first (default 10).",
          transform: { try RunOptions.wholeNumber($0, option: "--generations", expected: "a whole number from 1 to 500") })
  var generations: Int = 10

  @Option(parsing: .unconditional, help: "Replications of each setting in the search (default 3).",
          transform: { try RunOptions.wholeNumber($0, option: "--replications", expected: "a whole number from 1 to 100") })
  var replications: Int = 3

  @Option(parsing: .unconditional, help: "Replications of each front setting when it is run again (default 10; at least 3).",
          transform: { try RunOptions.wholeNumber($0, option: "--confirm", expected: "a whole number from 3 to 200") })
  var confirm: Int = 10

  @Option(help: ArgumentHelp("Uncertain keys to be robust over, replacing the scenario's `uncertain:`, as for explore.",
                             valueName: "all-assumptions|{KEY: RANGE, …}"))
  var uncertain: String?

  @Flag(help: "Be robust over every assumption's plausible range (`--uncertain all-assumptions`, less the levers) when the scenario has no `uncertain:`.")
  var robust = false

  @Option(parsing: .unconditional, help: "Worlds sampled from the uncertain keys (default 8).",
          transform: { try RunOptions.wholeNumber($0, option: "--worlds", expected: "a whole number from 2 to 200") })
  var worlds: Int = 8

  @Option(help: "How a setting is scored over the worlds: mean, percentile (the worst decile), satisficing or regret (default mean).")
  var robustness: String = "mean"

  @Option(name: .customLong("satisficing-share"), help: "With --robustness satisficing: the share of worlds that must meet every --require (default 0.8).")
  var satisficingShare: Double = 0.8

  @OptionGroup var experiment: ExperimentOptions

  @Option(help: "What to print on standard output: table, csv (the front), json or markdown.")
  var format: OutputOptions.Format = .table

  @Option(help: ArgumentHelp("Also write front.csv, settings.csv, results.json, summary.md, report.html and front-K.yaml into this folder (created if needed; files replaced atomically).",
                             valueName: "DIR"))
  var out: String?

  @OptionGroup var display: ReportDisplayOptions

  func validate() throws {
    if let message = ScenarioSources.unknownArgumentMessage(scenario) { throw ValidationError(message) }
    guard (8...1_000).contains(population), population.isMultiple(of: 2) else {
      throw ValidationError("--population must be an even whole number from 8 to 1000, got \(population).")
    }
    guard (1...500).contains(generations) else { throw ValidationError("--generations must be a whole number from 1 to 500, got \(generations).") }
    guard (1...100).contains(replications) else { throw ValidationError("--replications must be a whole number from 1 to 100, got \(replications).") }
    guard (3...200).contains(confirm) else {
      throw ValidationError("--confirm must be a whole number from 3 to 200 (fewer give no interval to judge the front by), got \(confirm).")
    }
    guard (2...200).contains(worlds) else { throw ValidationError("--worlds must be a whole number from 2 to 200, got \(worlds).") }
    guard DesignRobustness(rawValue: robustness) != nil else {
      throw ValidationError("--robustness must be one of \(DesignRobustness.allCases.map(\.rawValue).joined(separator: ", ")), got '\(robustness)'.")
    }
    guard satisficingShare > 0 && satisficingShare <= 1 else {
      throw ValidationError("--satisficing-share must be a number above 0 and at most 1, got \(satisficingShare).")
    }
    if let levers { _ = try Override(validating: "levers=\(levers)", option: "--levers") }
    if let uncertain { _ = try Override(validating: "uncertain=\(uncertain)", option: "--uncertain") }
    let parsed = try objective.map { text -> DesignObjective in
      do throws(ObjectiveSyntaxError) { return try DesignObjective(parsing: text) } catch { throw ValidationError("--objective: \(error.message)") }
    }
    if let twice = parsed.map(\.metric).firstDuplicate { throw ValidationError("--objective names \(twice.rawValue) twice.") }
    let constraints = try requirements.map { text -> Expectation in
      do throws(ExpectationSyntaxError) { return try Expectation(parsing: text) } catch { throw ValidationError("--require: \(error.message)") }
    }
    for (i, a) in constraints.enumerated() {
      for b in constraints[(i + 1)...] where a.contradicts(b) {
        throw ValidationError("--require '\(a)' and '\(b)' contradict each other: no value meets both.")
      }
    }
  }

  func run() throws {
    let output = try OutputOptions.reporting(format: format, out: out, display: display)
    let execution = Execution(options: try RunOptions.parse([]), output: output)
    try execution.checkOutputFolder()
    var overrides = try experiment.overrides
    if let levers { overrides.append(try Override(validating: "levers=\(levers)", option: "--levers")) }
    if let uncertain { overrides.append(try Override(validating: "uncertain=\(uncertain)", option: "--uncertain")) }
    var document: ScenarioDocument
    var allAssumptions = false
    do {
      document = try ScenarioSources.document(scenario, overrides: overrides)
      if robust && document.uncertainties.isEmpty {
        document = try ScenarioSources.document(scenario, overrides: overrides + [try Override(validating: "uncertain=all-assumptions", option: "--robust")])
        allAssumptions = true
      }
    } catch let error as ScenarioFileError {
      printError(error.description)
      throw SimRunExit.invalidInput
    }
    guard !document.levers.isEmpty else {
      printError("simrun: \(scenario): no levers: give the scenario a `levers:` section or use --levers (only rule parameters a platform sets, see the class column of `simrun list keys`).")
      throw SimRunExit.invalidInput
    }
    // Every assumption but the levers themselves (a design sets those).
    let worldKeys = allAssumptions
      ? document.uncertainties.filter { key in !document.levers.contains { $0.path == key.path } } : document.uncertainties
    if let both = document.levers.first(where: { l in worldKeys.contains { $0.path == l.path } }) {
      printError("simrun: \(both.path) is both a lever and an uncertain key: a design sets it, so the worlds cannot vary it; leave it out of `uncertain:` (or --uncertain).")
      throw SimRunExit.invalidInput
    }
    // The command line's objectives and constraints replace the file's.
    let objectives = !objective.isEmpty ? try objective.map { try DesignObjective(parsing: $0) }
      : document.objectives.isEmpty ? DesignObjective.defaults : document.objectives
    let constraints = !requirements.isEmpty ? try requirements.map { try Expectation(parsing: $0) } : document.constraints
    let robustnessChoice = DesignRobustness(rawValue: robustness)!
    if robustnessChoice != .mean && worldKeys.isEmpty {
      printError("simrun: --robustness \(robustnessChoice.rawValue) scores a setting over sampled worlds: give uncertain keys (the scenario's `uncertain:`, --uncertain, or --robust).")
      throw SimRunExit.invalidInput
    }
    if robustnessChoice == .satisficing && (constraints.isEmpty || worldKeys.isEmpty) {
      printError("simrun: --robustness satisficing scores the share of worlds meeting every --require: give uncertain keys (or --robust) and at least one --require.")
      throw SimRunExit.invalidInput
    }
    var base = document.scenario
    base.maxOrdersInFlight = Scenario.defaultMaxOrdersInFlight
    let worldPoints = worldKeys.isEmpty ? [[]] : LatinHypercube.sample(
      count: worlds, dimension: worldKeys.count, stream: AnalysisStream(seed: experiment.seed, purpose: .latinHypercube)
    ).map { u in zip(worldKeys.map(ExplorationDesign.factor), u).map { $0.value(at: $1) } }
    let settings = Design.Settings(
      levers: document.levers, base: base, objectives: objectives, constraints: constraints, worldKeys: worldKeys, worlds: worldPoints,
      robustness: robustnessChoice, satisficingShare: satisficingShare, population: population, generations: generations,
      replications: replications, confirmReplications: confirm, seed: experiment.seed, threads: experiment.threads, quiet: display.quiet)
    var design = Design(settings: settings)
    try design.run()
    if Execution.planningStages { throw Execution.NothingToPlan(stages: design.stages) }
    try execution.emit(DesignReport(command: RunReport.commandLine, design: design))
  }
}

extension Array where Element: Hashable {
  /// The first element that appears a second time.
  var firstDuplicate: Element? {
    var seen = Set<Element>()
    return first { !seen.insert($0).inserted }
  }
}
