import Foundation
import SimKernel

/// Small SVG charts for the HTML report, drawn by hand so the page needs
/// nothing from the network.
enum SVGChart {
  /// A horizontal bar per scenario: the mean as a bar, the 95% interval as a
  /// whisker with caps, the value at the bar's end; the first bar (the
  /// baseline) in grey. Every metric is ≥ 0, so the axis starts at 0 and
  /// whiskers are cut there; rates (`isRate`) are also cut at 1.
  static func bars(title: String, subtitle: String, labels: [String], intervals: [ConfidenceInterval], isRate: Bool) -> String {
    let labelWidth = 210.0, plotWidth = 330.0, rowHeight = 26.0, top = 46.0
    let width = labelWidth + plotWidth + 90, height = top + rowHeight * Double(labels.count) + 26
    let (lo, hi) = axis(intervals, isRate: isRate)
    func x(_ v: Double) -> Double { labelWidth + (min(hi, max(lo, v)) - lo) / (hi - lo) * plotWidth }
    var svg = header(title: title, subtitle: subtitle, width: width, height: height)
    svg += verticalGrid(lo: lo, hi: hi, top: top, height: height, x: x)
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

  /// One line of a weekly chart: a label for the legend, a CSS class for
  /// its colour, and one interval per week.
  struct Line {
    let label: String
    let style: String
    let intervals: [ConfidenceInterval]
  }

  /// A phase switch marked on a weekly chart.
  struct Switch {
    let date: CivilDate
    /// The label above the plot, and the phase's id in its tooltip.
    let label: String
    let phase: String
    let style: String
  }

  /// Weekly lines with their 95% bands, and a dashed line at each phase
  /// switch; switch labels are packed in rows above the plot so that none
  /// overlaps another. Where the weekly means are all above 0 and span
  /// more than 10× (``logScale(_:)``) the value axis is logarithmic, and
  /// the subtitle says so.
  static func series(title: String, subtitle: String, weekStarts: [CivilDate], weekLabel: String, lines: [Line],
                     isRate: Bool, switches: [Switch], plotWidth: Double = 1140) -> String {
    let left = 56.0, right = 28.0, plotHeight = 200.0, bottom = 40.0
    let first = weekStarts.first?.daysSinceEpoch ?? 0
    let span = Double(max(7, (weekStarts.last?.daysSinceEpoch ?? first) + 7 - first))
    func x(_ day: Int) -> Double { left + Double(day - first) / span * plotWidth }
    // Rows of switch labels: each label goes into the first row where it
    // clears the label before it (about 6 px per character at 10 px).
    var rowEnds: [Double] = []
    var placed: [(sw: Switch, x: Double, row: Int)] = []
    for sw in switches.sorted(by: { $0.date < $1.date }) {
      let sx = x(sw.date.daysSinceEpoch)
      let textWidth = Double(sw.label.count) * 6 + 8
      // Labels run right of their line, or left of it near the right edge.
      let start = sx + textWidth > left + plotWidth ? sx - textWidth : sx
      let row = rowEnds.firstIndex { $0 < start } ?? rowEnds.count
      if row == rowEnds.count { rowEnds.append(0) }
      rowEnds[row] = start + textWidth
      placed.append((sw, sx, row))
    }
    let legendHeight = lines.count > 1 ? 16.0 : 0
    let top = 46 + legendHeight + 12 * Double(rowEnds.count)
    let width = left + plotWidth + right, height = top + plotHeight + bottom
    let all = lines.flatMap(\.intervals)
    let log = logScale(all)
    let (lo, hi) = log ?? axis(all, isRate: isRate)
    func y(_ v: Double) -> Double {
      guard let log else { return top + plotHeight - (v - lo) / (hi - lo) * plotHeight }
      let clamped = min(log.hi, max(log.lo, v))
      return top + plotHeight - Foundation.log10(clamped / log.lo) / Foundation.log10(log.hi / log.lo) * plotHeight
    }
    var svg = header(title: title, subtitle: subtitle + (log == nil ? "" : " (log scale)"), width: width, height: height)
    if lines.count > 1 {
      var lx = left
      for line in lines {
        svg += "<rect x=\"\(n(lx))\" y=\"44\" width=\"14\" height=\"4\" class=\"key \(line.style)\"/>"
        svg += "<text x=\"\(n(lx + 18))\" y=\"50\" class=\"label\">\(escape(line.label))</text>"
        lx += 18 + Double(line.label.count) * 7 + 24
      }
    }
    let gridValues = log.map { decades($0.lo, $0.hi) } ?? (0...4).map { lo + (hi - lo) * Double($0) / 4 }
    for v in gridValues {
      svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(v)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(v)))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(v) + 4))\" class=\"tick\" text-anchor=\"end\">\(tick(v))</text>"
    }
    // Ticks on 1 January, 1 April, 1 July and 1 October (January and July
    // on a narrow chart).
    if let firstDate = weekStarts.first, let lastDate = weekStarts.last {
      for year in firstDate.year...lastDate.year + 1 {
        for month in plotWidth < 800 ? [1, 7] : [1, 4, 7, 10] {
          guard let date = CivilDate(year: year, month: month, day: 1),
            date.daysSinceEpoch >= first, Double(date.daysSinceEpoch - first) <= span else { continue }
          let tx = x(date.daysSinceEpoch)
          svg += "<line x1=\"\(n(tx))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(tx))\" y2=\"\(n(top + plotHeight + 4))\" class=\"grid\"/>"
          svg += "<text x=\"\(n(tx))\" y=\"\(n(top + plotHeight + 16))\" class=\"tick\" text-anchor=\"middle\">\(year)-\(month < 10 ? "0" : "")\(month)</text>"
        }
      }
    }
    let centres = weekStarts.map { $0.daysSinceEpoch + 3 }
    for line in lines where line.intervals.count > 1 {
      let means = line.intervals.map { $0.mean.isFinite ? $0.mean : 0 }
      let lows = line.intervals.map { $0.lower.isFinite ? max(lo, $0.lower) : lo }
      let highs = line.intervals.map { $0.upper.isFinite ? min(hi, $0.upper) : 0 }
      let upper = zip(centres, highs).map { "\(n(x($0))) \(n(y($1)))" }
      let lower = zip(centres, lows).reversed().map { "\(n(x($0))) \(n(y($1)))" }
      svg += "<path d=\"M\((upper + lower).joined(separator: "L"))Z\" class=\"band \(line.style)\"/>"
      svg += "<path d=\"M\(zip(centres, means).map { "\(n(x($0))) \(n(y($1)))" }.joined(separator: "L"))\" class=\"line \(line.style)\"><title>\(escape(line.label))</title></path>"
    }
    for p in placed {
      let labelY = top - 4 - 12 * Double(rowEnds.count - 1 - p.row)
      svg += "<line x1=\"\(n(p.x))\" y1=\"\(n(labelY + 2))\" x2=\"\(n(p.x))\" y2=\"\(n(top + plotHeight))\" class=\"switch \(p.sw.style)\"><title>\(escape(p.sw.phase)) from \(p.sw.date)</title></line>"
      let textWidth = Double(p.sw.label.count) * 6 + 8
      let leftward = p.x + textWidth > left + plotWidth
      svg += "<text x=\"\(n(leftward ? p.x - 3 : p.x + 3))\" y=\"\(n(labelY))\" class=\"switch-label \(p.sw.style)\"\(leftward ? " text-anchor=\"end\"" : "")>\(escape(p.sw.label))</text>"
    }
    svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 4))\" class=\"tick\" text-anchor=\"middle\">\(escape(weekLabel)) (line: mean, band: 95% interval, dashed: phase switches)</text>"
    return svg + "</svg>"
  }

  /// A logarithmic value axis from a power of ten below the lowest weekly
  /// mean to one above the highest interval end, or `nil` (a linear axis)
  /// where some mean is 0 or the means span 10× or less.
  static func logScale(_ intervals: [ConfidenceInterval]) -> (lo: Double, hi: Double)? {
    let means = intervals.map(\.mean).filter(\.isFinite)
    guard let low = means.min(), let high = means.max(), low > 0, high / low > 10 else { return nil }
    let top = intervals.map(\.upper).filter(\.isFinite).max() ?? high
    return (Foundation.pow(10, Foundation.floor(Foundation.log10(low))), Foundation.pow(10, Foundation.ceil(Foundation.log10(max(top, high)))))
  }

  /// The powers of ten from `lo` to `hi` (grid lines of a log axis).
  static func decades(_ lo: Double, _ hi: Double) -> [Double] {
    var values: [Double] = []
    var v = lo
    while v <= hi * 1.000001 {
      values.append(v)
      v *= 10
    }
    return values
  }

  /// Five vertical grid lines from `lo` to `hi` with their values below,
  /// for a horizontal bar chart whose plot spans `top` to `height − 22`.
  static func verticalGrid(lo: Double, hi: Double, top: Double, height: Double, x: (Double) -> Double) -> String {
    var svg = ""
    for i in 0...4 {
      let v = lo + (hi - lo) * Double(i) / 4
      svg += "<line x1=\"\(n(x(v)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(v)))\" y2=\"\(n(height - 22))\" class=\"grid\"/>"
      svg += "<text x=\"\(n(x(v)))\" y=\"\(n(height - 8))\" class=\"tick\" text-anchor=\"middle\">\(tick(v))</text>"
    }
    return svg
  }

  /// The opening `<svg>` tag and the chart's title.
  static func header(title: String, subtitle: String, width: Double, height: Double) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
      + "<text x=\"4\" y=\"18\" class=\"title\">\(escape(title))</text>"
      + "<text x=\"4\" y=\"34\" class=\"subtitle\">\(escape(subtitle))</text>"
  }

  /// The value axis: from 0 to a round number above every mean and interval
  /// end (at most 1 for a rate).
  static func axis(_ intervals: [ConfidenceInterval], isRate: Bool) -> (lo: Double, hi: Double) {
    let top = intervals.flatMap { [$0.mean, $0.upper] }.filter(\.isFinite).max() ?? 1
    if isRate { return (0, top > 0.5 ? 1 : niceCeiling(max(top, 1e-9))) }
    return (0, top > 0 ? niceCeiling(top) : 1)
  }

  /// `lo`…`hi` rounded outwards to a nice step of about a quarter of the
  /// span (``niceCeiling(_:)``), for an axis with five or so grid lines.
  static func niceRange(_ lo: Double, _ hi: Double) -> (lo: Double, hi: Double, step: Double) {
    let step = niceCeiling((hi - lo) / 4)
    return ((lo / step).rounded(.down) * step, (hi / step).rounded(.up) * step, step)
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
  static func shortLabel(_ label: String, _ limit: Int = 32) -> String {
    label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
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
