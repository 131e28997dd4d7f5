import PrivacyModel
import SimKernel

extension RunReport {
  /// `report.html`: one self-contained page (inline CSS and SVG, nothing
  /// fetched): the settings and exact command line, a bar chart with 95%
  /// whiskers per headline metric across scenarios, for the timeline a
  /// weekly line chart per headline metric with the phase switches marked,
  /// the tables of means and paired differences, and the rules in force
  /// with their IDs and sources. The markup is well-formed XML (tests parse it).
  var html: String {
    let e = SVGChart.escape
    var h = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>simrun \(kind.rawValue): \(e(entries.map(\.id).joined(separator: ", ")))</title>
      <style>\(Self.css)</style>
      </head>
      <body>
      <h1>simrun \(kind.rawValue)</h1>
      <dl class="meta">
      <dt>command</dt><dd><code>\(e(command))</code></dd>
      <dt>seed</dt><dd>\(seed)</dd>
      <dt>replications</dt><dd>\(replications) per scenario (common random numbers across scenarios)</dd>
      <dt>tool</dt><dd>simrun \(SimRunVersion.current)</dd>
      <dt>values</dt><dd>mean ± 95% half-width over replications; rates are fractions in [0, 1]; counts are per 1,000 orders</dd>
      </dl>

      """
    if hasWeeklySeries {
      h += "<h2>Weekly series</h2>\n<div class=\"charts wide\">\n"
      for entry in entries {
        let switches = scenarioSwitches.map { (date: $0.date, label: $0.phase.id) }
        for metric in Self.headlineMetrics {
          h += "<figure>" + SVGChart.series(title: "\(metric.rawValue) — \(entry.id)", weekStarts: entry.result.weekStarts,
                                            intervals: entry.result.weeklyIntervals(metric), isRate: metric.isRate,
                                            switches: switches) + "</figure>\n"
        }
      }
      h += "</div>\n"
    }
    h += "<h2>Headline metrics</h2>\n<div class=\"charts\">\n"
    for metric in Self.headlineMetrics {
      h += "<figure>" + SVGChart.bars(title: metric.rawValue, labels: entries.map(\.id),
                                      intervals: entries.map { $0.result.interval(metric) }, isRate: metric.isRate)
        + "<figcaption>\(e(metric.definition))</figcaption></figure>\n"
    }
    h += "</div>\n<h2>All metrics</h2>\n" + htmlTable(header: ["metric"] + entries.map(\.id), rows: Metric.allCases.map { m in
      ["<code>\(m.rawValue)</code>"] + entries.map { e(Self.meanPlusMinus($0.result.interval(m))) }
    })
    if entries.count > 1 {
      let others = entries.dropFirst()
      h += "<h2>Paired differences from \(e(baseline.id))</h2>\n<p>Each replication paired with the same replication of the baseline (common random numbers). Bold: the 95% interval excludes 0.</p>\n"
      h += htmlTable(header: ["metric"] + others.map(\.id), rows: Metric.allCases.map { m in
        ["<code>\(m.rawValue)</code>"] + others.map { entry in
          let d = entry.result.difference(from: baseline.result, m)
          return d.contains(0) ? e(Self.meanPlusMinus(d)) : "<strong>\(e(Self.meanPlusMinus(d)))</strong>"
        }
      })
    }
    h += "<h2>Rules in force</h2>\n"
    h += htmlTable(header: ["scenario", "source", "phases"], rows: entries.map { entry in
      [e(entry.id), e(entry.source), e(entry.scenario.schedule.map { $0.phase.id + ($0.start.map { " from \($0)" } ?? "") }.joined(separator: "; "))]
    })
    let used = entries.reduce(into: Set<RuleID>()) { $0.formUnion($1.rules) }.sorted()
    h += htmlTable(header: ["rule", "summary", "sources"] + entries.map(\.id), rows: used.map { rule in
      ["<code>\(rule.rawValue)</code>", e(rule.summary), e(rule.sources.map(\.rawValue).joined(separator: ", "))]
        + entries.map { $0.rules.contains(rule) ? "✓" : "" }
    })
    h += "<h2>Sources</h2>\n<ul>\n" + SourceDocument.allCases.map { "<li><code>\($0.rawValue)</code>: \(e($0.title))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    h += "<h2>Metric definitions</h2>\n<ul>\n" + Metric.allCases.map { "<li><code>\($0.rawValue)</code>: \(e($0.definition))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    return h + "</body>\n</html>\n"
  }

  /// A table whose cells are already HTML.
  private func htmlTable(header: [String], rows: [[String]]) -> String {
    "<table>\n<thead><tr>" + header.map { "<th>\(SVGChart.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
      + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "\n</tbody>\n</table>\n"
  }

  static let css = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1280px;padding:0 16px;color:#1d2330}
    h1{font-size:22px;margin-bottom:8px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #dde;padding-bottom:4px}
    .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}.meta dt{color:#667}.meta dd{margin:0}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px}.charts.wide{grid-template-columns:1fr}
    figure{margin:0;padding:8px;border:1px solid #e3e6ee;border-radius:6px;background:#fff;overflow-x:auto}
    figcaption{color:#667;font-size:12px;margin-top:2px}
    figure svg{max-width:100%;height:auto}
    svg .title{font-weight:600;font-size:13px;fill:#1d2330}svg .label{font-size:12px;fill:#1d2330}
    svg .tick{font-size:10.5px;fill:#667}svg .value{font-size:11px;fill:#334}
    svg .grid{stroke:#e6e8ef;stroke-width:1}svg .bar{fill:#5b8def}svg .bar.baseline{fill:#98a6bf}
    svg .whisker{stroke:#1d2330;stroke-width:1.4;fill:none}svg .band{fill:#5b8def;opacity:.22}
    svg .line{stroke:#2f5fc4;stroke-width:1.6;fill:none}svg .switch{stroke:#d0542c;stroke-width:1.2;stroke-dasharray:4 3}
    svg .switch-label{font-size:10px;fill:#b3441f}
    table{border-collapse:collapse;margin:8px 0;font-size:13px;display:block;overflow-x:auto;max-width:100%}th,td{border:1px solid #e3e6ee;padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#f4f6fa}td:not(:first-child){font-variant-numeric:tabular-nums}
    """
}
