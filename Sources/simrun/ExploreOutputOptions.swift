import ArgumentParser
import PrivacyModel

/// How an exploration's results are shown and saved: `OutputOptions` with
/// help that says what `explore` writes and analyses (no segments).
struct ExploreOutputOptions: ParsableArguments {
  @Option(help: "What to print on standard output: table, csv, json or markdown.")
  var format: OutputOptions.Format = .table

  @Option(help: ArgumentHelp("Also write points.csv, indices.csv, results.json, summary.md and report.html into this folder (created if needed; files replaced atomically).",
                             valueName: "DIR"))
  var out: String?

  @Option(help: ArgumentHelp("The metrics analysed: headline (the default: the nine charted), all, or names separated by commas (`simrun list metrics`); points.csv always has all.",
                             valueName: "headline|all|NAME,…"))
  var metrics = "headline"

  @OptionGroup var display: ReportDisplayOptions

  /// The same settings as the running commands' options.
  var asOutputOptions: OutputOptions {
    get throws { try OutputOptions.reporting(format: format, out: out, display: display, metrics: metrics) }
  }

  func validate() throws { try asOutputOptions.validate() }
}
