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
    var h = Self.htmlHead(title: "simrun \(kind.rawValue): \(entries.map(\.id).joined(separator: ", "))",
                          heading: "simrun \(kind.rawValue)", command: command, seed: seed, meta: [
      ("replications", "\(replications) per scenario (common random numbers across scenarios)"),
      ("values", "mean ± 95% half-width over replications; rates are fractions in [0, 1]; counts are per 1,000 orders"),
    ], findings: findings)
    if hasWeeklySeries {
      h += "<h2>Weekly series</h2>\n<p>Each platform's orders apart, by \(weekBasis.label("week"))"
        + (weekBasis == .event ? " (a rule's effect cannot show before its switch)" : "")
        + "; a small chart per metric and platform, each on its own scale (logarithmic where the weekly means span more than 10×).</p>\n"
        + "<div class=\"charts multiples\">\n"
      for entry in entries {
        let platforms = entry.result.weeklyPlatforms
        for metric in Self.headlineMetrics {
          for platform in platforms {
            let switches = scenarioSwitches.filter { $0.phase.platform == platform }.map {
              SVGChart.Switch(date: $0.date, label: Self.shortName($0.phase.id), phase: $0.phase.id, style: Self.style(platform))
            }
            let line = SVGChart.Line(label: platform.displayName, style: Self.style(platform),
                                     intervals: entry.result.weeklyIntervals(metric, platform: platform))
            h += "<figure>" + SVGChart.series(title: metric.title, subtitle: platform.displayName + (entries.count > 1 ? ", \(entry.id)" : "")
                                                + "; " + Self.subtitle(metric),
                                              weekStarts: entry.result.weekStarts, weekLabel: weekBasis.label("week"),
                                              lines: [line], isRate: metric.isRate, switches: switches,
                                              plotWidth: platforms.count > 1 ? 520 : 1140)
              + "<figcaption><code>\(metric.rawValue)</code>: \(e(metric.definition))</figcaption></figure>\n"
          }
        }
      }
      h += "</div>\n"
      h += "<h2>Phase switches</h2>\n<p>\(e(Self.capitalised(switchCaption))).</p>\n"
        + Self.htmlTable(header: Self.switchHeader, rows: switchWindows.flatMap { w in
          w.reported.map { [e(w.name), Self.htmlMetric($0)] + w.cells($0).map(e) }
        })
      for platform in baseline.result.weeklyPlatforms {
        h += "<h2>\(e(platform.displayName)) by month</h2>\n<p>Weekly means by \(weekBasis.label("month")), averaged; "
          + "* a \(e(platform.displayName)) phase switched on that month.</p>\n"
          + Self.htmlTable(header: Self.monthlyHeaders, rows: monthlyRows(platform).map { $0.map(e) })
      }
      h += "<p class=\"note\">The levels below pool both platforms and every phase over the whole period: for reference only.</p>\n"
    }
    let groups = platformGroups
    for group in groups {
      let ids = group.entries.map { entries[$0].id }
      h += groups.count > 1 ? "<h2>\(e(group.name))</h2>\n" : ""
      h += stepCharts(group, heading: groups.count > 1 ? "h3" : "h2")
      h += "<details><summary>Levels: the headline metrics in each scenario, and breakdowns (charts)</summary>\n"
      h += "<div class=\"charts\">\n"
      // A metric that is exactly zero in every replication of every
      // scenario here (a rule of the other platform) gets no chart.
      let zero = Self.headlineMetrics.filter { isZeroThroughout($0, in: group.entries) }
      for metric in Self.headlineMetrics where !zero.contains(metric) {
        h += "<figure>" + SVGChart.bars(title: metric.title, subtitle: Self.subtitle(metric), labels: ids,
                                        intervals: group.entries.map { entries[$0].result.interval(metric) }, isRate: metric.isRate)
          + "<figcaption><code>\(metric.rawValue)</code>: \(e(metric.definition))</figcaption></figure>\n"
      }
      // RULEBOOK §8's breakdowns as stacked bars.
      let ids2 = ids
      var emptyBreakdowns: [String] = []
      func stack(_ title: String, _ subtitle: String, _ metrics: [(String, Metric)]) -> String {
        let values = group.entries.map { index in metrics.map { entries[index].result.interval($0.1).mean } }
        guard values.joined().contains(where: { $0 != 0 }) else {
          emptyBreakdowns.append(title.prefix(1).lowercased() + title.dropFirst())
          return ""
        }
        return "<figure>" + SVGChart.stacked(title: title, subtitle: subtitle, labels: ids2, parts: metrics.map(\.0), values: values)
          + "<figcaption>" + metrics.map { "<code>\($0.1.rawValue)</code>" }.joined(separator: ", ") + "</figcaption></figure>\n"
      }
      h += stack("Courier call attempts by outcome", "share of attempts, 0–1 (means)", [
        ("reached", .courierReachPerAttempt), ("no answer", .courierFailedNoAnswer), ("number expired", .courierFailedExpired),
        ("not registered", .courierFailedNotRegistered), ("not verified", .courierFailedNotVerified),
        ("extension not dialled", .courierFailedExtension), ("waybill not adapted", .courierFailedNotAdapted),
      ])
      h += stack("Merchant contacts by channel", "per 1,000 orders (means)", [
        ("number held", .contactsPlaintextPer1000), ("decrypt", .contactsDecryptPer1000), ("virtual-number call", .contactsVirtualNumberPer1000),
        ("official message or tool", .contactsOfficialMessagePer1000), ("OAID SMS API", .contactsSMSAPIPer1000),
      ])
      h += stack("Decrypts refused by reason", "per 1,000 orders (means)", [
        ("no e-waybill", .decryptDeniedNoWaybill), ("order state", .decryptDeniedState), ("quota", .decryptDeniedQuota),
        ("policy", .decryptDeniedPolicy),
      ])
      h += stack("G-group calls rejected by reason", "per 1,000 orders (means)", [
        ("order limit", .gGroupRejectedOverLimit), ("too many numbers", .gGroupRejectedTooMany),
        ("malformed number", .gGroupRejectedInvalidNumber), ("still 11+4", .gGroupRejectedWrongFormat),
      ])
      h += "</div>\n"
      if !zero.isEmpty || !emptyBreakdowns.isEmpty {
        h += "<p class=\"note\">Not charted, zero in every replication of every scenario here: "
          + (zero.map { "<code>\($0.rawValue)</code>" } + emptyBreakdowns.map { e($0) }).joined(separator: ", ") + ".</p>\n"
      }
      h += "</details>\n<details><summary>All \(Metric.allCases.count) metrics and their paired differences (tables)</summary>\n"
      h += Self.htmlTable(header: ["metric"] + ids, rows: Metric.allCases.map { m in
        [Self.htmlMetric(m)] + group.entries.map { e(Self.meanPlusMinus(entries[$0].result.interval(m))) }
      })
      for kind in [ReportComparison.Kind.baseline, .step] {
        let pairs = comparisons(kind, in: group)
        guard !pairs.isEmpty else { continue }
        h += "<h4>" + e(Self.capitalised(heading(kind, in: group))) + "</h4>"
        h += "\n<p>Each replication paired with the same replication of the other scenario (common random numbers). Bold: the 95% interval excludes 0.</p>\n"
        h += htmlDifferences(pairs)
      }
      h += "</details>\n"
    }
    let across = comparisons.filter { $0.kind == .otherPlatform }
    if let first = groups.first, !across.isEmpty {
      h += "<h2>Differences across platforms</h2>\n<p class=\"warning\">\(e(Self.capitalised(heading(.otherPlatform, in: first)))). Shown without highlighting.</p>\n"
      h += htmlDifferences(across)
    }
    h += "<details><summary>By shop size (segments)</summary>\n" + htmlSegments + "</details>\n"
    h += "<details><summary>Rules in force, sources and metric definitions</summary>\n<h2>Rules in force</h2>\n"
    h += Self.htmlTable(header: ["scenario", "source", "phases"], rows: entries.map { entry in
      [e(entry.id), e(entry.source), e(entry.scenario.schedule.map { $0.phase.id + ($0.start.map { " from \($0)" } ?? "") }.joined(separator: "; "))]
    })
    let used = entries.reduce(into: Set<RuleID>()) { $0.formUnion($1.rules) }.sorted()
    h += Self.htmlTable(header: ["rule", "summary", "sources"] + entries.map(\.id), rows: used.map { rule in
      ["<code>\(rule.rawValue)</code>", e(rule.summary), e(rule.sources.map(\.rawValue).joined(separator: ", "))]
        + entries.map { $0.rules.contains(rule) ? "✓" : "" }
    })
    h += "<h2>Sources</h2>\n<ul>\n" + SourceDocument.allCases.map { "<li><code>\($0.rawValue)</code>: \(e($0.title))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    h += "<h2>Metric definitions</h2>\n<ul>\n" + Metric.allCases.map { "<li><code>\($0.rawValue)</code>: \(e($0.definition))</li>" }.joined(separator: "\n") + "\n</ul>\n</details>\n"
    return h + ReportGlossary.html + "</body>\n</html>\n"
  }

  /// The page's head, its heading and the run's settings (`meta`: more
  /// rows after the command and seed, as plain text).
  /// `findings` open the page, before the settings.
  static func htmlHead(title: String, heading: String, command: String, seed: UInt64, meta: [(String, String)],
                       findings: ReportFindings? = nil) -> String {
    let e = SVGChart.escape
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(e(title))</title>
      <style>\(css)</style>
      </head>
      <body>
      <h1>\(e(heading))</h1>
      \(findings?.html ?? "")<dl class="meta">
      <dt>command</dt><dd><code>\(e(command))</code></dd>
      <dt>seed</dt><dd>\(seed)</dd>
      <dt>tool</dt><dd>simrun \(SimRunVersion.current)</dd>

      """ + meta.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>\n" }.joined() + "</dl>\n\n"
  }

  /// Metrics as rows, one column per comparison.
  private func htmlDifferences(_ pairs: [ReportComparison]) -> String {
    let e = SVGChart.escape
    return Self.htmlTable(header: ["metric"] + pairs.map { entries[$0.entry].id }, rows: Metric.allCases.map { m in
      [Self.htmlMetric(m)] + pairs.map { pair in
        let d = difference(pair, m)
        return isHighlighted(pair, d) ? "<strong>\(e(Self.meanPlusMinus(d)))</strong>" : e(Self.meanPlusMinus(d))
      }
    })
  }

  /// A chart's second line: unit, which way is better, how to read it.
  static func subtitle(_ metric: Metric) -> String {
    ([metric.unit, metric.preferredText].filter { !$0.isEmpty }).joined(separator: " · ")
  }

  /// The CSS class that colours a platform's lines.
  static func style(_ platform: Platform) -> String { platform == .wechatShop ? "wechat" : "taobao" }

  /// A table whose cells are already HTML.
  static func htmlTable(header: [String], rows: [[String]]) -> String {
    "<table>\n<thead><tr>" + header.map { "<th>\(SVGChart.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
      + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "\n</tbody>\n</table>\n"
  }

  static let css = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1280px;padding:0 16px;color:#1d2330}
    h1{font-size:22px;margin-bottom:8px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #dde;padding-bottom:4px}
    .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}.meta dt{color:#667}.meta dd{margin:0}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px}.charts.wide{grid-template-columns:1fr}
    .glossary dt{font-weight:600}.glossary dd{margin:0 0 6px 16px}
    .charts.multiples{grid-template-columns:repeat(auto-fill,minmax(600px,1fr))}
    figure{margin:0;padding:8px;border:1px solid #e3e6ee;border-radius:6px;background:#fff;overflow-x:auto}
    figcaption{color:#667;font-size:12px;margin-top:2px}
    figure svg{max-width:100%;height:auto}
    svg .title{font-weight:600;font-size:13px;fill:#1d2330}svg .label{font-size:12px;fill:#1d2330}
    svg .tick{font-size:10.5px;fill:#667}svg .value{font-size:11px;fill:#334}
    svg .grid{stroke:#e6e8ef;stroke-width:1}svg .bar{fill:#5b8def}svg .bar.baseline{fill:#98a6bf}svg .bar.better{fill:#2f7fd0}svg .bar.worse{fill:#d9621e}svg .bar.neutral{fill:#8f99ad}svg .bar.faint{fill:#c9d3e6}svg .grid.zero{stroke:#667}
    svg .whisker{stroke:#1d2330;stroke-width:1.4;fill:none}svg .band{fill:#5b8def;opacity:.22}
    svg .subtitle{font-size:11.5px;fill:#667}
    svg .part.p0{fill:#2f7fd0}svg .part.p1{fill:#e0a43a}svg .part.p2{fill:#d9621e}svg .part.p3{fill:#8e5bb5}
    svg .part.p4{fill:#3fa58a}svg .part.p5{fill:#c4476d}svg .part.p6{fill:#7a8699}
    svg .line{stroke:#2f5fc4;stroke-width:1.6;fill:none}svg .switch{stroke:#d0542c;stroke-width:1.2;stroke-dasharray:4 3}
    svg .switch-label{font-size:10px;fill:#b3441f}
    svg .line.wechat{stroke:#1f8a4c}svg .band.wechat,svg .key.wechat{fill:#1f8a4c}svg .switch.wechat{stroke:#1f8a4c}svg .switch-label.wechat{fill:#17683a}
    svg .line.taobao{stroke:#d9621e}svg .band.taobao,svg .key.taobao{fill:#d9621e}svg .switch.taobao{stroke:#d9621e}svg .switch-label.taobao{fill:#a9480f}
    .charts.wide svg{width:100%}.note{color:#667;font-size:13px}.warning{background:#fff4e5;border-left:4px solid #d9621e;padding:6px 10px}
    h3{font-size:15px;margin-top:20px}
    svg .bar.s1{fill:#a9c4ee}svg .bar.st{fill:#2f5fc4}svg .dot{fill:#2f5fc4}svg .dot.faint{fill:#a9b4c8}svg .dot.chosen{fill:#d9621e}
    svg .dot-open{fill:none;stroke:#98a6bf;stroke-width:1}svg .base-line{stroke:#1d2330;stroke-width:2}svg .box{fill:#d9621e;fill-opacity:.08;stroke:#d9621e;stroke-width:1.6;stroke-dasharray:5 3}
    svg .whisker.faint{stroke:#a9b4c8}svg .quantile{stroke:#d9621e;stroke-width:1.2;stroke-dasharray:3 2}svg .zero-line{stroke:#1d2330;stroke-width:1.6}
    table{border-collapse:collapse;margin:8px 0;font-size:13px;display:block;overflow-x:auto;max-width:100%}th,td{border:1px solid #e3e6ee;padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#f4f6fa}td code{white-space:nowrap}td:not(:first-child){font-variant-numeric:tabular-nums}
    .findings{background:#f3f7ff;border:1px solid #c9d8f2;border-radius:6px;padding:4px 16px 8px;margin:12px 0 18px}
    .findings h2{border:0;margin-top:8px}.findings li{margin:4px 0;font-size:15px}.findings li.no_change{color:#445}
    .findings .method{color:#667;font-size:12.5px;margin:6px 0 0}
    details{margin:10px 0;border:1px solid #e3e6ee;border-radius:6px;padding:4px 12px}details>summary{cursor:pointer;font-weight:600;padding:4px 0}
    h4{font-size:14px;margin:14px 0 4px}
    """
}
