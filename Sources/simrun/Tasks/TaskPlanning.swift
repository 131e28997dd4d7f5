import Foundation
import PrivacyModel
import RunTasks
import ScenarioFormat

/// Turns a running command's scenarios into tasks and a task back into its
/// scenario: the two ends of `simrun plan` and `simrun exec`.
enum TaskPlanning {
  /// One task per scenario and replication, in report order, with the plan
  /// made from them. Each scenario is written out in full and read back
  /// here, and must come back equal, so a worker runs exactly what the
  /// local command runs (a difference is a bug: exit 70).
  /// `checkingRoundTrip`: read each scenario back (making a plan; merge,
  /// which only needs the plan's identity, skips it).
  static func plan(_ scenarios: [Scenario], ids: [String], seed: UInt64, replications: Int,
                   arguments: [String], checkingRoundTrip: Bool = true) throws -> (plan: RunTaskPlan, tasks: [RunTask]) {
    var tasks: [RunTask] = []
    for (i, scenario) in scenarios.enumerated() {
      let yaml = ScenarioTemplate.yaml(scenario)
      let probe = RunTask(task: 0, item: i, replication: 0, seed: seed, maxOrdersInFlight: scenario.maxOrdersInFlight,
                          weeklySeries: scenario.recordsWeeklySeries, weekOf: weekOf(scenario), simrun: SimRunVersion.current, scenario: yaml)
      guard !checkingRoundTrip || (try? Self.scenario(of: probe)) == scenario else {
        printError("simrun: internal error: scenario \(ids[i]) does not read back the same from its task; it cannot be planned.")
        throw SimRunExit.internalError
      }
      for r in 0..<replications {
        tasks.append(RunTask(task: tasks.count, item: i, replication: r, seed: seed,
                             maxOrdersInFlight: scenario.maxOrdersInFlight, weeklySeries: scenario.recordsWeeklySeries,
                             weekOf: weekOf(scenario),
                             simrun: SimRunVersion.current, scenario: yaml))
      }
    }
    return RunTaskPlan.make(simrun: SimRunVersion.current, arguments: arguments, items: ids, replications: replications,
                            tasks: tasks)
  }

  /// A task's `weekOf`: the scenario's week basis when it keeps weekly series.
  static func weekOf(_ scenario: Scenario) -> String? {
    scenario.recordsWeeklySeries ? scenario.weeklySeriesBasis.rawValue : nil
  }

  /// The scenario a task runs.
  static func scenario(of task: RunTask) throws -> Scenario {
    var scenario = try ScenarioFile.parse(task.scenario, file: "task \(task.task)", overrides: []).scenario
    scenario.maxOrdersInFlight = task.maxOrdersInFlight
    scenario.recordsWeeklySeries = task.weeklySeries
    if let weekOf = task.weekOf {
      guard task.weeklySeries, let basis = WeeklySeriesBasis(rawValue: weekOf) else {
        throw ScenarioFileError(diagnostics: [ScenarioDiagnostic(
          file: "task \(task.task)", line: 0, column: 0, path: "weekOf",
          message: "'\(weekOf)' is not a week basis of weekly series (event or creation)")])
      }
      scenario.weeklySeriesBasis = basis
    }
    return scenario
  }
}
