import Analysis
import PrivacyModel

extension ExplorationReport {
  /// Keys charted per outcome in the Sobol bars (the tables have all).
  static let chartedKeys = 15

  /// `report.html`: one self-contained page: per analysed outcome the
  /// Sobol bars (S1 and ST with 95% whiskers) or the Morris μ*–σ scatter,
  /// then each outcome's spread over the input ranges as a histogram with
  /// its percentiles, the PRIM box as a table and its coverage–density
  /// trade-off, the uncertain keys, and every index in tables.
  var html: String {
    let e = SVGChart.escape
    let names = design.uncertainties.map(\.path)
    var meta = [
      ("method", "\(method.rawValue): \(design.sampling)"),
      ("points", "\(values.count) × \(replications) replication\(replications == 1 ? "" : "s") (the same seed at every point: common random numbers)"),
      ("uncertain keys", "\(design.uncertainties.count), each uniform over its range (table at the end)"),
    ]
    if !contrasts.isEmpty {
      meta.append(("effects", contrasts.map { "\($0.label): the scenario − \($0.variantName), paired replication by replication at every point" }.joined(separator: "; ")))
    }
    var h = RunReport.htmlHead(title: "simrun explore: \(scenario)", heading: "simrun explore: \(scenario)",
                               command: command, seed: seed, meta: meta, findings: findings)
    switch method {
    case .sobol:
      h += "<h2>Which assumptions the results rest on</h2>\n<p>S1: the share of the outcome's variance over the ranges due to the key alone; ST: including its interactions with other keys. Whiskers: 95% bootstrap intervals. A key whose ST interval reaches 0 does not measurably move the outcome. The \(Self.chartedKeys) keys with the largest ST are charted.</p>\n<div class=\"charts\">\n"
      for outcome in outcomes {
        let ranked = outcome.rankedSobol!.prefix(Self.chartedKeys)
        h += "<figure>" + SVGChart.sobol(title: title(outcome), subtitle: subtitle(outcome),
                                         labels: ranked.map { names[$0.factor] }, indices: Array(ranked))
          + caption(outcome, noise: true) + "</figure>\n"
      }
      h += "</div>\n"
    case .morris:
      h += "<h2>Which assumptions the results rest on</h2>\n<p>μ*: the mean absolute change of the outcome when a key moves over its whole range (in the outcome's units), with its 95% bootstrap interval; σ: how much that change varies with the other keys (interactions or non-linearity). Keys near the origin can be fixed at their defaults.</p>\n<div class=\"charts\">\n"
      for outcome in outcomes {
        h += "<figure>" + SVGChart.morris(title: title(outcome), subtitle: subtitle(outcome), labels: names, effects: outcome.morris!)
          + caption(outcome) + "</figure>\n"
      }
      h += "</div>\n"
    case .uncertainty:
      break
    }
    h += "<h2>Spread over the input ranges</h2>\n<p>Each outcome at every point of the design (the mean of the point's replications), with its 5th, 50th and 95th percentiles. "
      + (method == .uncertainty ? "The points are a Latin hypercube over the ranges." : "The points are the \(method.rawValue) design's, not a random sample of the ranges; <code>--method uncertainty</code> gives one.")
      + " SD over inputs is the spread due to the assumptions; SD of replications is Monte-Carlo noise alone."
      + " The solid line is the base case: the scenario with its own values of the uncertain keys, run with the same seed.</p>\n<div class=\"charts\">\n"
    var constant: [String] = []
    for outcome in outcomes {
      let s = outcome.spread
      // An outcome that never varies has nothing to chart.
      if s.isConstant {
        constant.append("\(outcome.name) (\(Self.f(s.p50)))")
        continue
      }
      h += "<figure>" + SVGChart.histogram(title: title(outcome), subtitle: subtitle(outcome), values: outcome.pointMeans,
                                           p5: s.p5, p50: s.p50, p95: s.p95, base: outcome.baseCase)
        + "<figcaption>SD over inputs \(e(Self.f(s.inputSD))), SD of replications "
        + (replications > 1 ? e(Self.f(s.noise)) : "not measured (1 replication per point)")
        + (s.noiseShare.map { "; replication noise \(Self.percent($0)) of the variance" } ?? "")
        + (outcome.contrast == nil ? "" : "; below 0 at \(Self.percent(s.negative)), above 0 at \(Self.percent(s.positive)) of the points")
        + ". " + (Self.noiseWarning(s).map { "<strong>\(e($0)).</strong> " } ?? "")
        + "<code>\(outcome.metric.rawValue)</code>: \(e(outcome.metric.definition))</figcaption></figure>\n"
    }
    h += "</div>\n"
    if !constant.isEmpty { h += "<p>Not charted, the same at every point: \(e(constant.joined(separator: ", "))).</p>\n" }
    if let d = discovery {
      h += "<h2>Scenario discovery: where \(e(d.condition.description)) holds</h2>\n"
      h += "<p>It holds at \(Self.percent(d.share)) of the points. PRIM (Friedman &amp; Fisher 1999) peels the ranges down to a box where it mostly holds, then pastes back what helps; coverage is the share of the points where it holds that fall in the box, density the share of the box's points where it holds.</p>\n"
      let box = d.result.box
      if box.restricted.isEmpty {
        h += "<p class=\"note\">No box: the condition is not concentrated in any region of the ranges.</p>\n"
      } else {
        h += RunReport.htmlTable(header: ["key", "box from", "box to", "range", "quasi-p"], rows: box.restricted.map { i in
          let (lower, upper) = boxBounds(i, digits: 3)
          return ["<code>\(e(names[i]))</code>", e(lower ?? "—"), e(upper ?? "—"), e(design.uncertainties[i].rangeText),
                  e(d.result.quasiPValues[i].map(Self.pValue) ?? "—")]
        })
        h += "<p>Coverage \(Self.percent(box.coverage)), density \(Self.percent(box.density)), mass \(Self.percent(box.mass)) of all points. "
          + "Quasi-p: the one-sided binomial probability of the box's hits at the rate of the box without that restriction (EMA Workbench's test); restrictions above 0.05 are dropped"
          + (d.result.dropped.isEmpty ? "." : ": \(e(d.result.dropped.map { names[$0] }.joined(separator: ", "))).")
          + " Restricted keys along the peeling trajectory: \(e(Self.runs(d.result.trajectory.map(\.restricted.count)))).</p>\n"
      }
      h += "<div class=\"charts\"><figure>" + SVGChart.tradeoff(
        title: "PRIM trade-off", subtitle: "boxes of the peeling, labelled by restricted keys; ring: peeled box; square: box reported",
        coverage: d.result.trajectory.map(\.coverage), density: d.result.trajectory.map(\.density),
        restricted: d.result.trajectory.map(\.restricted.count), chosen: d.result.chosenIndex,
        reported: (d.result.box.coverage, d.result.box.density))
        + "</figure>" + discoveryScatter(d) + "</div>\n"
    }
    h += "<h2>Uncertain keys</h2>\n" + RunReport.htmlTable(header: ["key", "range", "scale", "range from"], rows: design.uncertainties.map { u in
      ["<code>\(e(u.path))</code>", e(u.rangeText), e(u.scale.rawValue), e(u.origin)]
    })
    if method != .uncertainty {
      h += "<h2>All indices</h2>\n"
      for outcome in outcomes {
        h += "<h3>\(e(outcome.titledName))</h3>\n"
        if let sobol = outcome.rankedSobol {
          h += RunReport.htmlTable(header: ["key", "S1", "S1 95%", "ST", "ST 95%"], rows: sobol.map { i in
            ["<code>\(e(names[i.factor]))</code>", Self.f(i.first.value), "[\(Self.f(i.first.lower)), \(Self.f(i.first.upper))]",
             Self.f(i.total.value), "[\(Self.f(i.total.lower)), \(Self.f(i.total.upper))]"]
          })
        }
        if let morris = outcome.rankedMorris {
          h += RunReport.htmlTable(header: ["key", "μ*", "μ* 95%", "μ", "σ"], rows: morris.map { m in
            ["<code>\(e(names[m.factor]))</code>", Self.f(m.muStar.value), "[\(Self.f(m.muStar.lower)), \(Self.f(m.muStar.upper))]",
             Self.f(m.mu), Self.f(m.sigma)]
          })
        }
      }
    }
    return h + ReportGlossary.html + "</body>\n</html>\n"
  }

