import Foundation

/// NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002): an evolutionary search
/// for the Pareto front of several objectives (all minimised) over the unit
/// cube, with constraints by constrained domination.
///
/// Written as steps without hidden state, so that a caller can evaluate each
/// generation wherever it likes (in one process, or as a plan of tasks on a
/// cluster) and resume: ``initialPopulation(dimensions:seed:)``, then for
/// each generation ``offspring(of:generation:seed:)``, evaluate them, and
/// ``survivors(of:)`` of parents and offspring together. Every random number
/// comes from a GSL stream of (seed, generation), so a search is
/// reproducible from its seed.
public struct NSGA2: Sendable {
  /// Points kept from one generation to the next (even).
  public var populationSize: Int
  /// Chance that two parents are crossed (simulated binary crossover).
  public var crossoverProbability = 0.9
  /// Distribution index of the crossover: larger keeps children nearer
  /// their parents (Deb's 15 by default).
  public var crossoverIndex = 15.0
  /// Distribution index of polynomial mutation (Deb's 20 by default).
  public var mutationIndex = 20.0
  /// Chance that a coordinate mutates; `nil`: one over the dimensions.
  public var mutationProbability: Double? = nil

  public init(populationSize: Int) {
    precondition(populationSize >= 4 && populationSize.isMultiple(of: 2), "NSGA-II needs an even population of at least 4")
    self.populationSize = populationSize
  }

  /// The first generation: a Latin hypercube of ``populationSize`` points.
  public func initialPopulation(dimensions: Int, seed: UInt64) -> [[Double]] {
    LatinHypercube.sample(count: populationSize, dimension: dimensions,
                          stream: AnalysisStream(seed: seed, purpose: .evolution, round: 0))
  }

  /// ``populationSize`` children of `population` for generation
  /// `generation` (1, 2, …): parents by binary tournament on rank and
  /// crowding, simulated binary crossover, polynomial mutation.
  public func offspring(of population: [EvaluatedPoint], generation: Int, seed: UInt64) -> [[Double]] {
    precondition(population.count >= 2, "offspring need at least two parents")
    let stream = AnalysisStream(seed: seed, purpose: .evolution, round: generation)
    let (rank, crowding) = Self.rankAndCrowding(population)
    func tournament() -> [Double] {
      let a = stream.index(below: population.count), b = stream.index(below: population.count)
      if rank[a] != rank[b] { return population[rank[a] < rank[b] ? a : b].x }
      if crowding[a] != crowding[b] { return population[crowding[a] > crowding[b] ? a : b].x }
      return population[min(a, b)].x
    }
    let d = population[0].x.count
    let pm = mutationProbability ?? 1 / Double(max(1, d))
    var children: [[Double]] = []
    while children.count < populationSize {
      var (c1, c2) = (tournament(), tournament())
      if stream.uniform() < crossoverProbability { (c1, c2) = crossover(c1, c2, stream) }
      children.append(mutate(c1, pm, stream))
      if children.count < populationSize { children.append(mutate(c2, pm, stream)) }
    }
    return children
  }

  /// The next generation: ``populationSize`` points of `pool` (parents and
  /// offspring), whole fronts first, the last front cut by crowding
  /// distance (ties by position in the pool).
  public func survivors(of pool: [EvaluatedPoint]) -> [EvaluatedPoint] {
    guard pool.count > populationSize else { return pool }
    var kept: [EvaluatedPoint] = []
    for front in ParetoRanking.fronts(pool) {
      if kept.count + front.count <= populationSize {
        kept += front.map { pool[$0] }
        continue
      }
      let crowding = ParetoRanking.crowding(front, in: pool)
      let order = front.indices.sorted { crowding[$0] != crowding[$1] ? crowding[$0] > crowding[$1] : $0 < $1 }
      kept += order.prefix(populationSize - kept.count).map { pool[front[$0]] }
      break
    }
    return kept
  }

  /// The feasible points no other point of `points` dominates, in the
  /// order given.
  public static func front(of points: [EvaluatedPoint]) -> [EvaluatedPoint] {
    guard let first = ParetoRanking.fronts(points).first else { return [] }
    return first.map { points[$0] }.filter(\.isFeasible)
  }

  /// Each point's front number and crowding distance within its front.
  static func rankAndCrowding(_ points: [EvaluatedPoint]) -> (rank: [Int], crowding: [Double]) {
    var rank = [Int](repeating: 0, count: points.count)
    var crowding = [Double](repeating: 0, count: points.count)
    for (r, front) in ParetoRanking.fronts(points).enumerated() {
      let distances = ParetoRanking.crowding(front, in: points)
      for (k, i) in front.enumerated() {
        rank[i] = r
        crowding[i] = distances[k]
      }
    }
    return (rank, crowding)
  }
}
