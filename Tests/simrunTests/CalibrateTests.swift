import Foundation
import Testing

/// `simrun calibrate` end to end: a synthetic truth is recovered, the
/// calibrated scenario runs as written, bad targets are refused located.
@Suite("simrun calibrate")
struct CalibrateTests {
  static let targets = repository.appendingPathComponent("examples/calibration/taobao-targets.yaml").path
  static let keys = "{contact.answer_probability: plausible, couriers.warehouse_share: plausible, contact.official_message_response: plausible}"
  static func arguments(_ more: [String] = []) -> [String] {
    ["calibrate", "taobao-700-full", "--targets", targets, "--uncertain", keys, "--points", "20", "--replications", "6",
     "--days", "10", "--set", "orders.orders_per_day=400", "--quiet"] + more
  }

  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-calibrate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test("synthetic truth (answer_probability 0.7, warehouse_share 0.05): warehouse_share is narrowed around 0.05; the other two are said to be unconstrained")
  func recoversTruth() throws {
    let run = try simrun(Self.arguments(["--format", "json"]))
    #expect(run.status == 0, "\(run.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    let keys = try #require(json["keys"] as? [[String: Any]])
    func key(_ path: String) throws -> (range: [Double], constrained: Bool) {
      let k = try #require(keys.first { $0["path"] as? String == path })
      return (try #require(k["calibrated"] as? [Double]), try #require(k["constrained"] as? Bool))
    }
    let warehouse = try key("couriers.warehouse_share")
    #expect(warehouse.constrained)
    #expect(warehouse.range[0] < 0.05 && 0.05 < warehouse.range[1])
    #expect(warehouse.range[1] - warehouse.range[0] < 0.08)
    #expect(try key("contact.answer_probability").range[0] < 0.7 && key("contact.answer_probability").range[1] > 0.7)
    #expect(try !key("contact.answer_probability").constrained)
    #expect(try !key("contact.official_message_response").constrained)
    let findings = try #require((json["findings"] as? [String: Any])?["sentences"] as? [[String: Any]]).compactMap { $0["text"] as? String }
    #expect(findings.first?.contains("rule out") == true)
    #expect(findings.contains { $0.hasPrefix("They narrow couriers.warehouse_share to ") })
    #expect(findings.contains { $0.hasPrefix("They cannot constrain contact.answer_probability and contact.official_message_response") })
    // The sentences quote the table's numbers.
    let table = try simrun(Self.arguments(["--width", "0"]))
    #expect(table.status == 0)
    let range = "\(Self.short(warehouse.range[0]))–\(Self.short(warehouse.range[1]))"
    #expect(table.out.contains("to \(range) (assumed 0–0.1)") && table.out.contains("  \(range)  "))
  }

  static func short(_ x: Double) -> String {
    var t = String(format: "%.4f", x)
    while t.hasSuffix("0") { t.removeLast() }
    return t.hasSuffix(".") ? String(t.dropLast()) : t
  }

  @Test("same seed, same bytes at 1 and 2 threads; calibrated.yaml validates and explore runs on it without edits")
  func deterministicAndUsable() throws {
    let dir = try Self.scratch()
    let one = try simrun(Self.arguments(["--threads", "1", "--out", dir.appendingPathComponent("a").path]))
    let two = try simrun(Self.arguments(["--threads", "2", "--out", dir.appendingPathComponent("b").path]))
    #expect(one.status == 0 && two.status == 0)
    for file in ["points.csv", "runs.csv", "keys.csv", "calibrated.yaml", "summary.md"] {
      // The command line (its --threads and --out) is the one difference.
      func read(_ run: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent("\(run)/\(file)"), encoding: .utf8)
          .split(separator: "\n").filter { !$0.hasPrefix("Command: ") }.joined(separator: "\n")
      }
      let a = try read("a"), b = try read("b")
      #expect(a == b, "\(file)")
    }
    let calibrated = dir.appendingPathComponent("a/calibrated.yaml").path
    let text = try String(contentsOfFile: calibrated, encoding: .utf8)
    #expect(text.contains("uncertain:\n  contact.answer_probability: {uniform:"))
    #expect(try simrun("validate", calibrated).status == 0)
    let explore = try simrun("explore", calibrated, "--method", "uncertainty", "--samples", "4", "--replications", "2",
                             "--days", "5", "--set", "orders.orders_per_day=200", "--quiet", "--format", "json")
    #expect(explore.status == 0, "\(explore.err)")
    #expect(explore.out.contains("couriers.warehouse_share"))
  }

