import Foundation
import RunTasks

extension Execution {
  /// Runs `replicate` for stage `stage` of a command run in stages under
  /// the ``Backend/waves`` backend: merged from FOLDER/STAGE/results.jsonl
  /// when that stage's plan has its results there; otherwise planned into
  /// FOLDER/STAGE (under `simrun plan`: the command stops there) or refused
  /// (under `simrun merge`: a stage without results cannot be reported).
  static func replicateStage<T>(_ stage: String, folder: String, arguments: [String], planning: Bool,
                                replicate: () throws -> [T]) throws -> [T] {
    let sub = URL(fileURLWithPath: folder).appendingPathComponent(stage).path
    let manifestPath = sub + "/manifest.json", resultsPath = sub + "/results.jsonl"
    if FileManager.default.fileExists(atPath: resultsPath),
       let data = FileManager.default.contents(atPath: manifestPath),
       let manifest = try? JSONDecoder().decode(RunTaskPlan.self, from: data),
       manifest.kind == RunTaskPlan.kind, manifest.version == RunTaskPlan.version {
      return try $backend.withValue(.merge(plan: manifest, results: [resultsPath]), operation: replicate)
    }
    guard planning else {
      printError("simrun: \(sub): this stage has no results yet: run its tasks (simrun exec \(sub)/tasks.jsonl --output \(resultsPath)), then `simrun plan` the command again for the next stage, or make the plan with `simrun plan --out \(folder) \(arguments.first ?? "…") …`.")
      throw SimRunExit.invalidInput
    }
    return try $backend.withValue(.plan(folder: sub, arguments: arguments), operation: replicate)
  }

  /// Whether the command runs under `simrun plan` in stages.
  static var planningStages: Bool {
    if case .waves(_, _, true) = backend { return true }
    return false
  }
}
