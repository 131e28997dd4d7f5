import Analysis
import PrivacyModel

extension ExplorationReport {
  /// The sentences the exploration opens with, one per analysed outcome
  /// (effects of `--effect-of`/`--against` first: they are the conclusions
  /// the assumptions may overturn): for an effect, whether its sign holds
  /// across the ranges; for every outcome, its spread (uncertainty) or
  /// median (Sobol, Morris) and the keys it rests on most (largest ST or
  /// μ*, with their 95% bootstrap intervals, as in the tables); a caution
  /// where replication noise dominates.
  var findings: ReportFindings {
    let ordered = outcomes.filter { $0.contrast != nil } + outcomes.filter { $0.contrast == nil }
    let sentences = ordered.prefix(ReportFindings.limit).map(finding)
    let method = "Over \(values.count) points drawn from the ranges of \(design.uncertainties.count) uncertain keys; "
      + (self.method == .sobol ? "ST: share of the variance due to the key with its interactions [95% bootstrap interval]; "
         : self.method == .morris ? "μ*: mean absolute change as the key moves over its range [95% bootstrap interval]; " : "")
      + "figures as in the tables."
      + (outcomes.count > ReportFindings.limit ? " \(outcomes.count - ReportFindings.limit) more outcomes are in the tables." : "")
    return ReportFindings(Array(sentences), method: method)
  }

  private func finding(_ outcome: ExplorationOutcome) -> Finding {
    let s = outcome.spread
    let unit = FindingCandidate.unitSuffix(outcome.metric)
    let subject: String
    switch outcome.contrast {
    case .rule(let rule)?: subject = "The effect of \(rule.rawValue) (\(rule.name)) on \(outcome.metric.phrase)"
    case .phase(let phase)?: subject = "The change in \(outcome.metric.phrase) from \(phase.id)"
    case nil: subject = RunReport.capitalised(outcome.metric.phrase)
    }
    if s.isConstant {
      return Finding(kind: .sensitivity, text: "\(subject) does not vary: \(Self.f(s.p50))\(unit) at every point.",
                     metrics: [outcome.metric.rawValue])
    }
    var text = subject
    if outcome.contrast != nil {
      let sign: String
      if s.negative == 0 && s.positive == 0 {
        sign = "is 0 at every point"
      } else if s.negative == 0 {
        sign = (s.positive == 1 ? "is above 0 at every point" : "is never below 0 (above 0 at \(Self.percent(s.positive)) of the points)")
          + ": its sign holds across the ranges"
      } else if s.positive == 0 {
        sign = (s.negative == 1 ? "is below 0 at every point" : "is never above 0 (below 0 at \(Self.percent(s.negative)) of the points)")
          + ": its sign holds across the ranges"
      } else {
        sign = "is below 0 at \(Self.percent(s.negative)) and above 0 at \(Self.percent(s.positive)) of the points: its sign depends on the assumptions"
      }
      text += " " + sign + "; it"
    }
    if method == .uncertainty {
      text += " ranges from \(Self.f(s.p5)) (p5) to \(Self.f(s.p95)) (p95)\(unit), median \(Self.f(s.p50))"
    } else {
      text += (outcome.contrast == nil ? ":" : " has a") + " median over the points of \(Self.f(s.p50))\(unit)"
    }
    text += " (base case \(Self.f(outcome.baseCase)))"
    let names = design.uncertainties.map(\.path)
    let leaders: [String]
    switch method {
    case .sobol:
      leaders = outcome.rankedSobol!.filter { $0.total.lower > 0 }.prefix(2).map {
        "\(names[$0.factor]) (ST \(Self.f($0.total.value)) [\(Self.f($0.total.lower)), \(Self.f($0.total.upper))])"
      }
    case .morris:
      leaders = outcome.rankedMorris!.filter { $0.muStar.lower > 0 }.prefix(2).map {
        "\(names[$0.factor]) (μ* \(Self.f($0.muStar.value)) [\(Self.f($0.muStar.lower)), \(Self.f($0.muStar.upper))])"
      }
    case .uncertainty: leaders = []
    }
    if method != .uncertainty {
      text += leaders.isEmpty ? "; no key moves it measurably" : "; it rests most on " + FindingCandidate.list(leaders, conjunction: "and")
    }
    if s.noiseDominates, let share = s.noiseShare {
      text += " (caution: \(Self.percent(share)) of the spread is replication noise)"
    }
    return Finding(kind: .sensitivity, text: text + ".", metrics: [outcome.metric.rawValue])
  }
}
