import Foundation
import PrivacyModel
import RunTasks
import ScenarioFormat

/// Turns a running command's scenarios into tasks and the store of
/// documents they name: the planning end of `simrun plan` (and of `simrun
/// merge`, which makes the plan again to check its identity);
/// ``TaskScenarios`` is the other end.
enum TaskPlanning {
  /// One task per scenario and replication, in report order, the store of
  /// the scenarios (and design) they name, and the plan made from them.
  /// Each distinct scenario is written out in full once; with `design`,
  /// only its base and the design are stored and each task names its
  /// point. `checkingRoundTrip`: read every scenario back from the store as
  /// a worker will, which must give it back equal (a difference is a bug:
  /// exit 70); merge, which only needs the plan's identity, skips it.
  static func plan(_ scenarios: ScenarioList, ids: [String], seed: UInt64, replications: Int, arguments: [String],
                   design: TaskDesign? = nil, checkingRoundTrip: Bool = true)
    throws -> (plan: RunTaskPlan, tasks: [RunTask], store: RunTaskStore) {
    // The store, and the worker's view of it for the round trip.
    let resolver = TaskScenarios()
    var stored: (base: String, design: String)?
    if let design {
      stored = (resolver.insert(RunTaskStoredDocument(type: .scenario, text: ScenarioTemplate.yaml(design.base))),
                resolver.insert(RunTaskStoredDocument(type: .design, text: design.stored.text)))
    }
    var tasks: [RunTask] = []
    tasks.reserveCapacity(scenarios.count * replications)
    for (i, scenario) in scenarios.enumerated() {
      let digest: String
      var point: RunTaskPoint?
      if let design, let stored {
        digest = stored.base
        let (index, variant) = design.point(of: i)
        point = RunTaskPoint(design: stored.design, index: index, variant: variant)
      } else {
        digest = resolver.insert(RunTaskStoredDocument(type: .scenario, text: ScenarioTemplate.yaml(scenario)))
      }
      func task(_ r: Int) -> RunTask {
        RunTask(task: tasks.count, item: i, replication: r, seed: seed, maxOrdersInFlight: scenario.maxOrdersInFlight,
                weeklySeries: scenario.recordsWeeklySeries, weekOf: weekOf(scenario), simrun: SimRunVersion.current,
                scenario: digest, point: point)
      }
      if checkingRoundTrip {
        guard (try? resolver.scenario(of: task(0))) == scenario else {
          printError("simrun: internal error: scenario \(ids[i]) does not read back the same from its task; it cannot be planned.")
          throw SimRunExit.internalError
        }
      }
      for r in 0..<replications { tasks.append(task(r)) }
    }
    let made = RunTaskPlan.make(simrun: SimRunVersion.current, arguments: arguments, items: ids,
                                replications: replications, tasks: tasks, store: resolver.store)
    return (made.plan, made.tasks, resolver.store)
  }

  /// A task's `weekOf`: the scenario's week basis when it keeps weekly series.
  static func weekOf(_ scenario: Scenario) -> String? {
    scenario.recordsWeeklySeries ? scenario.weeklySeriesBasis.rawValue : nil
  }
}
