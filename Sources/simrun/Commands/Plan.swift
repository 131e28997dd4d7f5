import ArgumentParser
import Foundation
import RunTasks

/// `simrun plan`: a running command as independent tasks, to run anywhere
/// with `simrun exec` and join with `simrun merge`.
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a running command as independent tasks, for simrun exec on other machines and simrun merge.",
    discussion: """
      Runs the command's own checks and, instead of simulating, writes \
      FOLDER/tasks.jsonl (one task per scenario and replication, a few hundred \
      bytes each: the checksum of its scenario, its seed and replication, as \
      JSON lines), FOLDER/store.jsonl (each distinct scenario written out in \
      full once, and an exploration's design) and FOLDER/manifest.json (the \
      command, its scenarios and the plan's checksum); calibrate and design, \
      whose waves (a design's generations) each depend on the last, are planned \
      a wave at a time into FOLDER/wave-N \
      (plan it again once a wave's results are in FOLDER/wave-N/results.jsonl, \
      and merge the FOLDER). `simrun exec` runs \
      tasks anywhere the same simrun version is installed; `simrun merge` \
      checks that every task has exactly one result and writes the report the \
      command itself would have written (run it where the plan was made: it \
      reads the command's scenario files again and refuses them if they \
      changed). Commands: \(Plan.plannable.joined(separator: ", ")).

      Examples:
        simrun plan --out plans/compare compare wechat-baseline wechat-2024-04-quota --replications 4 --days 10
        simrun exec plans/compare/tasks.jsonl --output plans/compare/results.jsonl
        simrun merge plans/compare plans/compare/results.jsonl --out results/compare
      """)

  static let plannable = ["run", "compare", "timeline", "sweep", "attribute", "check", "explore", "calibrate", "design"]
  /// Commands that run in stages, each chosen from the last: planned one
  /// stage at a time into FOLDER/STAGE (`wave-1`, `wave-2`, …).
  static let staged = ["calibrate", "design"]

  @Option(help: ArgumentHelp("The plan's folder (created if needed; tasks.jsonl and manifest.json replaced atomically).",
                             valueName: "FOLDER"))
  var out: String

  @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The command and its arguments, as for simrun itself.",
                                                                 valueName: "COMMAND ARGUMENTS"))
  var command: [String] = []

  func validate() throws {
    guard let name = command.first else { throw ValidationError("give the command to plan, e.g. `simrun plan --out plans/x compare …`.") }
    guard Plan.plannable.contains(name) else {
      throw ValidationError("'\(name)' cannot be planned; these can: \(Plan.plannable.joined(separator: ", ")).")
    }
  }

  func run() throws {
    var inner = try SimRun.parseAsRoot(command)
    let staged = Plan.staged.contains(command[0])
    let backend: Execution.Backend = staged ? .waves(folder: out, arguments: command, planning: true) : .plan(folder: out, arguments: command)
    do {
      try Execution.$backend.withValue(backend) { try inner.run() }
    } catch let written as Execution.PlanWritten {
      let plan = written.plan, folder = written.folder
      printError(RunReport.paragraph("wrote \(folder)/tasks.jsonl (\(plan.tasks) tasks: \(plan.items.count) scenario\(plan.items.count == 1 ? "" : "s") × \(plan.replications) replications), \(folder)/store.jsonl (\(plan.stored) stored document\(plan.stored == 1 ? "" : "s")) and \(folder)/manifest.json (plan \(plan.id.prefix(12)))", width: Terminal.errorWidth))
      if staged {
        printError(RunReport.paragraph("next: run its tasks into \(folder)/results.jsonl (simrun exec \(folder)/tasks.jsonl --output \(folder)/results.jsonl), then run this `simrun plan` again for the next wave; when it says every wave has its results, `simrun merge \(out)` writes the report.", width: Terminal.errorWidth))
      }
      return
    } catch let done as Execution.NothingToPlan {
      printError(RunReport.paragraph("every wave (\(done.stages)) has its results: write the report with `simrun merge \(out)`.", width: Terminal.errorWidth))
      return
    }
    printError("simrun: internal error: \(command[0]) finished without planning.")
    throw SimRunExit.internalError
  }
}
