import Foundation
import PrivacyModel
import SimKernel

/// The schema of `results.json` (docs/user-guide.md, "Reports").
struct ResultsDocument: Codable, Equatable {
  struct Interval: Codable, Equatable {
    let mean: Double?
    let ci95: [Double?]
    let n: Int
  }

  struct Difference: Codable, Equatable {
    let diff: Double?
    let ci95: [Double?]
  }

  struct ScheduledPhase: Codable, Equatable {
    let phase: String
    let from: String?
    let rules: [String]
  }

  /// Weekly series by platform: each platform's orders apart.
  struct WeeklySeries: Codable, Equatable {
    let weekStart: [String]
    /// `event` or `creation`: which week each event counts in.
    let weekOf: String
    /// Platform → metric → one interval per week.
    let platforms: [String: [String: [Interval]]]

    enum CodingKeys: String, CodingKey {
      case weekStart = "week_start", weekOf = "week_of", platforms
    }
  }

  /// One shop-size segment of a scenario: shops with at least `min` (and
  /// fewer than `max`, when given) real orders a day.
  struct Segment: Codable, Equatable {
    let title: String
    let minOrdersPerDay: Double
    let maxOrdersPerDay: Double?
    let orderShare: Interval
    let metrics: [String: Interval]

    enum CodingKeys: String, CodingKey {
      case title, minOrdersPerDay = "min_orders_per_day", maxOrdersPerDay = "max_orders_per_day",
           orderShare = "order_share", metrics
    }
  }

  /// Scenarios that run the same platforms; differences are taken within one.
  struct Group: Codable, Equatable {
    let platforms: [String]
    let baseline: String
    let phases: [String]
  }

  struct PhaseResult: Codable, Equatable {
    let id: String
    let scenario: String
    let rules: [String]
    let schedule: [ScheduledPhase]
    let parameters: [String: String]?
    let metrics: [String: Interval]
    let platforms: [String]
    /// Against the first scenario of the same platforms (null for that one).
    let vsBaseline: [String: Difference]?
    /// Against the scenario before it in its group (`compare`, from the third on).
    let vsPrevious: [String: Difference]?
    /// Against the first scenario when that runs another platform: a
    /// platform difference, not a rule effect.
    let vsOtherPlatform: [String: Difference]?
    let weekly: WeeklySeries?
    /// By shop-size segment: segment id → its bounds, order share and metrics.
    let segments: [String: Segment]

    enum CodingKeys: String, CodingKey {
      case id, scenario, rules, schedule, parameters, metrics, platforms, vsBaseline = "vs_baseline",
           vsPrevious = "vs_previous", vsOtherPlatform = "vs_other_platform_not_a_rule_effect", weekly, segments
    }

    // `vs_baseline` is written as null for a baseline itself (the other
    // optional keys are left out when they do not apply).
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(scenario, forKey: .scenario)
      try c.encode(rules, forKey: .rules)
      try c.encode(schedule, forKey: .schedule)
      try c.encodeIfPresent(parameters, forKey: .parameters)
      try c.encode(metrics, forKey: .metrics)
      try c.encode(platforms, forKey: .platforms)
      try c.encode(vsBaseline, forKey: .vsBaseline)
      try c.encodeIfPresent(vsPrevious, forKey: .vsPrevious)
      try c.encodeIfPresent(vsOtherPlatform, forKey: .vsOtherPlatform)
      try c.encodeIfPresent(weekly, forKey: .weekly)
      try c.encode(segments, forKey: .segments)
    }
  }

  let tool: String
  let version: String
  let command: String
  let kind: String
  let seed: UInt64
  /// The GSL generator of every stream (one per run: common random numbers
  /// need it; ``Scenario/generator``).
  let generator: String
  let replications: Int
  /// The first scenario.
  let baseline: String
  /// The sentences the report opens with (absent for `check`).
  var findings: ReportFindings? = nil
  let groups: [Group]
  let phases: [PhaseResult]
}

extension ResultsDocument.Interval {
  /// `ci` as written: a number that is not finite becomes null.
  init(_ ci: ConfidenceInterval) {
    self.init(mean: ci.mean.finiteOrNil, ci95: [ci.lower.finiteOrNil, ci.upper.finiteOrNil], n: ci.count)
  }
}