  @Test("bad targets: each problem at FILE:LINE:COL with its key path, exit 64, nothing written")
  func refusesBadTargets() throws {
    let dir = try Self.scratch()
    let file = dir.appendingPathComponent("t.yaml")
    let cases: [(String, String)] = [
      ("targets:\n  - metric: courier_reach_per_attemp\n    observed: 0.5\n    sd: 0.01\n    source: x\n",
       "t.yaml:2:13: targets[0].metric: unknown metric 'courier_reach_per_attemp'; did you mean 'courier_reach_per_attempt'?"),
      ("targets:\n  - metric: courier_reach_per_attempt\n    observed: 1.5\n    sd: 0.01\n    source: x\n",
       "t.yaml:3:15: targets[0].observed: expected a share from 0 to 1, found '1.5'"),
      ("targets:\n  - metric: courier_reach_per_attempt\n    observed: 0.5\n    sd: 0.01\n", "targets[0].source: missing"),
      ("targets:\n  - metric: courier_reach_per_attempt\n    observed: 0.5\n    sd: 0.01\n    interval: [0.4, 0.6]\n    source: x\n",
       "t.yaml:5:15: targets[0].interval: give the observation's uncertainty once"),
      ("targets:\n  - metric: courier_reach_per_attempt\n    observed: 0.5\n    interval: [0.6, 0.7]\n    source: x\n",
       "does not contain the observed value 0.5"),
      ("targets:\n  - metric: courier_reach_per_attempt\n    observed: 0.5\n    sd: 0.01\n    source: x\n    weight: 2\n",
       "t.yaml:6:5: targets[0].weight: unknown key 'weight'"),
      ("target:\n  - metric: courier_reach_per_attempt\n", "t.yaml:1:1: target: unknown key 'target'; did you mean 'targets'?"),
      ("targets:\n  - metric: courier_reach_per_attempt\n    observed: 0.5\n    sd: 0.01\n    source: x\n    scenario: wechat-baseline\n",
       "t.yaml:2:5: targets[0].scenario: 'wechat-baseline' is not one of the command's scenarios (taobao-700-full)"),
      ("targets: [\n", "t.yaml:2:1: (file): YAML syntax"),
    ]
    for (text, message) in cases {
      try text.write(to: file, atomically: true, encoding: .utf8)
      let out = dir.appendingPathComponent("out")
      let run = try simrun(["calibrate", "taobao-700-full", "--targets", "t.yaml", "--uncertain", "{couriers.warehouse_share: plausible}",
                            "--points", "8", "--replications", "2", "--days", "3", "--out", out.path, "--quiet"], in: dir)
      #expect(run.status == 64, "\(text)")
      #expect(run.err.contains(message), "\(run.err)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
  }
}

@Suite("simrun calibrate, planned a wave at a time")
struct CalibrateWavesTests {
  @Test("plan → exec → plan again, wave by wave, then merge: the same report as the local run; merge refuses a wave without results")
  func waveByWave() throws {
    let dir = try CalibrateTests.scratch()
    let command = ["calibrate", "taobao-700-full", "--targets", CalibrateTests.targets, "--uncertain",
                   "{contact.answer_probability: plausible, couriers.warehouse_share: plausible}", "--points", "10",
                   "--replications", "3", "--waves", "2", "--all-waves", "--days", "6", "--set", "orders.orders_per_day=300"]
    let plan = dir.appendingPathComponent("cal").path
    for wave in 1...2 {
      let planned = try simrun(["plan", "--out", plan] + command)
      #expect(planned.status == 0, "\(planned.err)")
      #expect(planned.err.contains("wave-\(wave)/tasks.jsonl"))
      if wave == 1 {
        // A wave without results cannot be merged.
        let early = try simrun("merge", plan, "--quiet")
        #expect(early.status == 64 && early.err.contains("wave-1: this stage has no results yet"))
      }
      let tasks = "\(plan)/wave-\(wave)/tasks.jsonl"
      #expect(try simrun("exec", tasks, "--output", "\(plan)/wave-\(wave)/results.jsonl").status == 0)
    }
    let done = try simrun(["plan", "--out", plan] + command)
    #expect(done.status == 0 && done.err.contains("every wave (2) has its results"))
    let merged = try simrun(["merge", plan, "--format", "json", "--quiet"])
    let local = try simrun(command + ["--format", "json", "--quiet"])
    #expect(merged.status == 0 && local.status == 0)
    func withoutCommand(_ json: String) -> String { json.split(separator: "\n").filter { !$0.contains("\"command\"") }.joined(separator: "\n") }
    #expect(withoutCommand(merged.out) == withoutCommand(local.out))
    #expect(merged.out.contains("# run as a plan a wave and merged"))
  }
}

@Suite("simrun calibrate, targets observed in a timeline window")
struct CalibrateWindowTests {
  @Test("a window target pools the timeline's whole weeks of one platform; a window without a whole week, or a platform without a window, is refused located")
  func windows() throws {
    let dir = try CalibrateTests.scratch()
    let file = dir.appendingPathComponent("t.yaml")
    func run(_ target: String, _ more: [String] = []) throws -> (status: Int32, out: String, err: String) {
      try ("targets:\n  - metric: courier_reach_per_attempt\n    scenario: timeline-2024-2026\n" + target
           + "    observed: 0.47\n    sd: 0.01\n    source: test\n").write(to: file, atomically: true, encoding: .utf8)
      return try simrun(["calibrate", repository.appendingPathComponent("Scenarios/timeline-2024-2026.yaml").path, "--targets", file.path,
                         "--uncertain", "{couriers.warehouse_share: plausible}", "--points", "8", "--replications", "2",
                         "--set", "orders.orders_per_day=100", "--quiet"] + more)
    }
    let ok = try run("    window: [2026-02-01, 2026-03-31]\n    platform: taobao\n", ["--out", dir.appendingPathComponent("out").path, "--width", "0"])
    #expect(ok.status == 0, "\(ok.err)")
    #expect(ok.out.contains("in timeline-2024-2026, 2026-02-01–2026-03-31, Taobao: observed 0.47"))
    let runs = try String(contentsOf: dir.appendingPathComponent("out/runs.csv"), encoding: .utf8).split(separator: "\n")
    #expect(runs.first?.hasSuffix("courier_reach_per_attempt in timeline-2024-2026, 2026-02-01–2026-03-31, Taobao\"") == true)
    let values = runs.dropFirst().compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
    #expect(values.count == 8 && values.allSatisfy { $0 > 0.2 && $0 < 1 })
    let narrow = try run("    window: [2026-02-03, 2026-02-07]\n")
    #expect(narrow.status == 64 && narrow.err.contains("t.yaml:2:5: targets[0].window: the window holds no whole week"))
    try ("targets:\n  - metric: courier_reach_per_attempt\n    platform: taobao\n    observed: 0.47\n    sd: 0.01\n    source: test\n")
      .write(to: file, atomically: true, encoding: .utf8)
    let platform = try simrun("calibrate", "taobao-700-full", "--targets", file.path, "--uncertain", "{couriers.warehouse_share: plausible}", "--quiet")
    #expect(platform.status == 64 && platform.err.contains("t.yaml:3:15: targets[0].platform: a platform is chosen within a window"))
  }
}

@Suite("simrun calibrate, targets no point reproduces")
struct CalibrateEmptyTests {
  @Test("an unreachable target: the findings say no combination reproduces it and by how much the closest misses; no calibrated.yaml")
  func empty() throws {
    let dir = try CalibrateTests.scratch()
    let file = dir.appendingPathComponent("t.yaml")
    try "targets:\n  - metric: courier_reach_per_attempt\n    observed: 0.99\n    sd: 0.001\n    discrepancy: 0\n    source: unreachable on purpose\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let run = try simrun("calibrate", "taobao-700-full", "--targets", file.path, "--uncertain", "{couriers.warehouse_share: plausible}",
                         "--points", "8", "--replications", "2", "--days", "6", "--set", "orders.orders_per_day=300", "--quiet",
                         "--width", "0", "--out", out.path)
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("No combination of the assumed ranges of the 1 uncertain key reproduces every observed figure"))
    #expect(run.out.contains("standard deviations from courier_reach_per_attempt"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("points.csv").path))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("calibrated.yaml").path))
  }
}
