import Foundation

extension NSGA2 {
  /// Simulated binary crossover on [0, 1] (Deb & Agrawal 1995, bounded as in
  /// Deb's NSGA-II code): each coordinate, with chance one half, is spread
  /// around its parents' mean by a factor whose distribution keeps children
  /// near their parents (``crossoverIndex``), never outside the cube.
  func crossover(_ a: [Double], _ b: [Double], _ stream: AnalysisStream) -> ([Double], [Double]) {
    var c1 = a, c2 = b
    let power = 1 / (crossoverIndex + 1)
    for i in a.indices where stream.uniform() <= 0.5 {
      let (y1, y2) = (min(a[i], b[i]), max(a[i], b[i]))
      guard y2 - y1 > 1e-14 else { continue }
      let u = stream.uniform()
      func spread(_ beta: Double) -> Double {
        let alpha = 2 - pow(beta, -(crossoverIndex + 1))
        return u <= 1 / alpha ? pow(u * alpha, power) : pow(1 / (2 - u * alpha), power)
      }
      let low = 0.5 * ((y1 + y2) - spread(1 + 2 * y1 / (y2 - y1)) * (y2 - y1))
      let high = 0.5 * ((y1 + y2) + spread(1 + 2 * (1 - y2) / (y2 - y1)) * (y2 - y1))
      let (x1, x2) = (min(max(low, 0), 1), min(max(high, 0), 1))
      if stream.uniform() <= 0.5 {
        (c1[i], c2[i]) = (x2, x1)
      } else {
        (c1[i], c2[i]) = (x1, x2)
      }
    }
    return (c1, c2)
  }

  /// Polynomial mutation on [0, 1] (Deb & Goyal 1996, bounded): each
  /// coordinate with chance `probability` moves by a step whose size falls
  /// off polynomially (``mutationIndex``), never outside the cube.
  func mutate(_ x: [Double], _ probability: Double, _ stream: AnalysisStream) -> [Double] {
    var y = x
    let power = 1 / (mutationIndex + 1)
    for i in x.indices where stream.uniform() < probability {
      let u = stream.uniform()
      let step: Double
      if u <= 0.5 {
        let value = 2 * u + (1 - 2 * u) * pow(1 - x[i], mutationIndex + 1)
        step = pow(value, power) - 1
      } else {
        let value = 2 * (1 - u) + 2 * (u - 0.5) * pow(x[i], mutationIndex + 1)
        step = 1 - pow(value, power)
      }
      y[i] = min(max(x[i] + step, 0), 1)
    }
    return y
  }

  /// A whole search in one process: `generations` generations after the
  /// first, each point scored by `evaluate` (objectives to minimise, and the
  /// constraint violation, 0 when feasible). Returns the last population.
  public func minimize(dimensions: Int, generations: Int, seed: UInt64,
                       evaluate: ([Double]) -> (objectives: [Double], violation: Double)) -> [EvaluatedPoint] {
    func score(_ xs: [[Double]]) -> [EvaluatedPoint] {
      xs.map { x in
        let e = evaluate(x)
        return EvaluatedPoint(x: x, objectives: e.objectives, violation: e.violation)
      }
    }
    var population = score(initialPopulation(dimensions: dimensions, seed: seed))
    for generation in stride(from: 1, through: generations, by: 1) {
      population = survivors(of: population + score(offspring(of: population, generation: generation, seed: seed)))
    }
    return population
  }
}
