import Foundation
import PrivacyModel
import RunTasks
import ScenarioFormat

/// The scenario each task runs, from the store of documents its plan
/// made: each stored scenario is read once and each design drawn once,
/// however many tasks refer to them.
final class TaskScenarios {
  private(set) var store: RunTaskStore
  private var scenarios: [String: Scenario] = [:]
  private var designs: [String: (design: ExplorationDesign, contrasts: [ExplorationContrast])] = [:]

  init(store: RunTaskStore = RunTaskStore()) {
    self.store = store
  }

  /// Adds a stored document; returns its digest.
  @discardableResult
  func insert(_ document: RunTaskStoredDocument) -> String { store.insert(document) }

  /// Adds the stored document on `line` (read at `place`, `FILE:LINE`: a
  /// plan's `store.jsonl` line, or one that travels with a batch of tasks)
  /// and returns `true`; `false` when the line is not a stored document.
  /// One whose text does not match its digest is refused: exit 64.
  func insertStored(_ line: String, at place: String) throws -> Bool {
    do {
      guard let document = try RunTaskStore.document(in: line) else { return false }
      insert(document)
      return true
    } catch {
      printError("\(place): the stored text does not match its checksum (the line was altered)")
      throw SimRunExit.invalidInput
    }
  }

  /// Why `task` cannot be run here, or `nil`: a document it needs is not
  /// in the store.
  func missing(for task: RunTask) -> String? {
    guard let digest = task.needs.first(where: { store[$0] == nil }) else { return nil }
    return "task \(task.task) needs the stored \(digest == task.scenario ? "scenario" : "design") \(digest.prefix(12)), which is neither in the plan's store.jsonl (give the plan's folder with --plan) nor on an earlier line"
  }

  /// The scenario `task` runs.
  func scenario(of task: RunTask) throws -> Scenario {
    if let problem = missing(for: task) { throw TaskScenarioError(message: problem) }
    var scenario = try base(task.scenario, task: task.task)
    if let point = task.point {
      let (design, contrasts) = try design(point.design)
      if let index = point.index {
        guard design.values.indices.contains(index) else {
          throw TaskScenarioError(message: "task \(task.task): point \(index) is outside its design's \(design.values.count) points")
        }
        scenario = design.scenario(scenario, at: design.values[index])
      }
      guard (0...contrasts.count).contains(point.variant) else {
        throw TaskScenarioError(message: "task \(task.task): variant \(point.variant) is not one of its design's \(contrasts.count + 1)")
      }
      if point.variant > 0 { scenario = contrasts[point.variant - 1].variant(of: scenario) }
    }
    scenario.maxOrdersInFlight = task.maxOrdersInFlight
    scenario.recordsWeeklySeries = task.weeklySeries
    if let weekOf = task.weekOf {
      guard task.weeklySeries, let basis = WeeklySeriesBasis(rawValue: weekOf) else {
        throw TaskScenarioError(message: "task \(task.task): '\(weekOf)' is not a week basis of weekly series (event or creation)")
      }
      scenario.weeklySeriesBasis = basis
    }
    return scenario
  }

  private func base(_ digest: String, task: Int) throws -> Scenario {
    if let scenario = scenarios[digest] { return scenario }
    let document = store[digest]!
    guard document.type == .scenario else {
      throw TaskScenarioError(message: "task \(task): \(digest.prefix(12)) is a stored design, not a scenario")
    }
    let scenario = try ScenarioFile.parse(document.text, file: "stored scenario \(digest.prefix(12))", overrides: []).scenario
    scenarios[digest] = scenario
    return scenario
  }

  private func design(_ digest: String) throws -> (design: ExplorationDesign, contrasts: [ExplorationContrast]) {
    if let design = designs[digest] { return design }
    let document = store[digest]!
    guard document.type == .design,
          let stored = try? JSONDecoder().decode(StoredExplorationDesign.self, from: Data(document.text.utf8)),
          let rebuilt = stored.rebuilt() else {
      throw TaskScenarioError(message: "the stored design \(digest.prefix(12)) is not a design this simrun reads")
    }
    designs[digest] = rebuilt
    return rebuilt
  }
}

/// Why a task's scenario cannot be made.
struct TaskScenarioError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
