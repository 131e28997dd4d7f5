import Foundation
import PrivacyModel
import RunTasks

/// `simrun exec`'s input read one line at a time: the tasks, each with the
/// scenario it runs, and the stored scenarios and designs that travel with
/// them, which are kept for the tasks after them. Every refusal names
/// FILE:LINE and exits 64.
///
/// Unchecked `Sendable`: ``StreamingRunner`` calls ``next()`` from one
/// thread at a time.
final class TaskInput: @unchecked Sendable {
  private let reader: LineReader
  private let scenarios: TaskScenarios
  private let decoder = JSONDecoder()

  init(reader: LineReader, scenarios: TaskScenarios) {
    self.reader = reader
    self.scenarios = scenarios
  }

  /// The next task and its scenario; `nil` at the end of the input.
  func next() throws -> (RunTask, Scenario)? {
    while let (number, line) = try reader.next() {
      let place = "\(reader.name):\(number)"
      if try scenarios.insertStored(line, at: place) { continue }
      guard let task = try? decoder.decode(RunTask.self, from: Data(line.utf8)) else {
        printError("\(place): not a simrun task (a line of a plan's tasks.jsonl)")
        throw SimRunExit.invalidInput
      }
      guard task.scenario.count == 64, task.scenario.allSatisfy(\.isHexDigit) else {
        printError("\(place): task \(task.task) is of an earlier plan format (its scenario written out in full); make the plan again with this simrun (`simrun plan`)")
        throw SimRunExit.invalidInput
      }
      guard task.simrun == SimRunVersion.current else {
        printError("\(place): task \(task.task) was planned by simrun \(task.simrun); this is simrun \(SimRunVersion.current), which could compute different results: run it with simrun \(task.simrun), or plan again")
        throw SimRunExit.invalidInput
      }
      do {
        return (task, try scenarios.scenario(of: task))
      } catch let error as TaskScenarioError {
        printError("\(place): \(error.message)")
        throw SimRunExit.invalidInput
      } catch {
        printError("\(place): task \(task.task): its scenario does not read: \(error)")
        throw SimRunExit.invalidInput
      }
    }
    return nil
  }
}
