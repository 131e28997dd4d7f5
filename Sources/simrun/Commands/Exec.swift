import ArgumentParser
import Foundation
import PrivacyModel
import RunTasks
import SimKernel

/// `simrun exec`: runs tasks of a plan and writes one result per task.
struct Exec: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run tasks of a plan (simrun plan) and write one checksummed result per task.",
    discussion: """
      Reads tasks (JSON lines, as in a plan's tasks.jsonl, or any subset of \
      them, in any order) from a file or standard input (-), runs them on all \
      cores and writes one result per task, in the order read, as JSON lines: \
      to standard output, each as soon as it and those before it are done, or \
      to --output (replaced when all are done). Memory holds a few tasks per \
      thread, however many there are.

      A task names its scenario by checksum; the scenarios are in the plan's \
      store.jsonl, found beside the tasks file or named with --plan, or on \
      lines of the input before the tasks that need them (a batch that \
      travels without its plan: the store's lines, then its tasks). A task \
      planned by another simrun version is refused (exit 64), as is any line \
      that is neither a task nor a stored scenario. A file is checked whole \
      before any task runs; from standard input a bad line stops the run \
      there (the results before it are complete lines).

      Examples:
        simrun plan --out plans/run run wechat-2024-04-quota --replications 2 --days 5
        simrun exec plans/run/tasks.jsonl --output plans/run/results.jsonl
        simrun exec - --plan plans/run --output plans/run/results.jsonl < plans/run/tasks.jsonl
      """)

  @Argument(help: "A file of tasks, or - for standard input.")
  var tasks: String = "-"

  @Option(help: ArgumentHelp("The plan's folder, whose store.jsonl holds the scenarios the tasks name (default: the tasks file's folder).",
                             valueName: "FOLDER"))
  var plan: String?

  @Option(help: ArgumentHelp("Write the results here (replaced atomically) instead of standard output.", valueName: "FILE"))
  var output: String?

  @Option(parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.",
          transform: RunOptions.threadsValue)
  var threads: Int?

  func run() throws {
    // Where the results go is checked before any task runs.
    if let output {
      do {
        try AtomicFile.checkTarget(output)
      } catch {
        printError("simrun: \(error)")
        throw SimRunExit.outputFailed
      }
    }
    let scenarios = TaskScenarios()
    try loadStore(into: scenarios)
    // A file is checked whole first, so that a bad line anywhere runs
    // nothing; the scenarios it reads stay read for the run.
    if tasks != "-", Self.isRegularFile(tasks) {
      let check = TaskInput(reader: try LineReader(tasks, what: "the tasks"), scenarios: scenarios)
      while try check.next() != nil {}
    }
    let input = TaskInput(reader: try LineReader(tasks, what: "the tasks"), scenarios: scenarios)
    let sink = try ResultSink(output: output)
    Interrupt.install()
    let progress = RunProgress(scenarios: [], replications: 1, quiet: true)
    do {
      try StreamingRunner(threads: threads).run(
        next: { try input.next() },
        body: { task, scenario in
          let result = try ScenarioRunner.replicate(scenario, seed: task.seed, replication: task.replication, monitor: progress)
          return RunTaskRecord(task: task, simrun: SimRunVersion.current, result: ReplicationValues(result)).line + "\n"
        },
        deliver: { try sink.write($0) })
      try sink.commit()
    } catch let error as RunInterrupted {
      sink.abandon()
      if case .tooManyOrdersInFlight(let limit) = error.reason {
        printError("simrun: a task reached \(limit) orders in flight, the limit it was planned with; \(sink.stopped).")
        throw SimRunExit.invalidInput
      }
      printError("simrun: interrupted; \(sink.stopped).")
      throw SimRunExit.interrupted
    } catch {
      sink.abandon()
      throw error
    }
  }

  /// The plan's store: `--plan`'s, or the one beside the tasks file.
  private func loadStore(into scenarios: TaskScenarios) throws {
    let folder = plan ?? (tasks == "-" ? nil : URL(fileURLWithPath: tasks).deletingLastPathComponent().path)
    guard let folder else { return }
    let path = URL(fileURLWithPath: folder).appendingPathComponent("store.jsonl").path
    guard plan != nil || FileManager.default.fileExists(atPath: path) else { return }
    let reader = try LineReader(path, what: "the plan's store")
    while let (number, line) = try reader.next() {
      guard try scenarios.insertStored(line, at: "\(reader.name):\(number)") else {
        printError("\(reader.name):\(number): not a stored scenario (a line of a plan's store.jsonl)")
        throw SimRunExit.invalidInput
      }
    }
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }
}
