/// Closed-form steady-state results for the queues used to validate the
/// kernel. Rates are per unit time; results are in the same unit.
public enum QueueingTheory {
  /// Steady-state mean wait in queue (Wq) and mean number in system (L).
  public struct Prediction: Hashable, Sendable {
    public var meanWaitInQueue: Double
    public var meanNumberInSystem: Double
  }

  /// M/M/c: Erlang's C formula for the probability of waiting, then
  /// Wq = C / (cμ − λ) and L = λ Wq + λ/μ.
  public static func mmc(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Prediction {
    let a = lambda / mu
    let rho = a / Double(c)
    precondition(rho < 1, "unstable queue")
    // Σ_{k<c} a^k/k! and a^c/c!, accumulated term by term.
    var term = 1.0
    var sum = 0.0
    for k in 0..<c {
      sum += term
      term *= a / Double(k + 1)
    }
    let top = term / (1 - rho)
    let erlangC = top / (sum + top)
    let wq = erlangC / (Double(c) * mu - lambda)
    return Prediction(meanWaitInQueue: wq, meanNumberInSystem: lambda * wq + a)
  }

  /// M/M/1: Wq = ρ / (μ − λ), L = ρ / (1 − ρ).
  public static func mm1(arrivalRate lambda: Double, serviceRate mu: Double) -> Prediction {
    mmc(arrivalRate: lambda, serviceRate: mu, servers: 1)
  }

  /// M/D/1 by Pollaczek–Khinchine: Wq = ρ / (2μ(1 − ρ)), L = λ Wq + ρ.
  public static func md1(arrivalRate lambda: Double, serviceTime d: Double) -> Prediction {
    let rho = lambda * d
    precondition(rho < 1, "unstable queue")
    let wq = rho * d / (2 * (1 - rho))
    return Prediction(meanWaitInQueue: wq, meanNumberInSystem: lambda * wq + rho)
  }
}
