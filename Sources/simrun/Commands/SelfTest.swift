import ArgumentParser
import SimKernel

/// `simrun selftest`: validates the kernel against queueing theory.
struct SelfTest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selftest",
    abstract: "Validate the simulation kernel against queueing theory.",
    usage: """
      simrun selftest [--seed <seed>] [--replications <replications>]
                      [--threads <threads>]
      """,
    discussion: """
      Simulates M/M/1 (ρ = 0.5 and 0.9), M/M/3 and M/D/1 queues over independent \
      replications and compares the mean wait in queue and the time-average number \
      in system with their analytic values. A quantity passes when the analytic \
      value lies in the 95% confidence interval and the interval's half-width is \
      under 3% of it; Little's law must hold in every replication. Exits with \
      code 3 if anything fails.

      Examples:
        simrun selftest
        simrun selftest --seed 7 --replications 30 --threads 1
      """)

  @Option(parsing: .unconditional, help: "Base seed of the random streams (a whole number ≥ 0).",
          transform: RunOptions.seedValue)
  var seed: UInt64 = 20_240_408

  @Option(parsing: .unconditional, help: "Independent replications per system (a whole number from 2 to 10000).",
          transform: RunOptions.replicationsValue)
  var replications: Int = 20

  @Option(parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.",
          transform: RunOptions.threadsValue)
  var threads: Int?

  func validate() throws {
    try RunOptions.validate(replications: replications, threads: threads)
  }

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let rows = KernelValidation.run(seed: seed, replications: replications, threads: threads)
    let elapsed = clock.now - start
    print(SelfTestReport.table(rows))
    let failed = rows.filter { !$0.passed }.count
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print("selftest: seed \(seed), \(replications) replications, \(SelfTestReport.fixed(seconds, 2)) s")
    print("\(rows.count - failed) passed, \(failed) failed")
    if failed > 0 { throw SimRunExit.checkFailed }
  }
}
