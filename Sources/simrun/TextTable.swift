/// A plain-text table with columns padded to their widest cell; with
/// `colour`, the header is bold (cells may carry their own ANSI styling).
struct TextTable {
  var header: [String]
  var rows: [[String]]
  var colour = false

  var rendered: String {
    let columns = header.count
    var widths = header.map(Terminal.visibleCount)
    for row in rows {
      for (i, cell) in row.prefix(columns).enumerated() { widths[i] = max(widths[i], Terminal.visibleCount(cell)) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, cell in
        i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - Terminal.visibleCount(cell))
      }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    let head = line(header)
    return ([colour ? Terminal.styled(head, .bold) : head, rule] + rows.map(line)).joined(separator: "\n")
  }
}
