import ScenarioFormat
import ArgumentParser
import Foundation
import PrivacyModel

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

  /// Runs every item with the same seed and replications (so they share
  /// common random numbers). Ctrl-C stops cleanly: exit 130, nothing written.
  /// `pairsAcrossPlatforms`: whether scenarios of another platform than the
  /// first are paired with it (as platform differences, never rule effects);
  /// false for the default `compare`, which the user did not pair by hand.
  func run(_ kind: RunReport.Kind, _ items: [Item], pairsAcrossPlatforms: Bool = true) throws -> RunReport {
    try checkOutputFolder()
    Interrupt.install()
    let progress = RunProgress(scenarios: items.map(\.document.scenario), replications: options.replications,
                               quiet: output.quiet)
    var entries: [RunReport.Entry] = []
    for (i, item) in items.enumerated() {
      progress.begin(items.count > 1 ? "\(item.id) (\(i + 1)/\(items.count))" : item.id)
      var scenario = item.document.scenario
      scenario.maxOrdersInFlight = options.maxOrdersInFlight
      do {
        let result = try ScenarioRunner.run(scenario, seed: options.seed, replications: options.replications,
                                            threads: options.threads, monitor: progress)
        entries.append(RunReport.Entry(id: item.id, source: item.document.source, parameters: item.parameters, result: result))
      } catch {
        progress.finish()
        switch error.reason {
        case .stopped:
          printError("simrun: interrupted; stopped before the results were complete, so nothing was written.")
          throw SimRunExit.interrupted
        case .tooManyOrdersInFlight(let limit):
          printError("""
            simrun: \(ScenarioDiagnostic.printable(item.id)): a replication reached \(limit) orders in flight (--max-orders-in-flight), \
            so the run stopped and nothing was written. Lower orders.orders_per_day or a campaign's factor, or raise \
            the limit if the machine has the memory: about \(RunOptions.bytesPerOrderInFlight) bytes an order (twice that while \
            the pool grows), for each replication running at once (one per thread).
            """)
          throw SimRunExit.invalidInput
        }
      }
    }
    progress.finish()
    return RunReport(kind: kind, command: RunReport.commandLine, seed: options.seed,
                     replications: options.replications, entries: entries, pairsAcrossPlatforms: pairsAcrossPlatforms,
                     tableMetrics: output.tableMetrics, showsSegments: output.bySegment)
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
    if !output.quiet { printError("wrote \(files.map { "\(folder)/\($0.name)" }.joined(separator: ", "))") }
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
