import ScenarioFormat
import ArgumentParser
import Foundation
import PrivacyModel
import RunTasks
import SimKernel

/// What the running commands share: run scenarios with progress and Ctrl-C
/// handling, then print the report in the chosen format and write the
/// `--out` folder.
struct Execution {
  /// One scenario to run, with its column name.
  struct Item {
    let id: String
    let document: ScenarioDocument
    var parameters: [(key: String, value: String)] = []
  }

  let options: RunOptions
  let output: OutputOptions

  /// Fails early (before hours of simulation) if `--out` cannot be written.
  func checkOutputFolder() throws {
    guard let out = output.out else { return }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw ValidationError("--out \(out): exists and is not a folder.") }
      guard access(out, W_OK) == 0 else { throw ValidationError("--out \(out): the folder is not writable.") }
    } else {
      // The nearest existing ancestor must be a folder that lets us create it.
      do {
        try AtomicFile.checkTarget(out)
      } catch {
        throw ValidationError("--out \(out): \(error.reason).")
      }
    }
  }

  /// Fails early if a single output file (`--junit`) cannot be written.
  func checkOutputFile(_ path: String?, option: String) throws {
    guard let path else { return }
    do {
      try AtomicFile.checkTarget(path)
    } catch {
      throw ValidationError("\(option) \(path): \(error.reason).")
    }
  }

  /// Where a running command's tasks go: run here (the default), written
  /// as a plan (`simrun plan`), or taken from task results (`simrun
  /// merge`). Every running command goes through ``run(_:_:pairsAcrossPlatforms:)``,
  /// so the three differ only in where each replication's result comes from.
  enum Backend: Sendable {
    case local
    case plan(folder: String, arguments: [String])
    /// The plan's manifest and the files of its results (`-`: standard input).
    case merge(plan: RunTaskPlan, results: [String])
    /// A command that runs in stages, each chosen from the last (a
    /// calibration's waves): stage S is merged from FOLDER/S when its
    /// results are there, else planned into FOLDER/S (`planning`) or
    /// refused (``replicateStage(_:folder:arguments:planning:replicate:)``).
    case waves(folder: String, arguments: [String], planning: Bool)
  }

  @TaskLocal static var backend: Backend = .local

  /// The plan has been written (`simrun plan`): the command stops there.
  struct PlanWritten: Error {
    let plan: RunTaskPlan
    /// The folder it was written to.
    let folder: String
  }

  /// Under `simrun plan` of a command in stages: every stage already has
  /// its results, so there is nothing left to plan (`stages` of them).
  struct NothingToPlan: Error {
    let stages: Int
  }

  /// Runs every item with the same seed and replications (so they share
  /// common random numbers), as one task per item and replication on all
  /// threads. Ctrl-C stops cleanly: exit 130, nothing written.
  /// `pairsAcrossPlatforms`: whether scenarios of another platform than the
  /// first are paired with it (as platform differences, never rule effects);
  /// false for the default `compare`, which the user did not pair by hand.
  func run(_ kind: RunReport.Kind, _ items: [Item], pairsAcrossPlatforms: Bool = true) throws -> RunReport {
    try checkOutputFolder()
    let replications = options.replications
    let scenarios = items.map { item in
      var scenario = item.document.scenario
      scenario.maxOrdersInFlight = options.maxOrdersInFlight
      return scenario
    }
    // Common random numbers pair the scenarios draw for draw: one generator.
    if let other = items.first(where: { $0.document.scenario.generator != items[0].document.scenario.generator }) {
      let first = items[0].document.scenario.generator.rawValue
      printError("simrun: \(items[0].id) uses generator \(first) and \(other.id) uses \(other.document.scenario.generator.rawValue); scenarios run together share common random numbers only with one generator: set `generator:` the same in every file (or --set generator=\(first)).")
      throw SimRunExit.invalidInput
    }
    let labels = items.enumerated().map { i, item in items.count > 1 ? "\(item.id) (\(i + 1)/\(items.count))" : item.id }
    let results = try Self.replicate(ScenarioList(scenarios), ids: items.map(\.id), seed: options.seed, replications: replications,
                                     threads: options.threads, quiet: output.quiet, labels: labels) { $0 }
    let entries = items.indices.map { i in
      RunReport.Entry(id: items[i].id, source: items[i].document.source, parameters: items[i].parameters,
                      result: ScenarioResult(scenario: scenarios[i], seed: options.seed,
                                             replications: Array(results[(i * replications)..<((i + 1) * replications)])))
    }
    return RunReport(kind: kind, command: RunReport.commandLine, seed: options.seed,
                     replications: replications, entries: entries, pairsAcrossPlatforms: pairsAcrossPlatforms,
                     tableMetrics: output.tableMetrics, showsSegments: output.bySegment)
  }

  /// The replications of `scenarios`, `transform`ed as they come, in task
  /// order (task t: scenario t / replications, replication t % replications):
  /// run on this machine's threads, or — under `simrun plan` — written as a
  /// plan (the command stops there), or — under `simrun merge` — taken from
  /// the plan's results. The one path every running command takes.
  /// - Parameters:
  ///   - ids: the scenarios' names, for the plan and merge's messages.
  ///   - labels: what the progress bar names while a scenario runs.
  ///   - unit, replicationsPerUnit: what the bar counts.
  ///   - design: how the scenarios come from one base and a design (an
  ///     exploration's), so that a plan stores those once.
  ///   - stage: which stage of a command run in stages this is (a
  ///     calibration's `wave-2`), for the ``Backend/waves`` backend.
  ///   - transform: what is kept of each replication, applied as each
  ///     finishes (or, under merge, as each result is read), so that memory
  ///     holds only what the report needs.
  static func replicate<T: Sendable>(
    _ scenarios: ScenarioList, ids: [String], seed: UInt64, replications: Int, threads: Int?, quiet: Bool,
    labels: [String], unit: String = "replications", replicationsPerUnit: Int = 1, design: TaskDesign? = nil,
    stage: String? = nil, transform: @escaping @Sendable (ReplicationValues) -> T
  ) throws -> [T] {
    switch backend {
    case .waves(let folder, let arguments, let planning):
      guard let stage else {
        printError("simrun: internal error: a command run in stages replicated outside a stage.")
        throw SimRunExit.internalError
      }
      return try replicateStage(stage, folder: folder, arguments: arguments, planning: planning) {
        try replicate(scenarios, ids: ids, seed: seed, replications: replications, threads: threads, quiet: quiet, labels: labels,
                      unit: unit, replicationsPerUnit: replicationsPerUnit, design: design, transform: transform)
      }
    case .plan(let folder, let arguments):
      try writePlan(scenarios, ids: ids, seed: seed, replications: replications, to: folder, arguments: arguments,
                    design: design)
    case .merge(let manifest, let files):
      // Each result is checked and folded as it is read; the plan's tasks
      // are kept only as their digests.
      var checks = try { () throws -> RunTaskResults in
        let (plan, tasks, _) = try TaskPlanning.plan(scenarios, ids: ids, seed: seed, replications: replications,
                                                     arguments: manifest.arguments, design: design, checkingRoundTrip: false)
        guard plan.id == manifest.id else {
          printError("simrun: the plan's scenarios or settings differ from what `\(manifest.arguments.joined(separator: " "))` gives now (a scenario file changed since the plan was made?); make the plan again.")
          throw SimRunExit.invalidInput
        }
        return RunTaskResults(plan: plan, tasks: tasks)
      }()
      let plan = checks.plan
      var folded = [T?](repeating: nil, count: plan.tasks)
      for file in files {
        let reader = try LineReader(file, what: "the results")
        while let (number, line) = try reader.next() {
          if let (task, result) = checks.accept(line, file: reader.name, line: number) { folded[task] = transform(result) }
        }
      }
      try Merge.refuse(checks.problems + checks.missing)
      return folded.map { $0! }
    case .local:
      Interrupt.install()
      let progress = RunProgress(scenarios: scenarios, replications: replications, quiet: quiet, unit: unit,
                                 replicationsPerUnit: replicationsPerUnit)
      let r = replications
      do {
        let results = try ReplicationRunner(replications: scenarios.count * r, threads: threads).run { task in
          // The bar names the scenario of the task started last.
          if task % r == 0 { progress.begin(labels[task / r]) }
          return transform(ReplicationValues(try ScenarioRunner.replicate(scenarios[task / r], seed: seed, replication: task % r, monitor: progress)))
        }
        progress.finish()
        return results
      } catch let error as RunInterrupted {
        progress.finish()
        switch error.reason {
        case .stopped:
          printError("simrun: interrupted; stopped before the results were complete, so nothing was written.")
          throw SimRunExit.interrupted
        case .tooManyOrdersInFlight(let limit):
          printError("""
            simrun: a replication reached \(limit) orders in flight (--max-orders-in-flight), \
            so the run stopped and nothing was written. Lower orders.orders_per_day or a campaign's factor, or raise \
            the limit if the machine has the memory: about \(RunOptions.bytesPerOrderInFlight) bytes an order (twice that while \
            the pool grows), for each replication running at once (one per thread).
            """)
          throw SimRunExit.invalidInput
        }
      }
    }
  }

  /// `simrun plan`: `tasks.jsonl`, `store.jsonl` and `manifest.json` in
  /// `folder`, all or nothing; then stops the command (``PlanWritten``).
  private static func writePlan(_ scenarios: ScenarioList, ids: [String], seed: UInt64, replications: Int,
                                to folder: String, arguments: [String], design: TaskDesign?) throws -> Never {
    let made = try TaskPlanning.plan(scenarios, ids: ids, seed: seed, replications: replications, arguments: arguments,
                                     design: design)
    // One string grown in place: not a line per task and then their join.
    var tasks = ""
    for task in made.tasks {
      tasks += String(decoding: RunTaskDigest.canonicalJSON(task), as: UTF8.self)
      tasks += "\n"
    }
    let store = made.store.lines.map { $0 + "\n" }.joined()
    let manifest = String(decoding: RunTaskDigest.canonicalJSON(made.plan), as: UTF8.self) + "\n"
    let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
    do {
      try AtomicFile.makeFolder(folder)
      try AtomicFile.writeAll([(path("tasks.jsonl"), tasks), (path("store.jsonl"), store), (path("manifest.json"), manifest)])
    } catch {
      printError("simrun: \(error)")
      throw SimRunExit.outputFailed
    }
    throw PlanWritten(plan: made.plan, folder: folder)
  }

  /// Prints `report` in the chosen format and writes the `--out` folder.
  func emit(_ report: some ReportDocument) throws {
    switch output.format {
    case .table: print(report.table(colour: Terminal.colourOnStandardOutput, width: output.tableWidth))
    case .csv: print(report.csv, terminator: "")
    case .json: print(report.json, terminator: "")
    case .markdown: print(report.markdown, terminator: "")
    }
    if let out = output.out { try write(report, to: out) }
  }

  /// The report files, all or nothing: every file is written to a
  /// temporary first, and only then are they all renamed into place.
  func write(_ report: some ReportDocument, to folder: String) throws {
    let files = report.files
    do {
      try AtomicFile.makeFolder(folder)
      try AtomicFile.writeAll(files.map { (URL(fileURLWithPath: folder).appendingPathComponent($0.name).path, $0.text) })
    } catch {
      printError("simrun: \(error)")
      throw SimRunExit.outputFailed
    }
    if !output.quiet {
      // Broken between names only, so that no path is split.
      printError(RunReport.paragraph("wrote \(folder)/: " + files.map(\.name).joined(separator: ", "), width: Terminal.errorWidth))
    }
  }

  /// Loads scenario arguments with the `--set` overrides; all problems are
  /// printed together and exit 64.
  func load(_ arguments: [String]) throws -> [ScenarioDocument] {
    do {
      return try ScenarioSources.load(arguments, overrides: options.overrides)
    } catch let error as ScenarioFileError {
      printError(error.description)
      throw SimRunExit.invalidInput
    }
  }
}