extension ResultsDocument.Difference {
  /// A paired difference as written: a number that is not finite becomes null.
  init(_ d: ConfidenceInterval) {
    self.init(diff: d.mean.finiteOrNil, ci95: [d.lower.finiteOrNil, d.upper.finiteOrNil])
  }
}

extension ResultsDocument {
  /// `document` as the reports write JSON: pretty, keys sorted (the same
  /// run gives the same bytes), a final newline.
  static func text(_ document: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // The documents hold only strings, integers, booleans and finite numbers.
    let data = try! encoder.encode(document)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

extension Double {
  /// The value, or `nil` when it is not finite (JSON has no NaN or ∞).
  fileprivate var finiteOrNil: Double? { isFinite ? self : nil }
}

extension RunReport {
  var resultsDocument: ResultsDocument {
    let interval = ResultsDocument.Interval.init(_:)
    let pairs = comparisons
    return ResultsDocument(
      tool: "simrun", version: SimRunVersion.current, command: command, kind: kind.rawValue, seed: seed,
      generator: entries[0].scenario.generator.rawValue, replications: replications, baseline: baseline.id, findings: findings,
      groups: platformGroups.map { group in
        .init(platforms: group.platforms.map(\.rawValue), baseline: entries[group.entries[0]].id,
              phases: group.entries.map { entries[$0].id })
      },
      phases: entries.enumerated().map { index, entry in
        let result = entry.result
        func differences(_ kind: ReportComparison.Kind) -> [String: ResultsDocument.Difference]? {
          guard let pair = pairs.first(where: { $0.entry == index && $0.kind == kind }) else { return nil }
          return Dictionary(uniqueKeysWithValues: Metric.allCases.map { metric in
            (metric.rawValue, ResultsDocument.Difference(difference(pair, metric)))
          })
        }
        return ResultsDocument.PhaseResult(
          id: entry.id, scenario: entry.source, rules: entry.rules.map(\.rawValue),
          schedule: entry.scenario.schedule.map {
            .init(phase: $0.phase.id, from: $0.start?.description, rules: entry.scenario.rules(of: $0.phase).sorted().map(\.rawValue))
          },
          parameters: entry.parameters.isEmpty ? nil : Dictionary(uniqueKeysWithValues: entry.parameters.map { ($0.key, $0.value) }),
          metrics: Dictionary(uniqueKeysWithValues: Metric.allCases.map { ($0.rawValue, interval(result.interval($0))) }),
          platforms: Platform.allCases.filter(entry.scenario.platforms.contains).map(\.rawValue),
          vsBaseline: differences(.baseline), vsPrevious: differences(.step), vsOtherPlatform: differences(.otherPlatform),
          weekly: hasWeeklySeries ? ResultsDocument.WeeklySeries(
            weekStart: result.weekStarts.map(\.description), weekOf: entry.scenario.weeklySeriesBasis.rawValue,
            platforms: Dictionary(uniqueKeysWithValues: result.weeklyPlatforms.map { platform in
              (platform.rawValue, Dictionary(uniqueKeysWithValues: Metric.allCases.map {
                ($0.rawValue, result.weeklyIntervals($0, platform: platform).map(interval))
              }))
            })
          ) : nil,
          segments: Dictionary(uniqueKeysWithValues: ShopSegment.allCases.map { segment in
            let bounds = [0] + ShopSegment.bounds
            return (segment.id, ResultsDocument.Segment(
              title: segment.title, minOrdersPerDay: bounds[segment.rawValue],
              maxOrdersPerDay: segment.rawValue < ShopSegment.bounds.count ? ShopSegment.bounds[segment.rawValue] : nil,
              orderShare: interval(result.orderShare(segment)),
              metrics: Dictionary(uniqueKeysWithValues: Metric.allCases.map {
                ($0.rawValue, interval(result.interval($0, segment: segment)))
              })))
          }))
      })
  }

  /// `results.json`: keys sorted, so the same run gives the same bytes.
  var json: String { ResultsDocument.text(resultsDocument) }
}
