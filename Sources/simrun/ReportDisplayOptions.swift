import ArgumentParser

/// How an analysis command (`explore`, `calibrate`, `design`) fits its
/// tables to the terminal and whether it shows progress: the same two
/// options for each.
struct ReportDisplayOptions: ParsableArguments {
  @Option(parsing: .unconditional,
          help: ArgumentHelp("Fit the table to this many columns (default: the terminal's width, else $COLUMNS, else 80; 0: no limit).",
                             valueName: "COLUMNS"),
          transform: RunOptions.widthValue)
  var width: Int?

  @Flag(help: "No progress bar.")
  var quiet = false
}