  /// A chart's title: the metric's, and the effect's when there is one.
  func title(_ outcome: ExplorationOutcome) -> String {
    outcome.metric.title + (outcome.contrast.map { " — \($0.label)" } ?? "")
  }

  /// A chart's second line: the unit, and for an effect what is subtracted.
  func subtitle(_ outcome: ExplorationOutcome) -> String {
    guard let contrast = outcome.contrast else {
      return RunReport.subtitle(outcome.metric) + " · median over the points \(Self.f(outcome.spread.p50))"
    }
    return "\(outcome.metric.unit): scenario − \(contrast.variantName) · median \(Self.f(outcome.spread.p50))"
  }

  /// `noise`: say how much of the outcome's variance is replication noise
  /// (an ST below that share cannot be told from noise).
  func caption(_ outcome: ExplorationOutcome, noise: Bool = false) -> String {
    var text = ""
    if noise {
      text = outcome.spread.noiseShare.map { "Replication noise: \(Self.percent($0)) of the variance; an ST not clearly above it cannot be told from noise. " }
        ?? "One replication per point: replication noise in the indices not measured. "
    }
    return "<figcaption>\(text)<code>\(outcome.metric.rawValue)</code>: \(SVGChart.escape(outcome.metric.definition))</figcaption>"
  }
}
