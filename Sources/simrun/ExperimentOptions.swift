import ArgumentParser
import ScenarioFormat

/// The options `explore` and `calibrate` share: the seed, the threads, and
/// the scenario overrides (`--set`, `--days`).
struct ExperimentOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Base seed (a whole number ≥ 0).", transform: RunOptions.seedValue)
  var seed: UInt64 = 20_240_408

  @Option(parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.",
          transform: RunOptions.threadsValue)
  var threads: Int?

  @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario value (repeatable), as for run.", valueName: "KEY.PATH=VALUE"))
  var settings: [String] = []

  @Option(parsing: .unconditional, help: "Shorthand for --set days=N --set warmup_days=min(20, N/3).",
          transform: { try RunOptions.wholeNumber($0, option: "--days", expected: "a whole number of days ≥ 2") })
  var days: Int?

  /// `--days` and `--set` as overrides, in that order.
  var overrides: [Override] { get throws { try RunOptions.overrides(days: days, settings: settings) } }

  func validate() throws {
    if let threads { try RunOptions.validate(replications: 2, threads: threads) }
    if let days, days < 2 { throw ValidationError("--days must be at least 2, got \(days).") }
    _ = try overrides
  }
}
