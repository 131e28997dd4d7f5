import ScenarioFormat
import ArgumentParser
import PrivacyModel

/// `simrun run`: one scenario.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run one scenario (a file or a phase id) and report every metric with its 95% interval.",
    discussion: """
      Examples:
        simrun run Scenarios/wechat-2025-10-virtual-number.yaml
        simrun run taobao-700-full --replications 20 --format json
        simrun run wechat-2024-04-quota --set merchants.daily_base_quota=100 --out results/quota-100
      """)

  @Argument(help: "A scenario file (.yaml) or a phase id (see `simrun list phases`).")
  var scenario: String

  @OptionGroup var options: RunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let message = ScenarioSources.unknownArgumentMessage(scenario) { throw ValidationError(message) }
  }

  func run() throws {
    let execution = Execution(options: options, output: output)
    let document = try execution.load([scenario])[0]
    try execution.emit(try execution.run(.run, [Execution.Item(id: document.scenario.name, document: document)]))
  }
}
