/// A plain-text table with columns padded to their widest cell; with
/// `colour`, the header is bold (cells may carry their own ANSI styling).
///
/// With `maxWidth`, long headers wrap at hyphens, equals signs and spaces to the width of
/// their column's cells, and columns that still do not fit continue in
/// further blocks below, each repeating the first column — nothing is cut.
struct TextTable {
  var header: [String]
  var rows: [[String]]
  var colour = false
  /// The widest a line may be (a terminal's width); `nil`: no limit.
  var maxWidth: Int?
  /// When the table is wider than `maxWidth`, show each row as a record
  /// instead of blocks of columns: its first cell on a line, then one
  /// wrapped "column: value" line per other cell (for lists whose cells
  /// are sentences).
  var stacksWhenNarrow = false

  var rendered: String {
    let columns = header.count
    var bodyWidths = Array(repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.prefix(columns).enumerated() { bodyWidths[i] = max(bodyWidths[i], Terminal.visibleCount(cell)) }
    }
    if stacksWhenNarrow, let maxWidth, bodyWidths.reduce(2 * (columns - 1), +) > maxWidth {
      return records(width: maxWidth)
    }
    let headerLines: [[String]] = header.enumerated().map { i, text in
      // Wrapped no narrower than 16, so that "wechat-2025-10-" stays on one line.
      maxWidth == nil ? [text] : Self.wrap(text, width: max(bodyWidths[i], 16))
    }
    let widths = (0..<columns).map { i in max(bodyWidths[i], headerLines[i].map(Terminal.visibleCount).max() ?? 0) }
    guard columns > 1 else { return block(Array(0..<columns), widths: widths, headerLines: headerLines) }
    // Greedy blocks: the first column, then as many others as fit.
    var blocks: [[Int]] = []
    var current = [0]
    var used = widths[0]
    for i in 1..<columns {
      if let maxWidth, current.count > 1, used + 2 + widths[i] > maxWidth {
        blocks.append(current)
        current = [0]
        used = widths[0]
      }
      current.append(i)
      used += 2 + widths[i]
    }
    blocks.append(current)
    return blocks.map { block($0, widths: widths, headerLines: headerLines) }.joined(separator: "\n\n")
  }

  private func block(_ columns: [Int], widths: [Int], headerLines: [[String]]) -> String {
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { k, cell in
        k == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[columns[k]] - Terminal.visibleCount(cell))
      }.joined(separator: "  ")
    }
    let height = columns.map { headerLines[$0].count }.max() ?? 1
    let heads = (0..<height).map { r in
      // Header lines are aligned at the bottom, next to the rule.
      line(columns.map { c in
        let lines = headerLines[c]
        let k = r - (height - lines.count)
        return k >= 0 ? lines[k] : ""
      }).trailingSpacesTrimmed
    }
    let rule = columns.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
    let body = rows.map { row in line(columns.map { $0 < row.count ? row[$0] : "" }).trailingSpacesTrimmed }
    return (heads.map { colour ? Terminal.styled($0, .bold) : $0 } + [rule] + body).joined(separator: "\n")
  }

  /// Each row as a record: the first cell, then "header: cell" lines
  /// wrapped to `width` with a hanging indent (empty cells left out).
  private func records(width: Int) -> String {
    rows.map { row in
      var lines = [colour ? Terminal.styled(row.first ?? "", .bold) : row.first ?? ""]
      for (i, cell) in row.enumerated().dropFirst() where i < header.count && !cell.isEmpty {
        let wrapped = Self.wrap("\(header[i]): \(cell)", width: width - 4, breakAfter: [])
        lines += wrapped.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
      }
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// `text` in lines of at most `width` characters, broken at spaces and
  /// after the characters of `breakAfter` (a piece longer than `width`
  /// stays whole).
  static func wrap(_ text: String, width: Int, breakAfter: Set<Character> = ["-", "="]) -> [String] {
    guard Terminal.visibleCount(text) > width else { return [text] }
    var pieces: [String] = []
    var piece = ""
    for character in text {
      if character == " " {
        pieces.append(piece)
        piece = ""
      } else {
        piece.append(character)
        if breakAfter.contains(character) {
          pieces.append(piece)
          piece = ""
        }
      }
    }
    if !piece.isEmpty { pieces.append(piece) }
    var lines: [String] = []
    var line = ""
    for piece in pieces where !piece.isEmpty {
      let joined = line.isEmpty ? piece : line.last.map(breakAfter.contains) == true ? line + piece : line + " " + piece
      if !line.isEmpty && joined.count > width {
        lines.append(line)
        line = piece
      } else {
        line = joined
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

extension String {
  fileprivate var trailingSpacesTrimmed: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
