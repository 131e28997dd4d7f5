import ArgumentParser
import PrivacyModel

/// `simrun compare`: scenarios side by side with common random numbers.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare rule phases (or scenario files) side by side, with common random numbers.",
    discussion: """
      Runs each scenario with the same seed and replications (so they share \
      their random numbers stream by stream), prints every metric as mean ± 95% \
      half-width per scenario, then each scenario's paired difference from the \
      first with its 95% interval. With no scenario given, compares all eight \
      phases of RULEBOOK §7. A phase id stands for its built-in scenario, the \
      same as Scenarios/ID.yaml.

      Examples:
        simrun compare
        simrun compare wechat-2025-08-necessary wechat-2025-10-virtual-number
        simrun compare taobao-11plus4 taobao-700-full --replications 20 --out results/
        simrun compare Scenarios/wechat-2024-04-quota.yaml --set merchants.daily_base_quota=60
      """)

  @Argument(help: "Scenario files (.yaml) or phase ids (see `simrun list phases`); the first is the baseline.")
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
    try execution.emit(try execution.run(.compare, items))
  }
}
