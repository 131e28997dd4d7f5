import ScenarioFormat
import ArgumentParser
import Foundation
import PrivacyModel

/// `simrun list`: what the simulator knows.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the rule phases, the rules with their sources, the metrics, and the scenario keys.",
    discussion: """
      Examples:
        simrun list
        simrun list rules
        simrun list keys
      """)

  enum Section: String, ExpressibleByArgument, CaseIterable {
    case phases, rules, metrics, sources, keys
  }

  @Flag(help: "Markdown tables (docs/reference.md's tables are written this way).")
  var markdown = false

  @Option(parsing: .unconditional,
          help: ArgumentHelp("Fit the lists to this many columns: a list too wide shows each entry as a record (default: the terminal's width, else $COLUMNS, else 80; 0: no limit).",
                             valueName: "COLUMNS"),
          transform: RunOptions.widthValue)
  var width: Int?

  @Argument(help: "What to list: \(Section.allCases.map(\.rawValue).joined(separator: ", ")) (default: all but keys).")
  var sections: [Section] = []

  func validate() throws { try OutputOptions.check(width: width) }

  /// A list's table, fitted to `--width`.
  func table(_ header: [String], _ rows: [[String]]) -> String {
    TextTable(header: header, rows: rows, maxWidth: OutputOptions.fitted(width), stacksWhenNarrow: true).rendered
  }

  func run() {
    let chosen = sections.isEmpty ? Section.allCases.filter { $0 != .keys } : sections
    var blocks: [String] = []
    for section in chosen {
      switch section {
      case .phases:
        blocks.append("PHASES (RULEBOOK §7)\n" + table(
          ["phase", "platform", "from", "rules in force", "summary"],
          Phase.all.map { phase in
            [phase.id, phase.platform.rawValue, phase.defaultStart?.description ?? "(before)",
             phase.rules.sorted().map(\.rawValue).joined(separator: " "), phase.summary]
          }))
      case .rules:
        blocks.append("RULES\n" + table(
          ["rule", "name", "sources", "summary"],
          RuleID.allCases.map { [$0.rawValue, $0.name, $0.sources.map(\.rawValue).joined(separator: ","), $0.summary] }))
      case .metrics:
        let rows = Metric.allCases.map { [$0.rawValue, $0.definition] }
        blocks.append(markdown
          ? markdownTable(["metric", "definition"], rows.map { ["`\($0[0])`", $0[1]] })
          : "METRICS (rates in [0, 1]; counts per 1,000 orders)\n" + table(["metric", "definition"], rows))
      case .keys:
        let general: [[String]] = [
          ["name", "a text", "the scenario's name (a column of the reports)"],
          ["phases", "a list of {phase: ID, from: YYYY-MM-DD}", "RULEBOOK §7"],
          ["disabled_rules", "a list of rule IDs: \(RuleID.switchable.map(\.rawValue).joined(separator: ", ")), each in force in one of the scenario's phases (another is refused, exit 64: switching it off would change nothing)", "rules switched off, to see what each does (default none)"],
          ["start", "a date YYYY-MM-DD", "first simulated day (China Standard Time)"],
          ["end", "a date YYYY-MM-DD after start", "first day not simulated (instead of days)"],
          ["days", "a whole number ≥ 1", "simulated days (default 60)"],
          ["warmup_days", "a whole number < days", "days simulated but not measured"],
          ["generator", "taus2, mt19937, ranlxd2 or ranlux389", "GSL random number generator of every stream (default taus2; mt19937 before 2026-12)"],
          ["decrypt.unnecessary", "refuse or grant-as-violation", "R-D3 reading"],
          ["orders.campaigns", "a list of {name, from: YYYY-MM-DD, days, factor}", "order-rate peaks (assumption)"],
          ["couriers.carriers", "a list of {name, share, integrated, coverage, waybill_adapted, call_needed, attempts, retry_hours, answer_probability, extension_misdial_probability}", "R-G8, R-T5, R-T1"],
          ["taobao.ramp", "a list of {date, share}", "R-T4"],
          ["expect", "a list of `METRIC OP NUMBER`", "thresholds for `simrun check`"],
          ["uncertain", "all-assumptions, or {KEY: {uniform: {lower, upper}} or plausible, …}", "keys `explore`, `calibrate` and `design` vary (docs/analysis-methods.md)"],
          ["levers", "{KEY: {range: [lower, upper]} or {choices: [a, b, …]}, …}", "rule parameters `design` sets (docs/design.md)"],
          ["objectives", "a list of `maximize METRIC` or `minimize METRIC`", "what `design` trades off (default: numbers obtained, courier reach, fulfilment contact)"],
          ["constraints", "a list of `METRIC OP NUMBER`", "thresholds `design`'s front must meet"],
        ]
        let rows = general.map { [$0[0], $0[1], Self.keyClass($0[0]), $0[2]] }
          + ScenarioSchema.fields.map { [$0.path, $0.kind.shortExpectation, $0.keyClass.rawValue, $0.sourceWithRange] }
        let legend = KeyClass.allCases.map { "  \($0.rawValue): \($0.explanation)" }.joined(separator: "\n")
        blocks.append(markdown
          ? markdownTable(["key", "accepts", "class", "default's source"], rows.map { ["`\($0[0])`", $0[1], $0[2], $0[3]] })
          : "SCENARIO KEYS (for files and --set KEY.PATH=VALUE)\nClasses (only what a platform sets can be a lever, `levers:`):\n"
            + legend + "\n\n" + table(["key path", "expects", "class", "source"], rows))
      case .sources:
        blocks.append("SOURCES\n" + table(["key", "document"], SourceDocument.allCases.map { [$0.rawValue, $0.title] }))
      }
    }
    print(blocks.joined(separator: "\n\n"))
  }

  /// The class of a key read apart from the schema (its lists and top-level keys).
  static func keyClass(_ key: String) -> String {
    guard let c = ScenarioSchema.keyClasses[key] else { preconditionFailure("\(key) has no key class") }
    return c.rawValue
  }

  func markdownTable(_ header: [String], _ rows: [[String]]) -> String {
    RunReport.markdownTable(header: header, rows: rows).trimmingCharacters(in: .newlines)
  }
}
