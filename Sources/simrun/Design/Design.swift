import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat
import SimKernel

/// A design of rule parameters (`simrun design`): NSGA-II over the levers,
/// every setting run with the same seeds (common random numbers) in the
/// same sampled worlds, the settings on the front run again with more
/// replications, and each judged against the others on paired differences.
/// The search itself is domain-free (`Analysis/Optimization`); this type
/// runs the model and keeps the archive.
struct Design {
  struct Settings {
    let levers: [ScenarioLever]
    let base: Scenario
    let objectives: [DesignObjective]
    let constraints: [Expectation]
    /// The uncertain keys the worlds vary (empty: one world, the base's).
    let worldKeys: [ScenarioUncertainty]
    /// The worlds: values of `worldKeys` (one empty world without them).
    let worlds: [[Double]]
    let robustness: DesignRobustness
    let satisficingShare: Double
    let population: Int
    let generations: Int
    let replications: Int
    let confirmReplications: Int
    let seed: UInt64
    let threads: Int?
    let quiet: Bool
  }

  let settings: Settings
  /// Every setting run in the search, by its levers' values, in the order
  /// first run.
  private(set) var archive: [DesignEvaluation] = []
  private var index: [[Double]: Int] = [:]
  /// The population after each generation (0: the first).
  private(set) var generations: [[EvaluatedPoint]] = []
  /// The front's settings run again with `confirmReplications`.
  private(set) var confirmed: [DesignEvaluation] = []
  private(set) var stages = 0

  init(settings: Settings) { self.settings = settings }

  /// The kept metrics: the objectives', then the constraints'.
  var keptMetrics: [Metric] { settings.objectives.map(\.metric) + settings.constraints.map(\.metric) }

  /// Runs the search and the confirmation.
  mutating func run() throws {
    let s = settings
    let nsga = NSGA2(populationSize: s.population)
    var population = try evaluate(nsga.initialPopulation(dimensions: s.levers.count, seed: s.seed))
    generations.append(population)
    for g in stride(from: 1, through: s.generations, by: 1) {
      let children = try evaluate(nsga.offspring(of: population, generation: g, seed: s.seed))
      population = nsga.survivors(of: rescored(population + children))
      generations.append(population)
    }
    // The front of everything run, not only of the last population.
    let yardstick = regretYardstick()
    let front = NSGA2.front(of: archive.map { point($0, best: yardstick) })
    let chosen = front.isEmpty ? bestInfeasible() : front.map { index[$0.x]! }
    confirmed = try runStage(chosen.map { archive[$0].values }, replications: s.confirmReplications, label: "confirm the front")
  }

  /// `points` scored again against everything run so far: regret's
  /// yardstick, the best setting in each world, moves as the archive grows
  /// (the other scores do not change).
  private func rescored(_ points: [EvaluatedPoint]) -> [EvaluatedPoint] {
    guard let yardstick = regretYardstick() else { return points }
    return points.map { p in
      var q = point(archive[index[leverValues(p.x)]!], best: yardstick)
      q.x = p.x
      return q
    }
  }

  /// Regret's yardstick over everything run so far, computed once for many
  /// scores; `nil` unless the design scores by regret.
  func regretYardstick() -> [[Double]]? { settings.robustness == .regret ? best(among: archive) : nil }

  /// The objectives' scores of every setting run, in archive order.
  func archiveScores() -> [[Double]] {
    let yardstick = regretYardstick()
    return archive.map { objectiveScores($0, best: yardstick) }
  }

  /// Per objective and world: the best world mean among `reference` over
  /// the replications `reps` (all by default), regret's yardstick.
  func best(among reference: [DesignEvaluation], reps: Range<Int>? = nil) -> [[Double]] {
    settings.objectives.enumerated().map { i, o in
      (0..<settings.worlds.count).map { w in
        let means = reference.map { $0.worldMean(i, w, reps) }
        return (o.direction == .maximize ? means.max() : means.min()) ?? .nan
      }
    }
  }

  /// When no setting meets the constraints: the five closest.
  private func bestInfeasible() -> [Int] {
    Array(archive.indices.sorted { violation(archive[$0]) < violation(archive[$1]) }.prefix(5))
  }

  /// Scores the points of the unit cube, running the settings not run before.
  private mutating func evaluate(_ units: [[Double]]) throws -> [EvaluatedPoint] {
    let values = units.map(leverValues)
    var fresh: [[Double]] = []
    for v in values where index[v] == nil && !fresh.contains(v) { fresh.append(v) }
    if !fresh.isEmpty {
      for e in try runStage(fresh, replications: settings.replications, label: "generation \(generations.count)") {
        index[e.values] = archive.count
        archive.append(e)
      }
    }
    let yardstick = regretYardstick()
    return zip(units, values).map { u, v in
      var p = point(archive[index[v]!], best: yardstick)
      p.x = u
      return p
    }
  }

