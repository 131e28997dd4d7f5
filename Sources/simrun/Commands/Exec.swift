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
      them) from a file or standard input (-), runs them on all cores and \
      writes one result per task, in the order read, as JSON lines: to \
      standard output, or all at once to --output. A task planned by another \
      simrun version is refused (exit 64), as is any line that is not a task.

      Examples:
        simrun plan --out plans/run run wechat-2024-04-quota --replications 2 --days 5
        simrun exec plans/run/tasks.jsonl --output plans/run/results.jsonl
      """)

  @Argument(help: "A file of tasks, or - for standard input.")
  var tasks: String = "-"

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
    let input = try LinesInput(tasks, what: "the tasks")
    let name = input.name
    let decoder = JSONDecoder()
    var list: [RunTask] = []
    var scenarios: [Scenario] = []
    for (n, line) in JSONLines.numbered(input.text) {
      guard let task = try? decoder.decode(RunTask.self, from: Data(line.utf8)) else {
        printError("\(name):\(n): not a simrun task (a line of a plan's tasks.jsonl)")
        throw SimRunExit.invalidInput
      }
      guard task.simrun == SimRunVersion.current else {
        printError("\(name):\(n): task \(task.task) was planned by simrun \(task.simrun); this is simrun \(SimRunVersion.current), which could compute different results: run it with simrun \(task.simrun), or plan again")
        throw SimRunExit.invalidInput
      }
      do {
        scenarios.append(try TaskPlanning.scenario(of: task))
      } catch {
        printError("\(name):\(n): task \(task.task): its scenario does not read: \(error)")
        throw SimRunExit.invalidInput
      }
      list.append(task)
    }
    // An empty batch is a valid batch: no results (an empty --output).
    guard !list.isEmpty else {
      if let output { try write("", to: output) }
      return
    }
    Interrupt.install()
    let progress = RunProgress(scenarios: scenarios, replications: 1, quiet: true)
    let results: [ReplicationResult]
    let runs = zip(list, scenarios).map { (scenario: $1, seed: $0.seed, replication: $0.replication) }
    do {
      results = try ReplicationRunner(replications: runs.count, threads: threads).run { i in
        try ScenarioRunner.replicate(runs[i].scenario, seed: runs[i].seed, replication: runs[i].replication, monitor: progress)
      }
    } catch let error as RunInterrupted {
      if case .tooManyOrdersInFlight(let limit) = error.reason {
        printError("simrun: a task reached \(limit) orders in flight, the limit it was planned with; nothing was written.")
        throw SimRunExit.invalidInput
      }
      printError("simrun: interrupted; nothing was written.")
      throw SimRunExit.interrupted
    }
    let lines = zip(list, results).map { RunTaskRecord(task: $0, simrun: SimRunVersion.current, result: $1).line + "\n" }
    if let output {
      try write(lines.joined(), to: output)
    } else {
      for line in lines { FileHandle.standardOutput.write(Data(line.utf8)) }
    }
  }

  private func write(_ text: String, to output: String) throws {
    do {
      try AtomicFile.write(text, to: output)
    } catch {
      printError("simrun: \(error)")
      throw SimRunExit.outputFailed
    }
  }
}
