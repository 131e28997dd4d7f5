/// A plain-text table with columns padded to their widest cell.
struct TextTable {
  var header: [String]
  var rows: [[String]]

  var rendered: String {
    let columns = header.count
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.prefix(columns).enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, cell in
        i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
  }
}
