import ArgumentParser
import Foundation
import RunTasks

/// `simrun merge`: a plan's task results joined into the command's report.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Join a plan's task results into the report its command would have written.",
    usage: """
      simrun merge <plan> [<results> ...] [--out <DIR>]
                   [--format <format>] [--quiet]
      """,
    discussion: """
      Reads the plan (its folder or manifest.json) and the results of \
      `simrun exec` (files of JSON lines, - for standard input), one result \
      at a time, keeping only what the report needs of each; checks that \
      every task has exactly one result of this plan with a valid checksum, \
      naming every missing, duplicated, foreign or altered one (exit 64, \
      nothing written), then writes what the planned command would have \
      written: the same table and files, results.json byte for byte but for \
      the command line. --out, --format and --quiet replace the command's own.

      Examples:
        simrun plan --out plans/sweep sweep wechat-2025-10-virtual-number --vary contact.official_message_response=0.3,0.7 --replications 2 --days 8
        simrun exec plans/sweep/tasks.jsonl --output plans/sweep/results.jsonl
        simrun merge plans/sweep plans/sweep/results.jsonl --format csv
      """)

  @Argument(help: "The plan: its folder or its manifest.json.")
  var plan: String

  @Argument(help: "Files of task results (JSON lines), - for standard input; none for a plan made in waves (calibrate).")
  var results: [String] = []

  @Option(help: ArgumentHelp("Write the command's report files into this folder.", valueName: "DIR"))
  var out: String?

  @Option(help: "table, csv, json or markdown.")
  var format: String?

  @Flag(help: "No progress or file messages.")
  var quiet = false

  func run() throws {
    var isFolder: ObjCBool = false
    let folder = FileManager.default.fileExists(atPath: plan, isDirectory: &isFolder) && isFolder.boolValue
    let inFolder = { (name: String) in URL(fileURLWithPath: plan).appendingPathComponent(name).path }
    // A command planned in waves (FOLDER/wave-1, wave-2, …, each with its
    // results.jsonl): the command again, every wave merged from its folder.
    if folder, !FileManager.default.fileExists(atPath: inFolder("manifest.json")),
       FileManager.default.fileExists(atPath: inFolder("wave-1/manifest.json")) {
      guard results.isEmpty else {
        throw ValidationError("\(plan) was planned in waves: each wave's results are read from its folder (\(plan)/wave-N/results.jsonl); give no result files.")
      }
      let manifest = try Self.manifest(at: inFolder("wave-1/manifest.json"))
      return try rerun(manifest, .waves(folder: plan, arguments: manifest.arguments, planning: false))
    }
    guard !results.isEmpty else { throw ValidationError("give the files of task results (simrun exec's output).") }
    let manifest = try Self.manifest(at: folder ? inFolder("manifest.json") : plan)
    try rerun(manifest, .merge(plan: manifest, results: results))
  }

  /// The plan's manifest at `path`, refused (exit 64) when it is none, of
  /// another format, or made by another simrun.
  static func manifest(at path: String) throws -> RunTaskPlan {
    let manifest: RunTaskPlan
    do {
      manifest = try JSONDecoder().decode(RunTaskPlan.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
      guard manifest.kind == RunTaskPlan.kind, manifest.version == RunTaskPlan.version else { throw CocoaError(.fileReadCorruptFile) }
    } catch {
      if let old = try? JSONDecoder().decode(PlanFormat.self, from: Data(contentsOf: URL(fileURLWithPath: path))),
         old.kind == RunTaskPlan.kind, old.version != RunTaskPlan.version {
        printError("simrun: \(path): a plan of format version \(old.version); this simrun reads version \(RunTaskPlan.version) (tasks that name their scenario, which store.jsonl holds once): make the plan again with `simrun plan`")
      } else {
        printError("simrun: \(path): not a plan's manifest.json (simrun plan writes one)")
      }
      throw SimRunExit.invalidInput
    }
    guard manifest.simrun == SimRunVersion.current else {
      printError("simrun: \(path): the plan was made by simrun \(manifest.simrun); this is simrun \(SimRunVersion.current): merge it with simrun \(manifest.simrun)")
      throw SimRunExit.invalidInput
    }
    return manifest
  }

  /// The planned command again, with this merge's --out, --format and
  /// --quiet, its replications taken from `backend`.
  private func rerun(_ manifest: RunTaskPlan, _ backend: Execution.Backend) throws {
    var arguments = manifest.arguments
    if let out { arguments += ["--out", out] }
    if let format { arguments += ["--format", format] }
    if quiet { arguments.append("--quiet") }
    var inner = try SimRun.parseAsRoot(arguments)
    try Execution.$backend.withValue(backend) { try inner.run() }
  }

  /// What any plan's manifest says of its format.
  private struct PlanFormat: Decodable {
    let kind: String
    let version: Int
  }

  /// Prints the results' problems (the first 50) and exits 64, nothing
  /// written; returns when there are none.
  static func refuse(_ problems: [String]) throws {
    guard !problems.isEmpty else { return }
    for problem in problems.prefix(50) { printError(problem) }
    if problems.count > 50 { printError("… and \(problems.count - 50) more") }
    printError("simrun: the results do not match the plan; nothing was written.")
    throw SimRunExit.invalidInput
  }
}
