import ArgumentParser
import PrivacyModel
import SimKernel

/// Options shared by the commands that run scenarios.
struct RunOptions: ParsableArguments {
  @Option(help: "Base seed of the random streams.")
  var seed: UInt64 = 20_240_408

  @Option(help: "Independent replications per phase (at least 2, for confidence intervals).")
  var replications: Int = 10

  @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Simulated days per phase, the first third of them (at most 20) warm-up.")
  var days: Int = 60

  @Option(help: "Orders per day over all shops.")
  var ordersPerDay: Double = 5_000

  func validate() throws {
    try RunOptions.validate(replications: replications, threads: threads)
    guard days >= 7 else { throw ValidationError("--days must be at least 7, got \(days).") }
    guard ordersPerDay > 0, ordersPerDay.isFinite else {
      throw ValidationError("--orders-per-day must be a positive number, got \(ordersPerDay).")
    }
  }

  /// The checks every replicating command makes of its `--replications`
  /// and `--threads` (their defaults differ by command, the rules do not).
  static func validate(replications: Int, threads: Int?) throws {
    guard replications >= 2 else { throw ValidationError("--replications must be at least 2, got \(replications).") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
  }

  /// The built-in scenario of `phase` with these options applied.
  func scenario(for phase: Phase) -> Scenario {
    var s = Scenario(phase: phase, days: days, warmupDays: min(20, days / 3))
    s.orders.ordersPerDay = ordersPerDay
    return s
  }
}
