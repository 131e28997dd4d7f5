import Foundation
import PrivacyModel
import RunTasks
import ScenarioFormat
import SimKernel
import Testing

@Suite("Tasks, task results and their checks")
struct RunTaskTests {
  static func shortScenario() throws -> Scenario {
    var scenario = try ScenarioFile.parse("phases:\n  - phase: wechat-2025-10-virtual-number\ndays: 4\nwarmup_days: 1\norders:\n  orders_per_day: 200\n",
                                          file: "short.yaml").scenario
    scenario.recordsWeeklySeries = true
    return scenario
  }

  @Test("a replication's result encodes to the same bytes after decoding (sketches, segments and weekly series included)")
  func resultRoundTrip() throws {
    let result = ScenarioRunner.replicate(try Self.shortScenario(), seed: 7, replication: 1)
    #expect(result.counts.orders > 0 && !result.weeklyByPlatform.isEmpty)
    let bytes = RunTaskDigest.canonicalJSON(result)
    let decoded = try JSONDecoder().decode(ReplicationResult.self, from: bytes)
    #expect(RunTaskDigest.canonicalJSON(decoded) == bytes)
    for metric in Metric.allCases { #expect(decoded.counts.value(metric).bitPattern == result.counts.value(metric).bitPattern, "\(metric)") }
  }

  @Test("every shipped phase reads back equal from the complete YAML a task carries")
  func scenarioRoundTrip() throws {
    for phase in Phase.all {
      let scenario = try ScenarioFile.parse("phases:\n  - phase: \(phase.id)\n", file: "p.yaml").scenario
      let again = try ScenarioFile.parse(ScenarioTemplate.yaml(scenario), file: "t.yaml").scenario
      #expect(again == scenario, "\(phase.id)")
    }
  }

  @Test("merge's checks name a missing, duplicated, foreign, altered and out-of-plan result")
  func checks() throws {
    let scenario = try Self.shortScenario()
    let tasks = (0..<3).map { RunTask(task: $0, item: 0, replication: $0, seed: 1, maxOrdersInFlight: 1000, simrun: "test", scenario: "…") }
    let (plan, stamped) = RunTaskPlan.make(simrun: "test", arguments: ["run", "x"], items: ["x"], replications: 3, tasks: tasks)
    let other = RunTaskPlan.make(simrun: "test", arguments: ["run", "y"], items: ["y"], replications: 3, tasks: tasks)
    #expect(plan.id != other.plan.id && stamped.allSatisfy { $0.plan == plan.id })
    let result = ScenarioRunner.replicate(scenario, seed: 1, replication: 0)
    func line(_ task: RunTask) -> String { RunTaskRecord(task: task, simrun: "test", result: result).line }
    var good = RunTaskResults(plan: plan)
    good.add(stamped.map(line).joined(separator: "\n"), file: "r.jsonl")
    #expect(good.problems.isEmpty && good.missing.isEmpty)

    var bad = RunTaskResults(plan: plan)
    let altered = line(stamped[1]).replacingOccurrences(of: "\"orders\":", with: "\"orders\":1")
    let outside = RunTask(plan: plan.id, task: 9, item: 0, replication: 9, seed: 1, maxOrdersInFlight: 1000, simrun: "test", scenario: "…")
    bad.add([line(stamped[0]), line(stamped[0]), line(other.tasks[2]), altered, line(outside), "{}"].joined(separator: "\n"), file: "r.jsonl")
    #expect(bad.problems.count == 5, "\(bad.problems)")
    #expect(bad.problems[0].hasPrefix("r.jsonl:2: task 0 is duplicated (also at r.jsonl:1)"))
    #expect(bad.problems[1].hasPrefix("r.jsonl:3: task 2 is foreign"))
    #expect(bad.problems[2].hasPrefix("r.jsonl:4: ") && bad.problems[2].contains("checksum") || bad.problems[2].contains("not a simrun task result"))
    #expect(bad.problems[3].hasPrefix("r.jsonl:5: task 9 is outside the plan's 3 tasks"))
    #expect(bad.problems[4] == "r.jsonl:6: not a simrun task result (a line of `simrun exec`'s output)")
    #expect(bad.missing == ["task 1 (x, replication 1) has no result", "task 2 (x, replication 2) has no result"])
  }
}

@Suite("Quantile sketches as task results")
struct QuantileSketchCodingTests {
  @Test("a sketch decodes to the same quantiles, mean, merge and bytes, with zeros, extremes in shared buckets, and empty")
  func exact() throws {
    var generator = SystemRandomNumberGenerator()
    var cases: [[Int64]] = [[], [0], [5], [1_000_003, 1_000_001], [0, 0, 7, 7_777_777, 900], [3, 3, 3]]
    for _ in 0..<40 { cases.append((0..<Int.random(in: 1...300, using: &generator)).map { _ in Int64.random(in: 0...900_000, using: &generator) }) }
    for values in cases {
      var sketch = QuantileSketch(highestTrackable: 60 * 24 * 400, significantDigits: 3)
      for v in values { sketch.record(v) }
      let bytes = RunTaskDigest.canonicalJSON(sketch)
      let decoded = try JSONDecoder().decode(QuantileSketch.self, from: bytes)
      #expect(RunTaskDigest.canonicalJSON(decoded) == bytes)
      #expect(decoded.count == sketch.count && decoded.clamped == sketch.clamped && decoded.mean.bitPattern == sketch.mean.bitPattern)
      for q in [0, 0.001, 0.1, 0.5, 0.9, 0.99, 0.999, 1] { #expect(decoded.quantile(q) == sketch.quantile(q), "\(values.prefix(5)) q\(q)") }
      var other = QuantileSketch(highestTrackable: 60 * 24 * 400, significantDigits: 3)
      other.record(12_345)
      var a = sketch, b = decoded
      a.merge(other)
      b.merge(other)
      for q in [0, 0.5, 1] { #expect(a.quantile(q) == b.quantile(q)) }
    }
  }
}
