import ScenarioFormat
import ArgumentParser
import PrivacyModel

/// `simrun compare`: scenarios side by side with common random numbers.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare rule phases (or scenario files) side by side, with common random numbers.",
    discussion: """
      Runs each scenario with the same seed and replications (so they share \
      their random numbers stream by stream) and prints, per platform, every \
      metric as mean ± 95% half-width, each scenario's paired difference from \
      the platform's first scenario, and (with three or more) from the one \
      before it, with 95% intervals. Phases are only paired with phases of \
      their own platform: with no scenario given, all eight phases of RULEBOOK \
      §7 run in two blocks, WeChat Shop and Taobao. Naming scenarios of two \
      platforms also prints their difference from the first, marked as a \
      platform difference, not a rule effect. A phase id stands for its \
      built-in scenario, the same as Scenarios/ID.yaml.

      Examples:
        simrun compare
        simrun compare wechat-2025-08-necessary wechat-2025-10-virtual-number
        simrun compare taobao-11plus4 taobao-700-full --replications 20 --out results/
        simrun compare Scenarios/wechat-2024-04-quota.yaml --set merchants.daily_base_quota=60
      """)

  @Argument(help: "Scenario files (.yaml) or phase ids (see `simrun list phases`); the first of each platform is its baseline.")
  var scenarios: [String] = []

  @OptionGroup var options: RunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    for argument in scenarios {
      if let message = ScenarioSources.unknownArgumentMessage(argument) { throw ValidationError(message) }
    }
    if Set(scenarios).count != scenarios.count { throw ValidationError("a scenario is named twice.") }
  }

  func run() throws {
    let execution = Execution(options: options, output: output)
    let arguments = scenarios.isEmpty ? Phase.all.map(\.id) : scenarios
    let documents = try execution.load(arguments)
    let items = zip(ScenarioSources.columnNames(arguments, documents), documents).map { Execution.Item(id: $0, document: $1) }
    try execution.emit(try execution.run(.compare, items, pairsAcrossPlatforms: !scenarios.isEmpty))
  }
}
