import ArgumentParser
import PrivacyModel
import SimKernel

/// `simrun compare`: phases side by side with common random numbers.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare rule phases side by side, with common random numbers.",
    discussion: """
      Runs each phase's built-in scenario with the same seed and replications \
      (so the phases share their random numbers stream by stream), prints every \
      metric as mean ± 95% half-width per phase, then each phase's paired \
      difference from the first phase with its 95% interval. With no phase \
      given, compares all eight phases of RULEBOOK §7.

      Examples:
        simrun compare
        simrun compare wechat-2025-08-necessary wechat-2025-10-virtual-number
        simrun compare taobao-11plus4 taobao-700-full --replications 20 --threads 1
      """)

  @Argument(help: "Scenario files (.yaml) or phase ids (see `simrun list phases`); the first is the baseline.")
  var phases: [String] = []

  @OptionGroup var options: RunOptions

  func validate() throws {
    try options.validate()
    for id in phases where Phase.named(id) == nil && !Compare.isFile(id) {
      let suggestion = Suggestion.closest(to: id, in: Phase.all.map(\.id)).map { " Did you mean '\($0)'?" } ?? ""
      throw ValidationError("unknown phase '\(id)'.\(suggestion) Known phases: \(Phase.all.map(\.id).joined(separator: ", ")).")
    }
    if Set(phases).count != phases.count { throw ValidationError("a phase is named twice.") }
  }

  static func isFile(_ argument: String) -> Bool { argument.hasSuffix(".yaml") || argument.hasSuffix(".yml") }

  func run() throws {
    // Every file is checked before anything runs; all problems are reported.
    var scenarios: [Scenario] = []
    var problems: [String] = []
    for argument in phases.isEmpty ? Phase.all.map(\.id) : phases {
      if Compare.isFile(argument) {
        do { scenarios.append(try ScenarioFile.load(argument)) } catch { problems.append(error.description) }
      } else {
        scenarios.append(options.scenario(for: Phase.named(argument)!))
      }
    }
    guard problems.isEmpty else {
      printError(problems.joined(separator: "\n"))
      throw SimRunExit.invalidInput
    }
    let results = scenarios.map { scenario in
      ScenarioRunner.run(scenario, seed: options.seed, replications: options.replications, threads: options.threads)
    }
    print(ComparisonReport(results: results).text)
  }
}
