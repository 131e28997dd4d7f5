import PrivacyModel

extension RunReport {
  /// A metric's name in words for an HTML table cell, its id and
  /// definition in the tooltip.
  static func htmlMetric(_ metric: Metric) -> String {
    let e = SVGChart.escape
    return "<span class=\"metric\" title=\"\(e(metric.rawValue)): \(e(metric.definition))\">\(e(metric.title))</span>"
  }

  /// A metric's name in words for a Markdown table cell, with its id.
  static func markdownMetric(_ metric: Metric) -> String { "\(metric.title) (`\(metric.rawValue)`)" }
}
