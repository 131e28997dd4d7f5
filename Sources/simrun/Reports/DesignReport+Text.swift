import Foundation
import PrivacyModel
import ScenarioFormat

extension DesignReport {
  /// The front table's header: point, standing, each lever, each objective.
  var frontHeader: [String] {
    ["point", "standing"] + settings.levers.map { Self.shortName($0.path) } + settings.objectives.indices.map(label)
      + settings.constraints.map { "\($0.metric.rawValue) (\($0.comparison.rawValue) \(Self.fixed($0.threshold)))" }
  }

  /// One row per point shown, then the settings dropped as dominated.
  var frontRows: [[String]] {
    let dropped = points.filter { !$0.isShown }
    return (shown.enumerated().map { (String($0.offset + 1), $0.element) } + dropped.map { ("–", $0) }).map { label, p in
      [label, status(p)] + zip(settings.levers, p.values).map { Self.shown($0, $1) }
        + p.objectives.map(Self.interval) + p.constraints.map(Self.interval)
    }
  }

  /// The levers table: key, class, values searched, source.
  var leverRows: [[String]] {
    settings.levers.map { [$0.path, $0.keyClass.rawValue, $0.valuesText, $0.source] }
  }
  static let leverHeader = ["lever", "class", "values searched", "source"]

  /// The generations table: new settings run, front size.
  var generationTable: [[String]] {
    generationRows.map { [String($0.generation), String($0.newSettings), String($0.frontSize)] }
  }
  static let generationHeader = ["generation", "settings run for the first time", "front of the population"]

  /// The terminal report: findings first, then the front, the levers and the generations.
  func table(colour: Bool, width: Int?) -> String {
    func section(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
      TextTable.section(title, header: header, rows: rows, colour: colour, width: width)
    }
    var out = Terminal.styled("simrun design: \(scenario)", .bold, enabled: colour) + "\n\n"
    out += findings.text(colour: colour, width: width) + "\n"
    out += section("The front (95% intervals over \(settings.confirmReplications) replications)", frontHeader, frontRows)
    out += "\n" + section("The levers", Self.leverHeader, leverRows)
    out += "\n" + section("The generations", Self.generationHeader, generationTable) + "\n"
    return out
  }

  /// summary.md: the same sections as Markdown tables.
  var markdown: String {
    var md = "# simrun design: \(scenario)\n\n" + findings.markdown
    md += "Command: `\(command)` · seed \(settings.seed) · simrun \(SimRunVersion.current)\n\n"
    md += "## The front (95% intervals over \(settings.confirmReplications) replications)\n\n"
      + RunReport.markdownTable(header: frontHeader, rows: frontRows)
    md += "\nEach point of the front is a scenario file (`front-K.yaml` in the --out folder) that `simrun compare` and `simrun attribute` run directly.\n"
    md += "\n## The levers\n\n" + RunReport.markdownTable(header: Self.leverHeader, rows: leverRows)
    md += "\n## The generations\n\n" + RunReport.markdownTable(header: Self.generationHeader, rows: generationTable)
    return md
  }
}
