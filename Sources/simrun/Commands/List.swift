import ArgumentParser
import PrivacyModel

/// `simrun list`: what the simulator knows.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the rule phases, the rules with their sources, and the metrics.",
    discussion: """
      Examples:
        simrun list
        simrun list rules
      """)

  enum Section: String, ExpressibleByArgument, CaseIterable {
    case phases, rules, metrics, sources
  }

  @Argument(help: "What to list: \(Section.allCases.map(\.rawValue).joined(separator: ", ")) (default: all).")
  var sections: [Section] = []

  func run() {
    let chosen = sections.isEmpty ? Section.allCases : sections
    var blocks: [String] = []
    for section in chosen {
      switch section {
      case .phases:
        blocks.append("PHASES (RULEBOOK §7)\n" + TextTable(
          header: ["phase", "platform", "from", "rules in force", "summary"],
          rows: Phase.all.map { phase in
            [phase.id, phase.platform.rawValue, phase.defaultStart?.description ?? "(before)",
             phase.rules.sorted().map(\.rawValue).joined(separator: " "), phase.summary]
          }).rendered)
      case .rules:
        blocks.append("RULES\n" + TextTable(
          header: ["rule", "sources", "summary"],
          rows: RuleID.allCases.map { [$0.rawValue, $0.sources.map(\.rawValue).joined(separator: ","), $0.summary] }
        ).rendered)
      case .metrics:
        blocks.append("METRICS (rates in [0, 1]; counts per 1,000 orders)\n" + TextTable(
          header: ["metric", "definition"], rows: Metric.allCases.map { [$0.rawValue, $0.definition] }).rendered)
      case .sources:
        blocks.append("SOURCES\n" + TextTable(
          header: ["key", "document"], rows: SourceDocument.allCases.map { [$0.rawValue, $0.title] }).rendered)
      }
    }
    print(blocks.joined(separator: "\n\n"))
  }
}
