extension SVGChart {
  /// One horizontal bar per scenario split into parts (means), with a
  /// legend; the bars share one scale, the largest total filling the plot.
  static func stacked(title: String, subtitle: String, labels: [String], parts: [String], values: [[Double]]) -> String {
    let labelWidth = 210.0, plotWidth = 330.0, rowHeight = 26.0
    let legendRows = Double((parts.count + 2) / 3)
    let top = 46.0 + 16 * legendRows
    let width = labelWidth + plotWidth + 90, height = top + rowHeight * Double(labels.count) + 26
    let totals = values.map { $0.filter(\.isFinite).reduce(0, +) }
    let hi = niceCeiling(max(totals.max() ?? 1, 1e-9))
    func x(_ v: Double) -> Double { labelWidth + min(hi, max(0, v)) / hi * plotWidth }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    for (k, part) in parts.enumerated() {
      let lx = 4 + Double(k % 3) * 205, ly = 44 + 16 * Double(k / 3)
      svg += "<rect x=\"\(n(lx))\" y=\"\(n(ly))\" width=\"10\" height=\"10\" class=\"part p\(k)\"/>"
      svg += "<text x=\"\(n(lx + 14))\" y=\"\(n(ly + 9))\" class=\"tick\">\(escape(part))</text>"
    }
    svg += verticalGrid(lo: 0, hi: hi, top: top, height: height, x: x)
    for (row, label) in labels.enumerated() {
      let y = top + rowHeight * Double(row)
      svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" class=\"label\" text-anchor=\"end\">\(escape(shortLabel(label)))</text>"
      var start = 0.0
      for (k, v) in values[row].enumerated() where v.isFinite && v > 0 {
        svg += "<rect x=\"\(n(x(start)))\" y=\"\(n(y + 5))\" width=\"\(n(max(0.5, x(start + v) - x(start))))\" height=\"\(n(rowHeight - 10))\" class=\"part p\(k)\"><title>\(escape(label)) — \(escape(parts[k])): \(value(v))</title></rect>"
        start += v
      }
      svg += "<text x=\"\(n(x(start) + 6))\" y=\"\(n(y + 16))\" class=\"value\">\(value(totals[row]))</text>"
    }
    return svg + "</svg>"
  }
}
