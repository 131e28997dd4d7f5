import Analysis
import ArgumentParser
import Foundation
import PrivacyModel
import ScenarioFormat

/// `simrun calibrate`: the assumptions consistent with observed figures,
/// by history matching.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Which values of the assumed figures are consistent with what was observed: history matching.",
    discussion: """
      Runs the scenario over its uncertain keys (its `uncertain:` section, or \
      --uncertain) in waves: a Latin hypercube of --points points, each run \
      --replications times with the same seed (common random numbers) in every \
      scenario a target was observed in; a Gaussian-process emulator per target; \
      every point whose implausibility |observed − emulated| / √(emulator + \
      replication + discrepancy + observation variances) exceeds the cut-off \
      ruled out; the next wave's points spread over what is left. Stops after \
      --waves, or earlier when the space stops shrinking, is empty, or the \
      emulators are more certain than the other variances. An emulator that \
      fails its leave-one-out check stops the run (exit 3), never a silent \
      answer. The targets file lists the observed figures \
      (docs/calibration.md). --out also writes calibrated.yaml: the scenario \
      at the least implausible point with its `uncertain:` section narrowed to \
      the calibrated ranges, for explore, compare and attribute.

      Examples:
        simrun calibrate taobao-700-full --targets examples/calibration/taobao-targets.yaml --uncertain '{contact.answer_probability: plausible, couriers.warehouse_share: plausible}' --points 20 --replications 3 --waves 2 --days 10 --set orders.orders_per_day=400
      """)

  @Argument(help: "Scenario files (.yaml) or phase ids the targets were observed in; the first's uncertain keys are calibrated.")
  var scenarios: [String]

  @Option(help: ArgumentHelp("The observed figures (YAML: docs/calibration.md).", valueName: "FILE"))
  var targets: String

  @Option(help: ArgumentHelp("The uncertain keys, replacing the first scenario's `uncertain:`, as for explore.",
                             valueName: "all-assumptions|{KEY: RANGE, …}"))
  var uncertain: String?

  @Option(parsing: .unconditional, help: "Points run per wave (default: 10 per key, at least 20, at most 300).",
          transform: { try RunOptions.wholeNumber($0, option: "--points", expected: "a whole number from 8 to 1000") })
  var points: Int?

  @Option(parsing: .unconditional, help: "Replications per point (default 4; at least 2, to measure the replication noise).",
          transform: { try RunOptions.wholeNumber($0, option: "--replications", expected: "a whole number from 2 to 100") })
  var replications: Int = 4

  @Option(parsing: .unconditional, help: "Waves at most (default 3).",
          transform: { try RunOptions.wholeNumber($0, option: "--waves", expected: "a whole number from 1 to 10") })
  var waves: Int = 3

  @Flag(name: .customLong("all-waves"),
        help: "Run every wave asked for, even once the space stops shrinking or the emulators are more certain than the other variances.")
  var allWaves = false

  @Option(parsing: .unconditional, help: "Candidate points that sample the non-implausible space each wave (default 20000).",
          transform: { try RunOptions.wholeNumber($0, option: "--candidates", expected: "a whole number from 1000 to 1000000") })
  var candidates: Int = 20_000

  @Option(help: "Implausibility cut-off in standard deviations (default: the targets file's, else 3).")
  var cutoff: Double?

  @OptionGroup var experiment: ExperimentOptions

  var seed: UInt64 { experiment.seed }
  var threads: Int? { experiment.threads }

  @Option(help: "What to print on standard output: table, csv (the consistent points), json or markdown.")
  var format: OutputOptions.Format = .table

  @Option(help: ArgumentHelp("Also write points.csv, runs.csv, keys.csv, results.json, summary.md, report.html and calibrated.yaml into this folder (created if needed; files replaced atomically).",
                             valueName: "DIR"))
  var out: String?

  @OptionGroup var display: ReportDisplayOptions

  func validate() throws {
    for scenario in scenarios {
      if let message = ScenarioSources.unknownArgumentMessage(scenario) { throw ValidationError(message) }
    }
    guard !scenarios.isEmpty else { throw ValidationError("give the scenario to calibrate.") }
    if let cutoff, !(cutoff.isFinite && cutoff >= 1 && cutoff <= 10) {
      throw ValidationError("--cutoff must be a number from 1 to 10, got \(cutoff).")
    }
    if let points, !(8...1_000).contains(points) { throw ValidationError("--points must be a whole number from 8 to 1000, got \(points).") }
    guard (2...100).contains(replications) else { throw ValidationError("--replications must be a whole number from 2 to 100, got \(replications).") }
    guard (1...10).contains(waves) else { throw ValidationError("--waves must be a whole number from 1 to 10, got \(waves).") }
    guard (1_000...1_000_000).contains(candidates) else {
      throw ValidationError("--candidates must be a whole number from 1000 to 1000000, got \(candidates).")
    }
    if let uncertain { _ = try Override(validating: "uncertain=\(uncertain)", option: "--uncertain") }
  }

  func run() throws {
    let output = try OutputOptions.reporting(format: format, out: out, display: display)
    let execution = Execution(options: try RunOptions.parse([]), output: output)
    try execution.checkOutputFolder()
    let file: CalibrationTargetsFile
    do {
      file = try CalibrationTargetsFile.load(targets)
    } catch {
      printError(error.description)
      throw SimRunExit.invalidInput
    }
    let common = try experiment.overrides
    var documents: [ScenarioDocument] = []
    do {
      for (i, argument) in scenarios.enumerated() {
        let own = i == 0 ? try uncertain.map { [try Override(validating: "uncertain=\($0)", option: "--uncertain")] } ?? [] : []
        documents.append(try ScenarioSources.document(argument, overrides: common + own))
      }
    } catch let error as ScenarioFileError {
      printError(error.description)
      throw SimRunExit.invalidInput
    }
    let keys = documents[0].uncertainties
    guard !keys.isEmpty else {
      printError("simrun: \(scenarios[0]): no uncertain keys: give the scenario an `uncertain:` section or use --uncertain (see `simrun list keys` for the plausible ranges).")
      throw SimRunExit.invalidInput
    }
    let names = ScenarioSources.columnNames(scenarios, documents)
    var targetScenario: [Int] = []
    for (i, target) in file.targets.enumerated() {
      guard let name = target.scenario else {
        targetScenario.append(0)
        continue
      }
      guard let index = names.firstIndex(of: name) ?? scenarios.firstIndex(of: name)
              ?? documents.firstIndex(where: { $0.scenario.name == name }) else {
        printError(ScenarioDiagnostic(file: targets, line: target.line, column: target.column, path: "targets[\(i)].scenario",
                                      message: "'\(name)' is not one of the command's scenarios (\(names.joined(separator: ", ")))").description)
        throw SimRunExit.invalidInput
      }
      targetScenario.append(index)
    }
    for (i, name) in names.enumerated() where !targetScenario.contains(i) {
      printError("simrun: no target was observed in \(name); leave it out, or add a target with `scenario: \(name)`.")
      throw SimRunExit.invalidInput
    }
    // A scenario with a window target keeps weekly series, as `timeline` does.
    for (i, target) in file.targets.enumerated() where target.windowStart != nil {
      documents[targetScenario[i]].scenario.recordsWeeklySeries = true
    }
    var windowWeeks: [[Int]] = []
    for (i, target) in file.targets.enumerated() {
      guard target.windowStart != nil else {
        windowWeeks.append([])
        continue
      }
      let s = documents[targetScenario[i]].scenario
      let first = s.start.adding(days: s.warmupDays)
      let weeks = target.windowWeeks(first: first, weeks: max(1, (max(0, s.days - s.warmupDays) + 6) / 7))
      guard !weeks.isEmpty else {
        let why = "the window holds no whole week of \(names[targetScenario[i]])'s weekly series (weeks start on \(first) and every 7 days after, through \(first.adding(days: max(0, s.days - s.warmupDays) - 1)))"
        printError(ScenarioDiagnostic(file: targets, line: target.line, column: target.column, path: "targets[\(i)].window",
                                      message: why).description)
        throw SimRunExit.invalidInput
      }
      windowWeeks.append(weeks)
    }
    let scenarioList = documents.map { d -> Scenario in
      var s = d.scenario
      s.maxOrdersInFlight = Scenario.defaultMaxOrdersInFlight
      return s
    }
    let settings = Calibration.Settings(
      keys: keys, scenarios: scenarioList, scenarioNames: names, targets: file.targets, targetScenario: targetScenario,
      windowWeeks: windowWeeks,
      runsPerWave: points ?? min(300, max(20, 10 * keys.count)), replications: replications, waves: waves, allWaves: allWaves, candidates: candidates,
      cutoff: cutoff ?? file.cutoff ?? 3, seed: seed, threads: threads, quiet: display.quiet)
    var calibration = Calibration(settings: settings)
    do {
      try calibration.run()
    } catch let failed as Calibration.EmulatorCheckFailed {
      let why = failed.outside.map {
        "\(Int(($0 * 100).rounded()))% of the runs lie beyond 3 standard deviations of their leave-one-out prediction "
          + "(at most \(Int(Calibration.leaveOneOutTolerance * 100))% allowed)"
      } ?? "it could not be fitted (\(failed.reason))"
      printError("""
        simrun: wave \(failed.wave): the emulator of \(failed.target.label) fails its check: \(why), so its \
        implausibility cannot be trusted and nothing was written. Give more --points or --replications, or narrow the ranges.
        """)
      throw SimRunExit.checkFailed
    }
    // Planned in waves, and every wave already has its results: the
    // report is merge's to write.
    if Execution.planningStages { throw Execution.NothingToPlan(stages: calibration.waves.count) }
    try execution.emit(CalibrationReport(command: RunReport.commandLine, calibration: calibration, base: scenarioList[0]))
  }
}
