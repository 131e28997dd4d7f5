extension TextTable {
  /// A titled section of an analysis report (`calibrate`, `design`): a
  /// blank line, the title in bold, then the table, shown as records when
  /// it is wider than `width`.
  static func section(_ title: String, header: [String], rows: [[String]], colour: Bool, width: Int?) -> String {
    "\n" + Terminal.styled(title, .bold, enabled: colour) + "\n"
      + TextTable(header: header, rows: rows, colour: colour, maxWidth: width, stacksWhenNarrow: true).rendered
  }
}
