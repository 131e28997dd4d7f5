import Analysis
import PrivacyModel
import ScenarioFormat

/// The points an exploration runs: unit-cube coordinates from the method's
/// design, mapped to the uncertain keys' values.
struct ExplorationDesign: Sendable {
  let method: ExplorationMethod
  let uncertainties: [ScenarioUncertainty]
  let saltelli: SaltelliDesign?
  let morris: MorrisDesign?
  /// Unit-cube points, in evaluation order.
  let unitPoints: [[Double]]
  /// How the points were drawn, for reports.
  let sampling: String
  /// Each point's key values (dates as day numbers), from the unit points.
  let values: [[Double]]

  /// - Parameter samples: Sobol: base samples N (N (k + 2) points);
  ///   Morris: trajectories r (r (k + 1) points); uncertainty: points.
  init(method: ExplorationMethod, uncertainties: [ScenarioUncertainty], samples: Int, levels: Int, seed: UInt64) {
    self.method = method
    self.uncertainties = uncertainties
    let k = uncertainties.count
    switch method {
    case .sobol:
      let design = SaltelliDesign(factors: k, baseSamples: samples, seed: seed)
      saltelli = design
      morris = nil
      unitPoints = design.points
      sampling = "Saltelli design on \(design.sampling == .sobol ? "GSL's Sobol sequence" : "two Latin hypercubes (more than 20 factors)"), N = \(samples)"
    case .morris:
      let design = MorrisDesign(factors: k, trajectories: samples, levels: levels, stream: AnalysisStream(seed: seed, purpose: .morris))
      saltelli = nil
      morris = design
      unitPoints = design.points
      sampling = "Morris trajectories, r = \(samples), \(levels) levels"
    case .uncertainty:
      saltelli = nil
      morris = nil
      unitPoints = LatinHypercube.sample(count: samples, dimension: k, stream: AnalysisStream(seed: seed, purpose: .latinHypercube))
      sampling = "Latin hypercube of \(samples) points"
    }
    let factors = uncertainties.map(ExplorationDesign.factor)
    values = unitPoints.map { u in zip(factors, u).map { $0.value(at: $1) } }
  }

  /// The analysis's view of a key (unit coordinate → value).
  static func factor(_ u: ScenarioUncertainty) -> Factor {
    switch u.scale {
    case .continuous, .multiplier: Factor(name: u.path, lower: u.lower, upper: u.upper, scale: .continuous)
    // A switch: 0 and 1, equally likely.
    case .boolean: Factor(name: u.path, lower: 0, upper: 1, scale: .integer)
    case .integer, .date: Factor(name: u.path, lower: u.lower, upper: u.upper, scale: .integer)
    }
  }


  /// `base` with point `values` applied.
  func scenario(_ base: Scenario, at values: [Double]) -> Scenario {
    uncertainties.applied(values, to: base)
  }
}
