import Analysis

extension SVGChart {
  /// Sobol indices per key, ranked as given: a pale bar for S1 and a dark
  /// one for ST, each with its 95% bootstrap whisker, on one 0–1 scale.
  static func sobol(title: String, subtitle: String, labels: [String], indices: [SobolIndex]) -> String {
    let labelWidth = 290.0, plotWidth = 300.0, rowHeight = 30.0, top = 62.0
    let width = labelWidth + plotWidth + 70, height = top + rowHeight * Double(max(1, labels.count)) + 26
    let hi = min(1, niceCeiling(max(0.05, indices.map { max($0.total.upper, $0.first.upper) }.max() ?? 1)))
    func x(_ v: Double) -> Double { labelWidth + (min(hi, max(0, v))) / hi * plotWidth }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    svg += "<rect x=\"\(n(labelWidth))\" y=\"40\" width=\"10\" height=\"8\" class=\"bar s1\"/><text x=\"\(n(labelWidth + 14))\" y=\"48\" class=\"tick\">S1 (the key alone)</text>"
    svg += "<rect x=\"\(n(labelWidth + 130))\" y=\"40\" width=\"10\" height=\"8\" class=\"bar st\"/><text x=\"\(n(labelWidth + 144))\" y=\"48\" class=\"tick\">ST (with its interactions)</text>"
    svg += verticalGrid(lo: 0, hi: hi, top: top, height: height, x: x)
    for (i, index) in indices.enumerated() {
      let y = top + rowHeight * Double(i)
      svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 19))\" class=\"label\" text-anchor=\"end\">\(escape(shortLabel(labels[i], 42)))<title>\(escape(labels[i]))</title></text>"
      for (j, (estimate, style)) in [(index.first, "s1"), (index.total, "st")].enumerated() {
        let barTop = y + 4 + Double(j) * 11, mid = barTop + 5
        svg += "<rect x=\"\(n(x(0)))\" y=\"\(n(barTop))\" width=\"\(n(max(0.5, x(estimate.value) - x(0))))\" height=\"10\" class=\"bar \(style)\"><title>\(escape(labels[i])): \(style.uppercased()) \(value(estimate.value)) [\(value(estimate.lower)), \(value(estimate.upper))]</title></rect>"
        let a = x(estimate.lower), b = x(estimate.upper)
        if b - a > 0.5 {
          svg += "<path d=\"M\(n(a)) \(n(mid))H\(n(b))M\(n(a)) \(n(mid - 3))V\(n(mid + 3))M\(n(b)) \(n(mid - 3))V\(n(mid + 3))\" class=\"whisker\"/>"
        }
      }
      svg += "<text x=\"\(n(max(x(index.total.upper), x(index.total.value)) + 6))\" y=\"\(n(y + 24))\" class=\"value\">\(value(index.total.value))</text>"
    }
    return svg + "</svg>"
  }

  /// Morris screening: μ* across, σ up, one dot per key with μ*'s 95%
  /// interval as a whisker; the `labelled` largest μ* are named.
  static func morris(title: String, subtitle: String, labels: [String], effects: [MorrisEffect], labelled: Int = 8) -> String {
    let left = 56.0, top = 62.0, plotWidth = 470.0, plotHeight = 300.0
    let width = left + plotWidth + 150, height = top + plotHeight + 40
    let xHi = niceCeiling(max(1e-9, effects.map { max($0.muStar.upper, $0.muStar.value) }.max() ?? 1))
    let yHi = niceCeiling(max(1e-9, effects.map(\.sigma).max() ?? 1))
    func x(_ v: Double) -> Double { left + min(1, max(0, v / xHi)) * plotWidth }
    func y(_ v: Double) -> Double { top + plotHeight - min(1, max(0, v / yHi)) * plotHeight }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
      + axes(left: left, top: top, plotWidth: plotWidth, plotHeight: plotHeight, xHi: xHi, yHi: yHi,
             xLabel: "μ* (mean absolute effect over the key's range)", yLabel: "σ")
    // Name the largest μ* first; a name that would overlap one already
    // placed is left to the dot's tooltip.
    var named: Set<Int> = []
    var placed: [(x: Double, y: Double, width: Double)] = []
    for i in effects.indices.sorted(by: { (effects[$0].muStar.value, -$0) > (effects[$1].muStar.value, -$1) }).prefix(labelled) {
      let lx = x(effects[i].muStar.value) + 7, ly = y(effects[i].sigma), width = Double(min(36, labels[i].count)) * 6.2
      if placed.contains(where: { abs($0.y - ly) < 12 && lx < $0.x + $0.width && $0.x < lx + width }) { continue }
      placed.append((lx, ly, width))
      named.insert(i)
    }
    for (i, e) in effects.enumerated() {
      let cx = x(e.muStar.value), cy = y(e.sigma)
      if x(e.muStar.upper) - x(e.muStar.lower) > 0.5 {
        svg += "<path d=\"M\(n(x(e.muStar.lower))) \(n(cy))H\(n(x(e.muStar.upper)))\" class=\"whisker faint\"/>"
      }
      svg += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"4\" class=\"dot\(named.contains(i) ? "" : " faint")\"><title>\(escape(labels[i])): μ* \(value(e.muStar.value)) [\(value(e.muStar.lower)), \(value(e.muStar.upper))], μ \(value(e.mu)), σ \(value(e.sigma))</title></circle>"
      if named.contains(i) {
        svg += "<text x=\"\(n(cx + 7))\" y=\"\(n(cy + 4))\" class=\"value\">\(escape(shortLabel(labels[i], 36)))</text>"
      }
    }
    return svg + "</svg>"
  }

  /// A histogram of `values` (one per point) with the 5th, 50th and 95th
  /// percentiles marked, the base case (the scenario's own values) as a
  /// solid line labelled above the plot, and 0 marked when it lies in the
  /// range (effects).
  static func histogram(title: String, subtitle: String, values: [Double], p5: Double, p50: Double, p95: Double,
                        base: Double, bins: Int = 24) -> String {
    let left = 48.0, top = 72.0, plotWidth = 500.0, plotHeight = 150.0
    let width = left + plotWidth + 60, height = top + plotHeight + 40
    var lo = min(values.min() ?? 0, base), hi = max(values.max() ?? 1, base)
    if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
    var counts = [Int](repeating: 0, count: bins)
    for v in values { counts[min(bins - 1, max(0, Int((v - lo) / (hi - lo) * Double(bins))))] += 1 }
    let top1 = Double(max(1, counts.max() ?? 1))
    func x(_ v: Double) -> Double { left + (v - lo) / (hi - lo) * plotWidth }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    let barWidth = plotWidth / Double(bins)
    for (i, c) in counts.enumerated() where c > 0 {
      let h = Double(c) / top1 * plotHeight
      svg += "<rect x=\"\(n(left + Double(i) * barWidth + 0.5))\" y=\"\(n(top + plotHeight - h))\" width=\"\(n(barWidth - 1))\" height=\"\(n(h))\" class=\"bar neutral\"><title>\(c) point\(c == 1 ? "" : "s")</title></rect>"
    }
    svg += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(top + plotHeight))\" class=\"grid zero\"/>"
    for i in 0...4 {
      let v = lo + (hi - lo) * Double(i) / 4
      svg += "<text x=\"\(n(x(v)))\" y=\"\(n(top + plotHeight + 14))\" class=\"tick\" text-anchor=\"middle\">\(value(v))</text>"
    }
    if lo < 0 && hi > 0 {
      svg += "<line x1=\"\(n(x(0)))\" y1=\"\(n(top))\" x2=\"\(n(x(0)))\" y2=\"\(n(top + plotHeight))\" class=\"zero-line\"/>"
      svg += "<text x=\"\(n(x(0) + 3))\" y=\"\(n(top + 10))\" class=\"tick\">0</text>"
    }
    svg += "<line x1=\"\(n(x(base)))\" y1=\"\(n(top - 16))\" x2=\"\(n(x(base)))\" y2=\"\(n(top + plotHeight))\" class=\"base-line\"><title>base case \(value(base))</title></line>"
    svg += "<text x=\"\(n(x(base)))\" y=\"\(n(top - 19))\" class=\"value\" text-anchor=\"\(x(base) < left + 40 ? "start" : x(base) > left + plotWidth - 40 ? "end" : "middle")\">base case \(value(base))</text>"
    // p5 left of its line and p95 right of its line on one row, p50 on
    // its own row above the plot, so that no two labels overlap.
    for (name, v, anchor, y) in [("p5", p5, "end", top + plotHeight + 28), ("p95", p95, "start", top + plotHeight + 28),
                                 ("p50", p50, "middle", top - 4)] {
      svg += "<line x1=\"\(n(x(v)))\" y1=\"\(n(top))\" x2=\"\(n(x(v)))\" y2=\"\(n(top + plotHeight))\" class=\"quantile\"><title>\(name) \(value(v))</title></line>"
      svg += "<text x=\"\(n(x(v) + (anchor == "end" ? 2 : anchor == "start" ? -2 : 0)))\" y=\"\(n(y))\" class=\"value\" text-anchor=\"\(anchor)\">\(name) \(value(v))</text>"
    }
    return svg + "</svg>"
  }

  /// PRIM's peeling and pasting trajectory: density against coverage, one
  /// dot per box, labelled with its number of restricted keys where that
  /// number changes; the box the peeling chose ringed, and the box reported
  /// (the chosen one without its insignificant restrictions) as a square.
  static func tradeoff(title: String, subtitle: String, coverage: [Double], density: [Double], restricted: [Int],
                       chosen: Int, reported: (coverage: Double, density: Double)) -> String {
    let left = 56.0, top = 62.0, plotWidth = 420.0, plotHeight = 260.0
    let width = left + plotWidth + 40, height = top + plotHeight + 40
    func x(_ v: Double) -> Double { left + min(1, max(0, v)) * plotWidth }
    func y(_ v: Double) -> Double { top + plotHeight - min(1, max(0, v)) * plotHeight }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
      + axes(left: left, top: top, plotWidth: plotWidth, plotHeight: plotHeight, xHi: 1, yHi: 1, xLabel: "coverage", yLabel: "density")
    let path = zip(coverage, density).enumerated().map { "\($0 == 0 ? "M" : "L")\(n(x($1.0))) \(n(y($1.1)))" }.joined()
    svg += "<path d=\"\(path)\" class=\"line\"/>"
    for (i, (c, d)) in zip(coverage, density).enumerated() {
      let keys = i < restricted.count ? restricted[i] : 0
      svg += "<circle cx=\"\(n(x(c)))\" cy=\"\(n(y(d)))\" r=\"\(i == chosen ? 6 : 3)\" class=\"dot\(i == chosen ? " chosen" : "")\"><title>step \(i): coverage \(value(c)), density \(value(d)), \(keys) restricted key\(keys == 1 ? "" : "s")</title></circle>"
      if i < restricted.count && (i == 0 || restricted[i - 1] != keys) {
        svg += "<text x=\"\(n(x(c) + 5))\" y=\"\(n(y(d) - 6))\" class=\"tick\">\(keys)</text>"
      }
    }
    let (rx, ry) = (x(reported.coverage), y(reported.density))
    svg += "<rect x=\"\(n(rx - 5))\" y=\"\(n(ry - 5))\" width=\"10\" height=\"10\" class=\"dot chosen\"><title>the box reported: coverage \(value(reported.coverage)), density \(value(reported.density))</title></rect>"
    return svg + "</svg>"
  }

  /// A scatter plot's grid from 0 to `xHi` across and 0 to `yHi` up, five
  /// lines each way with their values, and the axes' names.
  static func axes(left: Double, top: Double, plotWidth: Double, plotHeight: Double, xHi: Double, yHi: Double,
                   xLabel: String, yLabel: String) -> String {
    var svg = ""
    for i in 0...4 {
      let vx = xHi * Double(i) / 4, vy = yHi * Double(i) / 4
      let x = left + Double(i) / 4 * plotWidth, y = top + plotHeight - Double(i) / 4 * plotHeight
      svg += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(top + plotHeight))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 14))\" class=\"tick\" text-anchor=\"middle\">\(tick(vx))</text>"
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" class=\"tick\" text-anchor=\"end\">\(tick(vy))</text>"
    }
    svg += "<text x=\"\(n(left + plotWidth))\" y=\"\(n(top + plotHeight + 30))\" class=\"tick\" text-anchor=\"end\">\(escape(xLabel))</text>"
    return svg + "<text x=\"\(n(left - 6))\" y=\"\(n(top - 8))\" class=\"tick\" text-anchor=\"end\">\(escape(yLabel))</text>"
  }
}
