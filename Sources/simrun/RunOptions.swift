import ScenarioFormat
import ArgumentParser
import PrivacyModel
import SimKernel

/// Options shared by the commands that run scenarios.
struct RunOptions: ParsableArguments {
  @Option(parsing: .unconditional,
          help: "Base seed of the random streams (a whole number ≥ 0); scenarios run with the same seed share common random numbers.",
          transform: RunOptions.seedValue)
  var seed: UInt64 = 20_240_408

  @Option(parsing: .unconditional,
          help: "Independent replications per scenario (a whole number from 2 to 10000, for confidence intervals).",
          transform: RunOptions.replicationsValue)
  var replications: Int = 10

  @Option(parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.",
          transform: RunOptions.threadsValue)
  var threads: Int?

  @Option(name: .customLong("set"),
          help: ArgumentHelp("Override a scenario value, checked like the file (repeatable).",
                             discussion: "e.g. --set merchants.daily_base_quota=60 --set 'orders.handling_time_hours={exponential: {mean: 12}}'; `simrun list keys` lists the key paths.",
                             valueName: "KEY.PATH=VALUE"))
  var settings: [String] = []

  @Option(parsing: .unconditional, help: "Shorthand for --set days=N --set warmup_days=min(20, N/3).",
          transform: { try RunOptions.wholeNumber($0, option: "--days", expected: "a whole number of days ≥ 2") })
  var days: Int?

  @Option(parsing: .unconditional,
          help: ArgumentHelp("Stop with an error when one replication holds more orders in flight than this (a memory limit: about 160 bytes an order, per thread).",
                             valueName: "N"),
          transform: { try RunOptions.wholeNumber($0, option: "--max-orders-in-flight", expected: "a whole number from 1 to \(1 << 28)") })
  var maxOrdersInFlight: Int = Scenario.defaultMaxOrdersInFlight

  /// Memory per order in flight, measured (docs/reference.md, "Memory limit").
  static let bytesPerOrderInFlight = 160

  func validate() throws {
    try RunOptions.validate(replications: replications, threads: threads)
    guard (1...(1 << 28)).contains(maxOrdersInFlight) else {
      throw ValidationError("--max-orders-in-flight must be a whole number from 1 to \(1 << 28), got \(maxOrdersInFlight).")
    }
    if let days, days < 2 { throw ValidationError("--days must be at least 2, got \(days).") }
    _ = try overrides
  }

  /// `--days` then every `--set`, in order (a later one wins).
  var overrides: [Override] {
    get throws { try RunOptions.overrides(days: days, settings: settings) }
  }

  /// The overrides of `--days N` (days and warm-up) followed by `settings`
  /// (`--set` arguments), for every command that takes them.
  static func overrides(days: Int?, settings: [String]) throws -> [Override] {
    var list: [Override] = []
    if let days {
      list.append(try Override(validating: "days=\(days)"))
      list.append(try Override(validating: "warmup_days=\(min(20, days / 3))"))
    }
    return list + (try settings.map { try Override(validating: $0) })
  }

  /// `text` as a whole number of type `T`, or an error that says what
  /// `option` expects (a negative number is read as a value, not an option).
  static func wholeNumber<T: FixedWidthInteger>(_ text: String, option: String, expected: String) throws -> T {
    guard let value = T(text) else { throw ValidationError("\(option) must be \(expected), got '\(text)'.") }
    return value
  }

  static func seedValue(_ text: String) throws -> UInt64 {
    try wholeNumber(text, option: "--seed", expected: "a whole number from 0 to \(UInt64.max)")
  }

  static func replicationsValue(_ text: String) throws -> Int {
    try wholeNumber(text, option: "--replications", expected: "a whole number from 2 to \(maxReplications)")
  }

  static func threadsValue(_ text: String) throws -> Int {
    try wholeNumber(text, option: "--threads", expected: "a whole number from 1 to 1024")
  }

  static func widthValue(_ text: String) throws -> Int {
    try wholeNumber(text, option: "--width", expected: "a whole number from 0 (no limit) to 100000")
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
  /// The options of a command that declares its own output flags (their
  /// help names the files it writes): explore, calibrate, design.
  static func reporting(format: Format, out: String?, display: ReportDisplayOptions, metrics: String = "headline") throws -> OutputOptions {
    var o = try OutputOptions.parse(["--metrics", metrics])
    o.format = format
    o.out = out
    o.width = display.width
    o.quiet = display.quiet
    return o
  }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
  }

  @Option(help: "What to print on standard output: table, csv, json or markdown.")
  var format: Format = .table

  @Option(help: ArgumentHelp("Also write results.csv, segments.csv, results.json, summary.md and report.html into this folder (created if needed; files replaced atomically).",
                             valueName: "DIR"))
  var out: String?

  @Option(parsing: .unconditional,
          help: ArgumentHelp("Fit the table to this many columns: wider tables continue in blocks below (default: the terminal's width, else $COLUMNS, else 80; 0: no limit).",
                             valueName: "COLUMNS"),
          transform: RunOptions.widthValue)
  var width: Int?

  @Option(help: ArgumentHelp("The metrics the table shows: headline (the default: the nine charted), all, or names separated by commas (`simrun list metrics`); CSV, JSON and --out always have all.",
                             valueName: "headline|all|NAME,…"))
  var metrics = "headline"

  @Flag(help: "After the table, the same metrics by shop-size segment (< 10, 10–100, 100–1,000, ≥ 1,000 real orders a day); segments.csv and JSON always have them.")
  var bySegment = false

  @Flag(help: "No progress bar.")
  var quiet = false

  /// The metrics `--metrics` names.
  var tableMetrics: [Metric] {
    switch metrics {
    case "all": return Metric.allCases
    case "headline": return RunReport.headlineMetrics
    default:
      // In the order given, each once.
      var seen = Set<Metric>()
      return metrics.split(separator: ",").compactMap { Metric(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        .filter { seen.insert($0).inserted }
    }
  }

  func validate() throws {
    if metrics != "all" && metrics != "headline" {
      for name in metrics.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) })
      where Metric(rawValue: name) == nil {
        let former = Metric.formerNames[name].map { " (now '\($0.rawValue)')" } ?? ""
        let hint = former.isEmpty ? (Suggestion.closest(to: name, in: Metric.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? "") : ""
        throw ValidationError("--metrics: unknown metric '\(ScenarioDiagnostic.printable(name))'\(former)\(hint) (see `simrun list metrics`).")
      }
    }
    try Self.check(width: width)
  }

  /// The width the table is fitted to; `nil`: no limit.
  var tableWidth: Int? { Self.fitted(width) }

  /// `--width` as tables and lists read it: `nil` (not given) is the
  /// terminal's width, 0 no limit (`nil`), else the number.
  static func fitted(_ width: Int?) -> Int? {
    guard let width else { return Terminal.outputWidth }
    return width == 0 ? nil : width
  }

  /// Refuses a `--width` outside 0…100000.
  static func check(width: Int?) throws {
    if let width, width < 0 || width > 100_000 {
      throw ValidationError("--width must be a whole number from 0 (no limit) to 100000, got \(width).")
    }
  }
}
