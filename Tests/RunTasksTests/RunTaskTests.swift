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

  @Test("a replication's values encode to the same bytes after decoding, every metric (all orders and each segment) bit for bit, weekly series with their sketches included")
  func resultRoundTrip() throws {
    let full = ScenarioRunner.replicate(try Self.shortScenario(), seed: 7, replication: 1)
    let result = ReplicationValues(full)
    #expect(result.orders > 0 && !result.weeklyByPlatform.isEmpty)
    let bytes = RunTaskDigest.canonicalJSON(result)
    let decoded = try JSONDecoder().decode(ReplicationValues.self, from: bytes)
    #expect(RunTaskDigest.canonicalJSON(decoded) == bytes)
    for metric in Metric.allCases {
      #expect(decoded.value(metric).bitPattern == full.counts.value(metric).bitPattern, "\(metric)")
      for segment in ShopSegment.allCases {
        #expect(decoded.value(metric, segment: segment).bitPattern == full.segments[segment.rawValue].value(metric).bitPattern)
      }
    }
    #expect(decoded.segmentOrders == full.segments.map(\.orders))
    // Values of another length (another simrun's metrics) do not decode.
    let cut = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"values\":[", with: "\"values\":[1,")
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReplicationValues.self, from: Data(cut.utf8)) }
  }

  @Test("a stored document is refused when its text does not match its digest; a task line is not a stored document")
  func storedDocuments() throws {
    let document = RunTaskStoredDocument(type: .scenario, text: "phases:\n  - phase: wechat-baseline\n")
    #expect(try RunTaskStore.document(in: document.line) == document)
    let altered = document.line.replacingOccurrences(of: "wechat-baseline", with: "taobao-11plus4")
    #expect(throws: RunTaskStoreError.self) { try RunTaskStore.document(in: altered) }
    let task = RunTask(task: 0, item: 0, replication: 0, seed: 1, maxOrdersInFlight: 10, simrun: "test", scenario: document.sha256)
    #expect(try RunTaskStore.document(in: String(decoding: RunTaskDigest.canonicalJSON(task), as: UTF8.self)) == nil)
    var store = RunTaskStore()
    #expect(store.insert(document) == store.insert(document) && store.order.count == 1)
  }

  @Test("every shipped phase reads back equal from the complete YAML a plan stores")
  func scenarioRoundTrip() throws {
    for phase in Phase.all {
      let scenario = try ScenarioFile.parse("phases:\n  - phase: \(phase.id)\n", file: "p.yaml").scenario
      let again = try ScenarioFile.parse(ScenarioTemplate.yaml(scenario), file: "t.yaml").scenario
      #expect(again == scenario, "\(phase.id)")
    }
  }

  @Test("merge's checks name a missing, duplicated, foreign, altered, out-of-plan result and one of an edited task")
  func checks() throws {
    let scenario = try Self.shortScenario()
    let tasks = (0..<3).map { RunTask(task: $0, item: 0, replication: $0, seed: 1, maxOrdersInFlight: 1000, simrun: "test", scenario: "…") }
    let store = RunTaskStore()
    let (plan, stamped) = RunTaskPlan.make(simrun: "test", arguments: ["run", "x"], items: ["x"], replications: 3, tasks: tasks, store: store)
    let other = RunTaskPlan.make(simrun: "test", arguments: ["run", "y"], items: ["y"], replications: 3, tasks: tasks, store: store)
    #expect(plan.id != other.plan.id && stamped.allSatisfy { $0.plan == plan.id })
    let result = ReplicationValues(ScenarioRunner.replicate(scenario, seed: 1, replication: 0))
    func line(_ task: RunTask) -> String { RunTaskRecord(task: task, simrun: "test", result: result).line }
    var good = RunTaskResults(plan: plan, tasks: stamped)
    for (n, task) in stamped.enumerated() { #expect(good.accept(line(task), file: "r.jsonl", line: n + 1)?.task == task.task) }
    #expect(good.problems.isEmpty && good.missing.isEmpty)

    var bad = RunTaskResults(plan: plan, tasks: stamped)
    let altered = line(stamped[1]).replacingOccurrences(of: "\"orders\":", with: "\"orders\":1")
    let outside = RunTask(plan: plan.id, task: 9, item: 0, replication: 9, seed: 1, maxOrdersInFlight: 1000, simrun: "test", scenario: "…")
    let edited = RunTask(plan: plan.id, task: 2, item: 0, replication: 2, seed: 7, maxOrdersInFlight: 1000, simrun: "test", scenario: "…")
    let lines = [line(stamped[0]), line(stamped[0]), line(other.tasks[2]), altered, line(outside), "{}", line(edited)]
    for (n, text) in lines.enumerated() { _ = bad.accept(text, file: "r.jsonl", line: n + 1) }
    #expect(bad.problems.count == 6, "\(bad.problems)")
    #expect(bad.problems[0].hasPrefix("r.jsonl:2: task 0 is duplicated (also at r.jsonl:1)"))
    #expect(bad.problems[1].hasPrefix("r.jsonl:3: task 2 is foreign"))
    #expect(bad.problems[2].hasPrefix("r.jsonl:4: ") && bad.problems[2].contains("checksum") || bad.problems[2].contains("not a simrun task result"))
    #expect(bad.problems[3].hasPrefix("r.jsonl:5: task 9 is outside the plan's 3 tasks"))
    #expect(bad.problems[4] == "r.jsonl:6: not a simrun task result (a line of `simrun exec`'s output)")
    #expect(bad.problems[5].hasPrefix("r.jsonl:7: task 2 ran a task that is not the plan's task 2"))
    #expect(bad.missing == ["task 1 (x, replication 1) has no result"])
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