  /// The levers' values at a point of the unit cube.
  func leverValues(_ u: [Double]) -> [Double] { zip(settings.levers, u).map { $0.value(at: $1) } }

  /// `base` with the levers set to `values`, in world `w`.
  func scenario(_ values: [Double], world w: Int) -> Scenario {
    var s = settings.base
    for (lever, x) in zip(settings.levers, values) { lever.apply(x, to: &s) }
    return settings.worldKeys.isEmpty ? s : settings.worldKeys.applied(settings.worlds[w], to: s)
  }

  /// One stage: every setting in every world, `replications` times with the
  /// same seeds.
  private mutating func runStage(_ settingsValues: [[Double]], replications r: Int, label: String) throws -> [DesignEvaluation] {
    stages += 1
    let stage = stages
    let w = settings.worlds.count, kept = keptMetrics.map(\.index)
    let me = self
    let list = ScenarioList(count: settingsValues.count * w) { i in me.scenario(settingsValues[i / w], world: i % w) }
    let ids = (0..<list.count).map { i in
      "stage \(stage) setting \(i / w + 1)" + (w > 1 ? ", world \(i % w + 1)" : "")
    }
    let runs = try Execution.replicate(list, ids: ids, seed: settings.seed, replications: r, threads: settings.threads,
                                       quiet: settings.quiet, labels: Array(repeating: "design: \(label)", count: list.count),
                                       unit: "settings", replicationsPerUnit: w * r, stage: "wave-\(stage)") { rv in
      kept.map { rv.values[$0] }
    }
    return settingsValues.indices.map { c in
      let metrics = kept.indices.map { m in
        (0..<w).map { world in (0..<r).map { rep in runs[(c * w + world) * r + rep][m] } }
      }
      return DesignEvaluation(values: settingsValues[c], stage: stage, metrics: metrics)
    }
  }

  /// What NSGA-II sees of an evaluation: objectives to minimise and the
  /// constraint violation.
  func point(_ e: DesignEvaluation, reps: Range<Int>? = nil, best: [[Double]]? = nil) -> EvaluatedPoint {
    EvaluatedPoint(x: e.values, objectives: minimised(objectiveScores(e, reps: reps, best: best)), violation: violation(e, reps: reps))
  }

  /// Scores as NSGA-II minimises them (a regret is lowered already).
  func minimised(_ scores: [Double]) -> [Double] {
    settings.robustness == .regret ? scores : scores.enumerated().map { settings.objectives[$0].minimised($1) }
  }

  /// The objectives' scores over the worlds; for regret, each objective's
  /// largest shortfall from `best` (by default the best of everything run).
  func objectiveScores(_ e: DesignEvaluation, reps: Range<Int>? = nil, best: [[Double]]? = nil) -> [Double] {
    if settings.robustness == .regret {
      let yardstick = best ?? self.best(among: archive, reps: reps)
      return settings.objectives.enumerated().map { i, o in
        (0..<e.worlds).map { w in
          let v = e.worldMean(i, w, reps)
          return max(0, o.direction == .maximize ? yardstick[i][w] - v : v - yardstick[i][w])
        }.max() ?? 0
      }
    }
    return settings.objectives.enumerated().map { i, o in
      e.score(i, higherIsBetter: o.direction == .maximize, robustness: settings.robustness, reps: reps)
    }
  }

  /// The constraints' scores over the worlds.
  func constraintScores(_ e: DesignEvaluation, reps: Range<Int>? = nil) -> [Double] {
    let n = settings.objectives.count
    return settings.constraints.enumerated().map { i, c in
      let higher = c.comparison == .atLeast || c.comparison == .above
      let robustness: DesignRobustness = settings.robustness == .percentile ? .percentile : .mean
      return e.score(n + i, higherIsBetter: higher, robustness: robustness, reps: reps)
    }
  }

  /// How far a setting is from meeting the constraints (0: it meets them).
  func violation(_ e: DesignEvaluation, reps: Range<Int>? = nil) -> Double {
    if settings.robustness == .satisficing {
      let share = e.satisficingShare(settings.constraints, offset: settings.objectives.count, reps: reps)
      return share >= settings.satisficingShare ? 0 : settings.satisficingShare - share + 1e-9
    }
    return zip(settings.constraints, constraintScores(e, reps: reps)).reduce(0) { $0 + $1.0.violation($1.1) }
  }
}
