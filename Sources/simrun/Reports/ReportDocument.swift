/// What a running command prints and writes: the same results as a
/// terminal table, CSV, JSON and Markdown, and the files of `--out`.
protocol ReportDocument {
  /// The terminal table, fitted to `width` columns (`nil`: no limit).
  func table(colour: Bool, width: Int?) -> String
  var csv: String { get }
  var json: String { get }
  var markdown: String { get }
  /// The `--out` folder's files: name and content.
  var files: [(name: String, text: String)] { get }
}

extension RunReport: ReportDocument {
  var files: [(name: String, text: String)] {
    var files = [("results.csv", csv), ("segments.csv", segmentsCSV), ("results.json", json), ("summary.md", markdown),
                 ("report.html", html)]
    if hasWeeklySeries { files.append(("weekly.csv", weeklyCSV)) }
    return files
  }
}

extension AttributionReport: ReportDocument {
  /// `attribution.csv` (the effects), `results.csv` (every run's values per
  /// replication, as `compare` writes them), `results.json`, `summary.md`,
  /// `report.html`.
  var files: [(name: String, text: String)] {
    [("attribution.csv", csv), ("results.csv", run.csv), ("results.json", json), ("summary.md", markdown), ("report.html", html)]
  }
}
