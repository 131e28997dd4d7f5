import SimKernel

/// Small SVG charts for the HTML report, drawn by hand so the page needs
/// nothing from the network.
enum SVGChart {
  /// A horizontal bar per scenario: the mean as a bar, the 95% interval as a
  /// whisker with caps, the value at the bar's end.
  /// Every metric is ≥ 0, so the axis starts at 0 and whiskers are cut
  /// there; rates (`isRate`) are also cut at 1.
  static func bars(title: String, labels: [String], intervals: [ConfidenceInterval], isRate: Bool) -> String {
    let labelWidth = 210.0, plotWidth = 330.0, rowHeight = 26.0, top = 30.0
    let width = labelWidth + plotWidth + 90, height = top + rowHeight * Double(labels.count) + 26
    let (lo, hi) = axis(intervals, isRate: isRate)
    func x(_ v: Double) -> Double { labelWidth + (min(hi, max(lo, v)) - lo) / (hi - lo) * plotWidth }
    var svg = header(title: title, width: width, height: height)
    // Grid: five ticks.
    for i in 0...4 {
      let v = lo + (hi - lo) * Double(i) / 4
      svg += "<line x1=\"\(n(x(v)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(v)))\" y2=\"\(n(height - 22))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(x(v)))\" y=\"\(n(height - 8))\" class=\"tick\" text-anchor=\"middle\">\(tick(v))</text>"
    }
    for (i, (label, ci)) in zip(labels, intervals).enumerated() {
      let y = top + rowHeight * Double(i)
      let mean = ci.mean.isFinite ? ci.mean : 0
      svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" class=\"label\" text-anchor=\"end\">\(escape(shortLabel(label)))</text>"
      svg += "<rect x=\"\(n(min(x(0), x(mean))))\" y=\"\(n(y + 5))\" width=\"\(n(abs(x(mean) - x(0))))\" height=\"\(n(rowHeight - 10))\" class=\"bar\(i == 0 ? " baseline" : "")\"><title>\(escape(label)): \(value(mean)) ± \(value(ci.halfWidth))</title></rect>"
      if ci.halfWidth.isFinite && ci.halfWidth > 0 {
        let a = x(ci.lower), b = x(ci.upper), mid = y + rowHeight / 2
        svg += "<path d=\"M\(n(a)) \(n(mid))H\(n(b))M\(n(a)) \(n(mid - 5))V\(n(mid + 5))M\(n(b)) \(n(mid - 5))V\(n(mid + 5))\" class=\"whisker\"/>"
      }
      svg += "<text x=\"\(n(max(x(mean), x(ci.upper.isFinite ? ci.upper : mean)) + 6))\" y=\"\(n(y + 16))\" class=\"value\">\(value(mean))</text>"
    }
    return svg + "</svg>"
  }

