/// What a report says first: at most ``limit`` sentences built from the
/// results, and one line on how they were chosen. Every renderer draws the
/// same sentences (terminal, summary.md, report.html, results.json).
struct ReportFindings: Sendable, Codable, Equatable {
  /// The most sentences a report opens with.
  static let limit = 8

  let sentences: [Finding]
  /// How the sentences were chosen (significance, correction, order).
  let method: String

  init(_ sentences: [Finding], method: String) {
    self.sentences = Array(sentences.prefix(Self.limit))
    self.method = method
  }

  /// The findings as a terminal paragraph list, wrapped to `width`.
  func text(colour: Bool, width: Int?) -> String {
    var lines = [Terminal.styled("Findings", .bold, enabled: colour)]
    if sentences.isEmpty { lines.append("  (none: nothing to compare)") }
    for sentence in sentences {
      // "x ± y" and "a → b" stay on one line.
      let glued = sentence.text.replacingOccurrences(of: " ± ", with: "\u{A0}±\u{A0}")
        .replacingOccurrences(of: " → ", with: "\u{A0}→\u{A0}")
      let wrapped = RunReport.paragraph(glued, width: width.map { $0 - 2 }).split(separator: "\n", omittingEmptySubsequences: false)
      lines += wrapped.enumerated().map { ($0.offset == 0 ? "• " : "  ") + $0.element.replacingOccurrences(of: "\u{A0}", with: " ") }
    }
    lines.append(RunReport.paragraph(method, width: width))
    return lines.joined(separator: "\n")
  }

  /// The findings as a Markdown section.
  var markdown: String {
    "## Findings\n\n" + (sentences.isEmpty ? "(none: nothing to compare)\n" : sentences.map { "- \($0.text)\n" }.joined())
      + "\n_\(method)_\n\n"
  }

  /// The findings as an HTML section.
  var html: String {
    let e = SVGChart.escape
    return "<section class=\"findings\"><h2>Findings</h2>\n<ul>\n"
      + sentences.map { "<li class=\"\($0.kind.rawValue)\">\(e($0.text))</li>\n" }.joined()
      + "</ul>\n<p class=\"method\">\(e(method))</p></section>\n"
  }
}
