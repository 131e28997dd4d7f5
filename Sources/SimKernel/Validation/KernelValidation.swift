/// The kernel's self-test: queueing systems with known steady-state answers,
/// simulated over independent replications, each quantity compared with its
/// analytic value.
///
/// A quantity passes when the analytic value lies inside the replications'
/// 95% confidence interval **and** the interval is tight: half-width below
/// ``maximumRelativeHalfWidth`` of the value. Little's law (L = λW, over each
/// whole run) must hold in every replication to within rounding.
public enum KernelValidation {
  /// Largest accepted CI half-width relative to the analytic value.
  public static let maximumRelativeHalfWidth = 0.03
  /// Largest accepted relative gap between L and λW in any replication.
  public static let littleTolerance = 1e-9

  /// One queueing system to validate.
  public struct Case: Hashable, Sendable {
    public var name: String
    public var configuration: QueueingStation.Configuration
    public var prediction: QueueingTheory.Prediction
  }

  /// One line of the self-test report.
  public struct Row: Hashable, Sendable {
    public var system: String
    public var quantity: String
    /// The value theory predicts (0 for Little's-law rows: the gap).
    public var analytic: Double
    /// The simulated value: the replications' mean, or for Little's-law rows
    /// the largest relative gap |L − λW| / L of any replication.
    public var simulated: Double
    /// The replications' 95% interval; `nil` for Little's-law rows, which
    /// compare every replication with ``KernelValidation/littleTolerance``.
    public var interval: ConfidenceInterval?
    public var passed: Bool
    public var note: String
  }

  /// The standard cases: M/M/1 at ρ = 0.5 and 0.9, M/M/3 at ρ = 0.8 (Erlang
  /// C), M/D/1 at ρ = 0.7 (Pollaczek–Khinchine). Service rate 1 per minute.
  /// Horizons are long enough for a half-width under 3% with 20 replications.
  public static let standardCases: [Case] = [
    mm1(rho: 0.5, horizonMinutes: 60_000),
    mm1(rho: 0.9, horizonMinutes: 320_000),
    Case(
      name: "M/M/3 ρ=0.8",
      configuration: .init(
        servers: 3, interarrival: .exponential(mean: 1 / 2.4), service: .exponential(mean: 1),
        warmup: .minutes(2_000), horizon: .minutes(120_000)),
      prediction: QueueingTheory.mmc(arrivalRate: 2.4, serviceRate: 1, servers: 3)),
    Case(
      name: "M/D/1 ρ=0.7",
      configuration: .init(
        servers: 1, interarrival: .exponential(mean: 1 / 0.7), service: .constant(1),
        warmup: .minutes(2_000), horizon: .minutes(120_000)),
      prediction: QueueingTheory.md1(arrivalRate: 0.7, serviceTime: 1)),
  ]

  static func mm1(rho: Double, horizonMinutes: Int64) -> Case {
    Case(
      name: "M/M/1 ρ=\(rho)",
      configuration: .init(
        servers: 1, interarrival: .exponential(mean: 1 / rho), service: .exponential(mean: 1),
        warmup: .minutes(2_000), horizon: .minutes(horizonMinutes)),
      prediction: QueueingTheory.mm1(arrivalRate: rho, serviceRate: 1))
  }

  /// Runs `cases` and returns the report rows, three per case (Wq, L, Little).
  public static func run(
    cases: [Case] = standardCases, seed: UInt64, replications: Int = 20, threads: Int? = nil
  ) -> [Row] {
    let runner = ReplicationRunner(replications: replications, threads: threads)
    var rows: [Row] = []
    for c in cases {
      let configuration = c.configuration
      // `run` rethrows only what the body throws, and this body cannot throw.
      let results = try! runner.run { r in QueueingStation.run(configuration, seed: seed, replication: r) }
      rows.append(row(c.name, "mean wait in queue Wq (min)", c.prediction.meanWaitInQueue,
                      ConfidenceInterval(results.map(\.meanWaitInQueue))))
      rows.append(row(c.name, "time-avg number in system L", c.prediction.meanNumberInSystem,
                      ConfidenceInterval(results.map(\.averageInSystem))))
      let gaps = results.map { abs($0.littleL - $0.littleLambdaW) / max($0.littleL, .leastNormalMagnitude) }
      let worst = gaps.max() ?? 0
      rows.append(Row(
        system: c.name, quantity: "Little's law L = λW (each run)", analytic: 0, simulated: worst,
        interval: nil, passed: worst <= littleTolerance,
        note: "largest relative gap \(worst)"))
    }
    return rows
  }

  static func row(_ system: String, _ quantity: String, _ analytic: Double, _ ci: ConfidenceInterval) -> Row {
    let inside = ci.contains(analytic)
    let relative = ci.halfWidth / abs(analytic)
    let tight = relative < maximumRelativeHalfWidth
    var note = "half-width \(percent(relative)) of value"
    if !inside { note += "; analytic value outside the CI" }
    if !tight { note += "; CI wider than \(percent(maximumRelativeHalfWidth))" }
    return Row(system: system, quantity: quantity, analytic: analytic, simulated: ci.mean, interval: ci,
               passed: inside && tight, note: note)
  }

  static func percent(_ x: Double) -> String {
    let tenths = (x * 1000).rounded()
    return "\(tenths / 10)%"
  }
}
