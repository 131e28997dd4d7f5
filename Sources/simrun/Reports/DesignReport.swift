import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat
import SimKernel

/// What `simrun design` found: the confirmed front of lever settings with
/// intervals, how each lever moves the objectives, every setting run, and
/// each front point as a scenario file.
struct DesignReport {
  let command: String
  let scenario: String
  let base: Scenario
  let settings: Design.Settings
  let points: [DesignFrontPoint]
  /// Every setting run in the search: its levers' values, objective
  /// scores, violation and the stage it was run in.
  let archive: [(values: [Double], objectives: [Double], violation: Double, stage: Int)]
  /// Spearman's rank correlation `[lever][objective]` over the archive.
  let correlations: [[Double]]
  /// Settings run per generation (first run only), front size after it.
  let generationRows: [(generation: Int, newSettings: Int, frontSize: Int)]
  let stages: Int
  let runs: Int

  init(command: String, design: Design) {
    self.command = command
    settings = design.settings
    base = design.settings.base
    scenario = base.name
    points = design.frontPoints()
    let scores = design.archiveScores()
    archive = design.archive.indices.map { i in
      let e = design.archive[i]
      return (e.values, scores[i], design.violation(e), e.stage)
    }
    correlations = design.leverCorrelations(scores)
    var seen = Set<[Double]>()
    var rows: [(Int, Int, Int)] = []
    for (g, population) in design.generations.enumerated() {
      let fresh = Set(population.map { design.leverValues($0.x) }).subtracting(seen)
      seen.formUnion(population.map { design.leverValues($0.x) })
      rows.append((g, fresh.count, NSGA2.front(of: population).count))
    }
    generationRows = rows
    stages = design.stages
    let w = design.settings.worlds.count
    runs = design.archive.count * w * design.settings.replications + design.confirmed.count * w * design.settings.confirmReplications
  }

  /// Whether the objectives are scored by their regret (all then lowered).
  var regret: Bool { settings.robustness == .regret }
  /// Objective `i` as scored: its metric, or its regret in regret mode.
  func label(_ i: Int) -> String { settings.objectives[i].metric.rawValue + (regret ? "_max_regret" : "") }
  func phrase(_ i: Int) -> String { (regret ? "largest regret in " : "") + settings.objectives[i].metric.phrase }
  func title(_ i: Int) -> String { (regret ? "Largest regret: " : "") + settings.objectives[i].metric.title }
  /// Which way objective `i`'s score is better (a regret is always lowered).
  func direction(_ i: Int) -> DesignObjective.Direction { regret ? .minimize : settings.objectives[i].direction }

  /// The front's points shown (on the front, or not distinguishable from it).
  var shown: [DesignFrontPoint] { points.filter(\.isShown) }

  /// A number as the tables show it.
  static func fixed(_ x: Double) -> String { x.isFinite ? SelfTestReport.fixed(x, RunReport.digits(for: x)) : "–" }

  /// `mean (lower–upper)`.
  static func interval(_ ci: ConfidenceInterval) -> String {
    ci.halfWidth.isFinite ? "\(fixed(ci.mean)) (\(fixed(ci.lower))–\(fixed(ci.upper)))" : fixed(ci.mean)
  }

  /// The levers' values as a person writes them: `daily_base_quota 5, forced_authorization_banned true`.
  func leverText(_ values: [Double]) -> String {
    zip(settings.levers, values).map { "\(Self.shortName($0.path)) \(Self.shown($0, $1))" }.joined(separator: ", ")
  }

  /// A lever's value for reading: numbers of a continuous lever to three
  /// significant digits (the files keep every digit).
  static func shown(_ lever: ScenarioLever, _ x: Double) -> String {
    lever.scale == .continuous && x.rounded() != x ? String(format: "%.3g", x) : lever.scale.text(x)
  }

  /// A key path's last part.
  static func shortName(_ path: String) -> String { String(path.split(separator: ".").last ?? Substring(path)) }

  /// The file name of the `k`th front point's scenario (1-based).
  static func scenarioFile(_ k: Int) -> String { "front-\(k).yaml" }

  /// The scenario of front point `k` (1-based), named after the base.
  func frontScenario(_ k: Int) -> Scenario {
    var s = base
    for (lever, x) in zip(settings.levers, shown[k - 1].values) { lever.apply(x, to: &s) }
    s.name = "\(base.name)-design-\(k)"
    return s
  }

  func status(_ p: DesignFrontPoint) -> String {
    switch p.status {
    case .front: return p.feasible ? "front" : "front (misses a constraint)"
    case .indistinguishable(let other): return "not distinguishable from \(pointNumber(of: other))"
    case .dominated(let other): return "dominated by \(pointNumber(of: other))"
    }
  }

  /// "point k" for a setting's values, or "a setting off the front".
  func pointNumber(of values: [Double]) -> String {
    shown.firstIndex { $0.values == values }.map { "point \($0 + 1)" } ?? "a setting off the front"
  }
}
