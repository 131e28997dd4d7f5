import Analysis
import ArgumentParser
import Foundation
import PrivacyModel
import ScenarioFormat
import SimKernel

/// `simrun explore`: global sensitivity, uncertainty and scenario discovery
/// over a scenario's uncertain keys.
struct Explore: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "How much the results rest on assumed figures: Sobol indices, Morris screening, uncertainty, PRIM.",
    discussion: """
      Varies the scenario's uncertain keys (its `uncertain:` section, or \
      --uncertain) over their ranges and runs the scenario at every point of \
      the method's design, all points with the same seed (common random \
      numbers). --method sobol: first-order and total Sobol indices (Saltelli \
      design, N (k + 2) points for k keys, --samples N); morris: elementary \
      effects (r (k + 1) points, --samples r); uncertainty: each metric's \
      spread over the ranges, apart from replication noise (a Latin \
      hypercube of --samples points). --discover finds, with PRIM, the region \
      of the ranges where a condition holds. --effect-of RULE and --against \
      PHASE also run, at every point, the scenario with the rule switched off \
      or with another phase of its platform, and analyse the paired \
      effect too: its indices say which assumptions a conclusion about the \
      rule rests on, its spread whether it keeps its sign across the whole \
      range. --metrics picks the metrics analysed (default: the headline \
      metrics); points.csv always has all.

      Examples:
        simrun explore taobao-700-full --uncertain all-assumptions --samples 16 --days 20 --set orders.orders_per_day=500
        simrun explore wechat-2025-10-virtual-number --method morris --uncertain all-assumptions --samples 4 --days 20 --set orders.orders_per_day=500 --metrics merchant_contact_fulfilment
        simrun explore wechat-2025-10-virtual-number --method uncertainty --effect-of R-W7 --uncertain all-assumptions --samples 20 --replications 2 --days 20 --set orders.orders_per_day=500 --metrics merchant_contact_fulfilment,real_number_exposures_per_1000
        simrun explore taobao-700-full --method uncertainty --uncertain '{couriers.gift_coverage: {uniform: {lower: 0, upper: 1}}, couriers.installation_share: plausible}' --samples 20 --replications 2 --days 20 --set orders.orders_per_day=500 --discover 'courier_reach_per_delivery < 0.92'
      """)

  @Argument(help: "A scenario file (.yaml) or a phase id.")
  var scenario: String

  @Option(help: "sobol, morris or uncertainty.")
  var method: ExplorationMethod = .sobol

  @Option(help: ArgumentHelp("The uncertain keys, replacing the file's `uncertain:`: all-assumptions, or a mapping such as '{contact.official_message_response: {uniform: {lower: 0.3, upper: 0.8}}, couriers.gift_coverage: plausible}'.",
                             valueName: "all-assumptions|{KEY: RANGE, …}"))
  var uncertain: String?

  @Option(parsing: .unconditional,
          help: "Sobol: base samples N (default 64); morris: trajectories (default 10); uncertainty: points (default 100).",
          transform: { try RunOptions.wholeNumber($0, option: "--samples", expected: "a whole number from 2 to 100000") })
  var samples: Int?

  @Option(parsing: .unconditional, help: "Morris: grid levels per key (an even number, default 4).",
          transform: { try RunOptions.wholeNumber($0, option: "--levels", expected: "an even whole number from 2 to 100") })
  var levels: Int = 4

  @Option(parsing: .unconditional,
          help: "Replications per point (default 1; uncertainty needs at least 2 to separate replication noise).",
          transform: { try RunOptions.wholeNumber($0, option: "--replications", expected: "a whole number from 1 to 1000") })
  var replications: Int?

  @Option(name: .customLong("effect-of"),
          help: ArgumentHelp("Also analyse each rule's paired effect (comma-separated IDs; the rule switched off at every point).",
                             valueName: "R-…,R-…"))
  var effectOf: String?

  @Option(help: ArgumentHelp("Also analyse the paired change from another phase of the scenario's platform (comma-separated phase ids).",
                             valueName: "PHASE,…"))
  var against: String?

  @Option(help: ArgumentHelp("Scenario discovery: the region where the condition holds (PRIM).", valueName: "METRIC OP NUMBER"))
  var discover: String?

  @OptionGroup var experiment: ExperimentOptions

  var seed: UInt64 { experiment.seed }
  var threads: Int? { experiment.threads }

  @OptionGroup var exploreOutput: ExploreOutputOptions

  /// The output settings as the running commands hold them.
  var output: OutputOptions { get throws { try exploreOutput.asOutputOptions } }

  /// The most simulation runs (points × replications) one exploration may ask for.
  static let maxRuns = 1_000_000

  var pointReplications: Int { replications ?? (method == .uncertainty ? 2 : 1) }
  var sampleCount: Int { samples ?? (method == .sobol ? 64 : method == .morris ? 10 : 100) }

  var overrides: [Override] {
    get throws {
      var list = try experiment.overrides
      if let uncertain { list.append(try Override(validating: "uncertain=\(uncertain)", option: "--uncertain")) }
      return list
    }
  }


  func condition() throws -> Expectation? {
    guard let discover else { return nil }
    do {
      return try Expectation(parsing: discover)
    } catch {
      throw ValidationError("--discover: \(error.message)")
    }
  }

  /// `--effect-of` and `--against`, checked against the catalogues (whether
  /// they fit the scenario is checked once it is read).
  func requestedContrasts() throws -> [ExplorationContrast] {
    var list = try effectOf.map { try RuleID.switchableList($0, option: "--effect-of").map(ExplorationContrast.rule) } ?? []
    let phases = against?.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    for id in phases {
      guard let phase = Phase.named(id) else {
        throw ValidationError("--against: unknown phase '\(ScenarioDiagnostic.printable(id))'; phases: \(Phase.all.map(\.id).joined(separator: ", ")).")
      }
      guard !list.contains(.phase(phase)) else { throw ValidationError("--against: \(phase.id) is named twice.") }
      list.append(.phase(phase))
    }
    return list
  }

  func validate() throws {
    if let message = ScenarioSources.unknownArgumentMessage(scenario) { throw ValidationError(message) }
    guard (2...100_000).contains(sampleCount) else { throw ValidationError("--samples must be a whole number from 2 to 100000, got \(sampleCount).") }
    guard levels >= 2, levels <= 100, levels % 2 == 0 else { throw ValidationError("--levels must be an even whole number from 2 to 100, got \(levels).") }
    guard (1...1_000).contains(pointReplications) else {
      throw ValidationError("--replications must be a whole number from 1 to 1000, got \(pointReplications).")
    }
    if method == .uncertainty && pointReplications < 2 {
      throw ValidationError("--method uncertainty needs --replications of at least 2, to tell the inputs' spread from replication noise.")
    }
    _ = try overrides
    _ = try condition()
    _ = try requestedContrasts()
  }

  /// The scenario with the overrides and `--uncertain` applied; a bad
  /// file or value is reported with its location (exit 64).
  func loadDocument() throws -> ScenarioDocument {
    let overrides = try self.overrides
    do {
      return try ScenarioSources.document(scenario, overrides: overrides)
    } catch {
      printError(error.description)
      throw SimRunExit.invalidInput
    }
  }

  func run() throws {
    let output = try self.output
    let execution = Execution(options: try RunOptions.parse([]), output: output)
    try execution.checkOutputFolder()
    let document = try loadDocument()
    let uncertainties = document.uncertainties
    guard !uncertainties.isEmpty else {
      printError("simrun: \(scenario): no uncertain keys: give the scenario an `uncertain:` section or use --uncertain all-assumptions (see `simrun list keys` for the plausible ranges).")
      throw SimRunExit.invalidInput
    }
    let contrasts = try requestedContrasts()
    for contrast in contrasts {
      if let problem = contrast.problem(in: document.scenario) {
        printError("simrun: \(problem).")
        throw SimRunExit.invalidInput
      }
    }
    let k = uncertainties.count
    let points = method == .sobol ? sampleCount * (k + 2) : method == .morris ? sampleCount * (k + 1) : sampleCount
    let variants = 1 + contrasts.count
    let (runs, overflow) = (points + 1).multipliedReportingOverflow(by: pointReplications * variants)
    guard !overflow, runs <= Self.maxRuns else {
      printError("simrun: \(points) points × \(variants) variant\(variants == 1 ? "" : "s") × \(pointReplications) replications is more than \(Self.maxRuns) runs; lower --samples or --replications.")
      throw SimRunExit.invalidInput
    }
    let design = ExplorationDesign(method: method, uncertainties: uncertainties, samples: sampleCount, levels: levels, seed: seed)
    var base = document.scenario
    base.maxOrdersInFlight = Scenario.defaultMaxOrdersInFlight
    // Point p's variant v is scenarios[p * variants + v]; after the points,
    // the base case (the scenario's own values) and its variants, to mark
    // on the charts. Each is made when it runs (or is planned).
    let scenarios = ScenarioList(count: (points + 1) * variants) { [design, base, contrasts] i in
      let (p, v) = i.quotientAndRemainder(dividingBy: variants)
      let point = p == points ? base : design.scenario(base, at: design.values[p])
      return v == 0 ? point : contrasts[v - 1].variant(of: point)
    }
    let r = pointReplications
    let names = (0...points).flatMap { p in
      let point = p == points ? "base case" : "point \(p)"
      return [point] + contrasts.map { "\(point), \($0.variantName)" }
    }
    let results = try Execution.replicate(scenarios, ids: names, seed: seed, replications: r, threads: threads,
                                          quiet: output.quiet, labels: Array(repeating: method.rawValue, count: scenarios.count),
                                          unit: "points", replicationsPerUnit: variants * r,
                                          design: TaskDesign(stored: StoredExplorationDesign(design, samples: sampleCount, levels: levels,
                                                                                             seed: seed, contrasts: contrasts),
                                                             base: base, points: points, variants: variants)) { Array($0.values) }
    let byPoint = (0...points).map { p in
      (0..<variants).map { v in
        let first = (p * variants + v) * r
        return Array(results[first..<(first + r)])
      }
    }
    let report = ExplorationReport(command: RunReport.commandLine, scenario: base.name, method: method, seed: seed,
                                   replications: r, design: design, metrics: output.tableMetrics, contrasts: contrasts,
                                   results: Array(byPoint.dropLast()), baseCase: byPoint[points], discover: try condition())
    try execution.emit(report)
  }
}
