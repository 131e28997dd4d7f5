import ScenarioFormat
import ArgumentParser
import Foundation
import PrivacyModel

/// `simrun check`: run scenarios and test their `expect:` thresholds (CI mode).
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run scenarios and test the thresholds in their `expect:` lists (for CI).",
    discussion: """
      A scenario file may list thresholds on metrics:

        expect:
          - courier_reach_per_attempt >= 0.95
          - merchant_contact_after_sale >= 0.8

      Each is tested on the metric's mean over the replications (with --strict, \
      the whole 95% interval must satisfy it). Prints every threshold with the \
      mean and interval, writes JUnit XML with --junit, and exits 3 when any \
      fails (0 when all hold, 64 for invalid input, 130 when interrupted).

      Examples:
        simrun check Scenarios/checks/ci-wechat-vn.yaml
        simrun check Scenarios/checks/*.yaml --junit build/simrun-junit.xml --strict
      """)

  @Argument(help: "Scenario files (.yaml) or phase ids; each with `expect:` thresholds.")
  var scenarios: [String]

  @Option(help: ArgumentHelp("Write the results as JUnit XML to this file (atomically).", valueName: "FILE"))
  var junit: String?

  @Flag(help: "A threshold holds only if the whole 95% interval satisfies it.")
  var strict = false

  @OptionGroup var options: RunOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    for argument in scenarios {
      if let message = ScenarioSources.unknownArgumentMessage(argument) { throw ValidationError(message) }
    }
  }

  func run() throws {
    let execution = Execution(options: options, output: output)
    let documents = try execution.load(scenarios)
    let empty = zip(scenarios, documents).filter { $0.1.expectations.isEmpty }.map(\.0)
    guard empty.isEmpty else {
      printError("simrun check: no `expect:` thresholds in \(empty.joined(separator: ", ")); add e.g.\n  expect:\n    - courier_reach_per_attempt >= 0.95")
      throw SimRunExit.invalidInput
    }
    let items = zip(ScenarioSources.columnNames(scenarios, documents), documents).map { Execution.Item(id: $0, document: $1) }
    try execution.checkOutputFile(junit, option: "--junit")
    let report = try execution.run(.check, items)
    let suites = zip(report.entries, documents).map { entry, document in
      CheckSuite(entry: entry, verdicts: document.expectations.map { $0.evaluate(entry.result.interval($0.metric)) })
    }
    let colour = Terminal.colourOnStandardOutput
    var lines: [String] = []
    for suite in suites {
      lines.append("\(suite.entry.id) (\(suite.entry.source)):")
      let width = suite.verdicts.map(\.expectation.description.count).max() ?? 0
      for verdict in suite.verdicts {
        let text = verdict.expectation.description
        let padded = text + String(repeating: " ", count: width - text.count)
        let pass = verdict.passes(strict: strict)
        let mark = pass ? Terminal.styled("PASS", .green, enabled: colour) : Terminal.styled("FAIL", .red, enabled: colour)
        let note = verdict.meanHolds != verdict.intervalHolds ? "  (the interval straddles the threshold)" : ""
        let figures = "mean \(SVGChart.value(verdict.interval.mean)), 95% CI [\(SVGChart.value(verdict.interval.lower)), \(SVGChart.value(verdict.interval.upper))]\(note)"
        let line = "  \(mark)  \(padded)   \(figures)"
        // Too wide for the terminal: the figures go on the next line.
        if Terminal.visibleCount(line) <= Terminal.outputWidth {
          lines.append(line)
        } else {
          lines.append("  \(mark)  \(text)")
          lines += RunReport.paragraph(figures, width: Terminal.outputWidth - 8).split(separator: "\n").map { "        " + $0 }
        }
      }
    }
    let failures = suites.flatMap(\.verdicts).filter { !$0.passes(strict: strict) }.count
    let total = suites.map(\.verdicts.count).reduce(0, +)
    lines.append("\(total - failures) passed, \(failures) failed (\(strict ? "strict: whole 95% interval" : "on the mean"); seed \(options.seed), \(options.replications) replications)")
    if output.format == .table { print(lines.joined(separator: "\n")) } else { printError(lines.joined(separator: "\n")) }
    if let junit {
      do {
        try AtomicFile.makeFolder(URL(fileURLWithPath: junit).deletingLastPathComponent().path)
        try AtomicFile.write(JUnitReport.xml(suites, strict: strict, seed: options.seed, replications: options.replications), to: junit)
      } catch {
        printError("simrun: \(error)")
        throw SimRunExit.outputFailed
      }
    }
    if output.format != .table || output.out != nil {
      // The usual report too: on stdout in the chosen format, and the folder.
      if output.format != .table { try execution.emit(report) } else if let out = output.out { try execution.write(report, to: out) }
    }
    if failures > 0 { throw SimRunExit.checkFailed }
  }
}

/// The verdicts of one scenario's thresholds.
struct CheckSuite {
  let entry: RunReport.Entry
  let verdicts: [Expectation.Verdict]
}

/// JUnit XML as CI systems read it: a test suite per scenario, a test case
/// per threshold, a `<failure>` for each that does not hold.
enum JUnitReport {
  static func xml(_ suites: [CheckSuite], strict: Bool, seed: UInt64, replications: Int) -> String {
    let e = SVGChart.escape
    let failures = suites.flatMap(\.verdicts).filter { !$0.passes(strict: strict) }.count
    var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    x += "<testsuites name=\"simrun check\" tests=\"\(suites.map(\.verdicts.count).reduce(0, +))\" failures=\"\(failures)\">\n"
    for suite in suites {
      let failed = suite.verdicts.filter { !$0.passes(strict: strict) }.count
      x += "  <testsuite name=\"\(e(suite.entry.id))\" tests=\"\(suite.verdicts.count)\" failures=\"\(failed)\">\n"
      x += "    <properties><property name=\"source\" value=\"\(e(suite.entry.source))\"/><property name=\"seed\" value=\"\(seed)\"/><property name=\"replications\" value=\"\(replications)\"/><property name=\"strict\" value=\"\(strict)\"/></properties>\n"
      for verdict in suite.verdicts {
        let ci = verdict.interval
        let measured = "mean \(ci.mean), 95% CI [\(ci.lower), \(ci.upper)]"
        x += "    <testcase classname=\"\(e(suite.entry.id))\" name=\"\(e(verdict.expectation.description))\""
        if verdict.passes(strict: strict) {
          x += "><system-out>\(e(measured))</system-out></testcase>\n"
        } else {
          x += "><failure message=\"\(e("\(verdict.expectation) does not hold: \(measured)"))\" type=\"threshold\"/></testcase>\n"
        }
      }
      x += "  </testsuite>\n"
    }
    return x + "</testsuites>\n"
  }
}
