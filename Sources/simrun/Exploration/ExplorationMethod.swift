import ArgumentParser

/// What `simrun explore` computes over the uncertain keys.
enum ExplorationMethod: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Saltelli design, first-order and total Sobol indices.
  case sobol
  /// Morris trajectories, elementary effects (μ*, σ).
  case morris
  /// Latin hypercube, each metric's distribution over the input ranges.
  case uncertainty
}