  /// A weekly line with its 95% band, and a dashed line at each phase switch.
  static func series(title: String, weekStarts: [CivilDate], intervals: [ConfidenceInterval], isRate: Bool,
                     switches: [(date: CivilDate, label: String)]) -> String {
    let left = 56.0, right = 16.0, top = 30.0, bottom = 40.0, plotWidth = 760.0, plotHeight = 190.0
    let width = left + plotWidth + right, height = top + plotHeight + bottom
    let (lo, hi) = axis(intervals, isRate: isRate)
    let means = intervals.map { $0.mean.isFinite ? $0.mean : 0 }
    let lows = intervals.map { $0.lower.isFinite ? max(lo, $0.lower) : 0 }
    let highs = intervals.map { $0.upper.isFinite ? min(hi, $0.upper) : 0 }
    let first = weekStarts.first?.daysSinceEpoch ?? 0
    let span = Double(max(7, (weekStarts.last?.daysSinceEpoch ?? first) + 7 - first))
    func x(_ day: Int) -> Double { left + Double(day - first) / span * plotWidth }
    func y(_ v: Double) -> Double { top + plotHeight - (v - lo) / (hi - lo) * plotHeight }
    var svg = header(title: title, width: width, height: height)
    for i in 0...4 {
      let v = lo + (hi - lo) * Double(i) / 4
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(v)))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" class=\"tick\" text-anchor=\"end\">\(tick(v))</text>"
    }
    // Year ticks on 1 January and 1 July.
    if let firstDate = weekStarts.first, let lastDate = weekStarts.last {
      for year in firstDate.year...lastDate.year + 1 {
        for month in [1, 7] {
          guard let date = CivilDate(year: year, month: month, day: 1),
            date.daysSinceEpoch >= first, Double(date.daysSinceEpoch - first) <= span else { continue }
          svg += "<text x=\"\(n(x(date.daysSinceEpoch)))\" y=\"\(n(top + plotHeight + 16))\" class=\"tick\" text-anchor=\"middle\">\(year)-\(month == 1 ? "01" : "07")</text>"
        }
      }
    }
    let centres = weekStarts.map { $0.daysSinceEpoch + 3 }
    if intervals.count > 1 {
      let upper = zip(centres, highs).map { "\(n(x($0))) \(n(y($1)))" }
      let lower = zip(centres, lows).reversed().map { "\(n(x($0))) \(n(y($1)))" }
      svg += "<path d=\"M\((upper + lower).joined(separator: "L"))Z\" class=\"band\"/>"
      svg += "<path d=\"M\(zip(centres, means).map { "\(n(x($0))) \(n(y($1)))" }.joined(separator: "L"))\" class=\"line\"/>"
    }
    for (i, s) in switches.enumerated() {
      let sx = x(s.date.daysSinceEpoch)
      svg += "<line x1=\"\(n(sx))\" y1=\"\(n(top))\" x2=\"\(n(sx))\" y2=\"\(n(top + plotHeight))\" class=\"switch\"><title>\(escape(s.label)) from \(s.date)</title></line>"
      svg += "<text x=\"\(n(sx + 3))\" y=\"\(n(top + 10 + Double(i % 6) * 11))\" class=\"switch-label\">\(escape(s.label))</text>"
    }
    svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 4))\" class=\"tick\" text-anchor=\"middle\">week of order creation (line: mean, band: 95% interval, dashed: phase switches)</text>"
    return svg + "</svg>"
  }

  /// The opening `<svg>` tag and the chart's title.
  static func header(title: String, width: Double, height: Double) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
      + "<text x=\"4\" y=\"18\" class=\"title\">\(escape(title))</text>"
  }

  /// The value axis: from 0 to a round number above every mean and interval
  /// end (at most 1 for a rate).
  static func axis(_ intervals: [ConfidenceInterval], isRate: Bool) -> (lo: Double, hi: Double) {
    let top = intervals.flatMap { [$0.mean, $0.upper] }.filter(\.isFinite).max() ?? 1
    if isRate { return (0, top > 0.5 ? 1 : niceCeiling(max(top, 1e-9))) }
    return (0, top > 0 ? niceCeiling(top) : 1)
  }

  /// The smallest of 1, 2, 2.5, 5 × 10^k at least `v`.
  static func niceCeiling(_ v: Double) -> Double {
    guard v > 0, v.isFinite else { return 1 }
    var scale = 1.0
    while scale * 10 < v { scale *= 10 }
    while scale > v { scale /= 10 }
    for step in [1.0, 2, 2.5, 5, 10] where step * scale >= v { return step * scale }
    return 10 * scale
  }

  static func n(_ v: Double) -> String { SelfTestReport.fixed(v, 1) }

  /// An axis label: as few decimals as the value needs (up to 3).
  static func tick(_ v: Double) -> String {
    if v == v.rounded() { return String(Int(v)) }
    var text = SelfTestReport.fixed(v, abs(v) >= 10 ? 1 : 3)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// A label that fits the label column (the full text is in the bar's tooltip).
  static func shortLabel(_ label: String) -> String {
    label.count <= 32 ? label : String(label.prefix(31)) + "…"
  }

  static func value(_ v: Double) -> String {
    abs(v) >= 100 ? SelfTestReport.fixed(v, 1) : abs(v) >= 10 ? SelfTestReport.fixed(v, 2) : SelfTestReport.fixed(v, 3)
  }

  /// Text safe inside XML/HTML elements and attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}
