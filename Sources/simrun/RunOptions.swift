import ArgumentParser
import PrivacyModel
import SimKernel

/// Options shared by the commands that run scenarios.
struct RunOptions: ParsableArguments {
  @Option(help: "Base seed of the random streams (a whole number ≥ 0); scenarios run with the same seed share common random numbers.")
  var seed: UInt64 = 20_240_408

  @Option(help: "Independent replications per scenario (a whole number from 2 to 10000, for confidence intervals).")
  var replications: Int = 10

  @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Option(name: .customLong("set"),
          help: ArgumentHelp("Override a scenario value, checked like the file (repeatable).",
                             discussion: "e.g. --set merchants.daily_base_quota=60 --set 'orders.handling_time_hours={exponential: {mean: 12}}'; `simrun list keys` lists the key paths.",
                             valueName: "KEY.PATH=VALUE"))
  var settings: [String] = []

  @Option(help: "Shorthand for --set days=N --set warmup_days=min(20, N/3).")
  var days: Int?

  func validate() throws {
    try RunOptions.validate(replications: replications, threads: threads)
    if let days, days < 2 { throw ValidationError("--days must be at least 2, got \(days).") }
    _ = try overrides
  }

  /// `--days` then every `--set`, in order (a later one wins).
  var overrides: [Override] {
    get throws {
      var list: [Override] = []
      if let days {
        list.append(try Override(parsing: "days=\(days)"))
        list.append(try Override(parsing: "warmup_days=\(min(20, days / 3))"))
      }
      return list + (try settings.map { try Override(parsing: $0) })
    }
  }

  /// The most replications a command accepts: enough for any interval a
  /// report shows, few enough that a typo cannot start a run of years.
  static let maxReplications = 10_000

  /// The checks every replicating command makes of its `--replications`
  /// and `--threads` (their defaults differ by command, the rules do not).
  static func validate(replications: Int, threads: Int?) throws {
    guard replications >= 2 else { throw ValidationError("--replications must be at least 2, got \(replications).") }
    guard replications <= maxReplications else {
      throw ValidationError("--replications must be at most \(maxReplications), got \(replications).")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let threads, threads > 1_024 { throw ValidationError("--threads must be at most 1024, got \(threads).") }
  }
}

/// How results are shown and saved.
struct OutputOptions: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
  }

  @Option(help: "What to print on standard output: table, csv, json or markdown.")
  var format: Format = .table

  @Option(help: ArgumentHelp("Also write results.csv, results.json, summary.md and report.html into this folder (created if needed; files replaced atomically).",
                             valueName: "DIR"))
  var out: String?

  @Flag(help: "No progress bar.")
  var quiet = false
}
