import ScenarioFormat
import ArgumentParser
import Foundation
import PrivacyModel

/// `simrun timeline`: the 2024–2026 timeline as one simulation, with weekly series.
struct Timeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the 2024–2026 timeline as one simulation, each phase switching on at its date; weekly series.",
    discussion: """
      Both platforms run side by side; orders in flight at a switch continue \
      under the rules now in force (docs/model.md). \
      Prints its findings, each phase switch (the four whole weeks either \
      side), the headline metrics by month and, for reference, the whole \
      period pooled; --format csv|json and --out give the weekly series (weekly.csv, \
      results.json) and report.html charts them with the switches marked. \
      Weekly series count each event in the week it happens, so no rule's \
      effect shows before its switch; --week-of creation counts everything \
      an order meets in the week the order was created.

      Examples:
        simrun timeline
        simrun timeline --replications 4 --out results/timeline
        simrun timeline my-timeline.yaml --set wechat_share=0.3
        simrun timeline --week-of creation --days 120
      """)

  static let defaultFile = "Scenarios/timeline-2024-2026.yaml"

  @Argument(help: "A timeline scenario file (default: \(Timeline.defaultFile), or the built-in timeline when that file is absent).")
  var scenario: String?

  @Option(name: .customLong("week-of"),
          help: "Count the weekly series by the week each event happens (event) or its order was created (creation).")
  var weekOf: WeeklySeriesBasis = .event

  @OptionGroup var options: RunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let scenario, let message = ScenarioSources.unknownArgumentMessage(scenario, allowTimeline: true) {
      throw ValidationError(message)
    }
  }

  func run() throws {
    let argument = scenario ?? (FileManager.default.fileExists(atPath: Timeline.defaultFile) ? Timeline.defaultFile : "timeline")
    let execution = Execution(options: options, output: output)
    var document = try execution.load([argument])[0]
    document.scenario.recordsWeeklySeries = true
    document.scenario.weeklySeriesBasis = weekOf
    try execution.emit(try execution.run(.timeline, [Execution.Item(id: document.scenario.name, document: document)]))
  }
}
