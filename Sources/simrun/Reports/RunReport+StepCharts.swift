import PrivacyModel
import SimKernel

extension RunReport {
  /// The paired changes of a platform group as charts, one per headline
  /// metric that changes measurably somewhere: each scenario against the
  /// one before it (as the findings read them), zoomed to the changes, the
  /// 95% interval as a whisker, blue for better and orange for worse.
  /// Metrics that change nowhere are named in a note instead.
  func stepCharts(_ group: PlatformGroup, heading: String) -> String {
    if kind == .sweep, let curves = sweepCurves(group, heading: heading) { return curves }
    let pairs = findingPairs.filter { group.entries.contains($0.entry) }
    guard !pairs.isEmpty else { return "" }
    let e = SVGChart.escape
    var charted: [Metric] = [], flat: [Metric] = []
    var figures = ""
    for metric in Self.headlineMetrics where !isZeroThroughout(metric, in: group.entries) {
      let changes = pairs.map { entries[$0.entry].result.difference(from: entries[$0.reference].result, metric) }
      guard changes.contains(where: { !$0.contains(0) }) else {
        flat.append(metric)
        continue
      }
      charted.append(metric)
      let labels = pairs.map { Self.shortName(entries[$0.entry].id) }
      let tooltips = pairs.map { pair in
        let a = entries[pair.reference].result.interval(metric).mean, b = entries[pair.entry].result.interval(metric).mean
        return "\(entries[pair.entry].id) vs \(entries[pair.reference].id): \(SVGChart.value(a)) → \(SVGChart.value(b))"
      }
      let first = entries[pairs[0].reference]
      figures += "<figure>" + SVGChart.effects(
        title: metric.title, subtitle: "change, \(metric.unit) · from \(SVGChart.value(first.result.interval(metric).mean)) in "
          + Self.shortName(first.id) + (metric.preferredText.isEmpty ? "" : " · " + metric.preferredText),
        labels: labels, tooltips: tooltips, intervals: changes, preferred: metric.preferred, labelWidth: 190)
        + "<figcaption><code>\(metric.rawValue)</code>: \(e(metric.definition))</figcaption></figure>\n"
    }
    let what = kind == .sweep ? "the last value against the first" : "each scenario against the one before it"
    var h = "<\(heading)>What changed, step by step</\(heading)>\n<p>Paired changes (\(e(what)), common random numbers), "
      + "95% interval as a whisker. Blue: better; orange: worse; pale: no measurable change. Hover a bar for the levels.</p>\n"
    h += charted.isEmpty ? "" : "<div class=\"charts\">\n" + figures + "</div>\n"
    if !flat.isEmpty {
      h += "<p class=\"note\">No measurable change at any step: " + flat.map { e($0.title) }.joined(separator: ", ") + ".</p>\n"
    }
    return h
  }

  /// A sweep of one numeric key as response curves, one per headline
  /// metric that is not zero throughout (`nil` for a sweep of several keys
  /// or of values that are not numbers: the step charts serve then).
  func sweepCurves(_ group: PlatformGroup, heading: String) -> String? {
    let list = group.entries.map { entries[$0] }
    guard let key = list.first?.parameters.first?.key, list.allSatisfy({ $0.parameters.count == 1 }) else { return nil }
    let xs = list.compactMap { Double($0.parameters[0].value) }
    guard xs.count == list.count, Set(xs).count == xs.count else { return nil }
    let e = SVGChart.escape
    var h = "<\(heading)>How the headline metrics respond to \(e(key))</\(heading)>\n<p>Each value run with the same seed "
      + "(common random numbers); line: mean, band: 95% interval; the value axis is zoomed to the data.</p>\n<div class=\"charts\">\n"
    // Metrics that change measurably from the first value to the last first.
    let shown = Self.headlineMetrics.filter { !isZeroThroughout($0, in: group.entries) }
    let moving = shown.filter { !list.last!.result.difference(from: list[0].result, $0).contains(0) }
    for metric in moving + shown.filter({ !moving.contains($0) }) {
      h += "<figure>" + SVGChart.curve(title: metric.title, subtitle: Self.subtitle(metric), xLabel: key, x: xs,
                                       intervals: list.map { $0.result.interval(metric) })
        + "<figcaption><code>\(metric.rawValue)</code>: \(e(metric.definition))</figcaption></figure>\n"
    }
    return h + "</div>\n"
  }

  /// A scenario id without the platform prefix the section already names.
  static func shortName(_ id: String) -> String {
    for prefix in ["wechat-", "taobao-"] where id.hasPrefix(prefix) && id.count > prefix.count { return String(id.dropFirst(prefix.count)) }
    return id
  }
}
