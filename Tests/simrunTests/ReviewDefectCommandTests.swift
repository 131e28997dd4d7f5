import Foundation
import Testing

/// Defects an independent review found in plan/exec/merge and the command
/// line (issue 19); each test failed before its fix.
@Suite("Review defects: distributed runs and refusals")
struct ReviewDefectCommandTests {
  /// A plan of `run` (two scenarios' worth of tasks: compare) executed once.
  func planned(_ dir: URL) throws -> (plan: String, results: String, lines: [Substring]) {
    let plan = dir.appendingPathComponent("plan").path
    let made = try simrun(["plan", "--out", plan, "compare", "wechat-2024-04-quota", "taobao-11plus4",
                           "--replications", "2", "--days", "5", "--set", "orders.orders_per_day=100"])
    #expect(made.status == 0, "\(made.err)")
    let results = dir.appendingPathComponent("r.jsonl").path
    #expect(try simrun(["exec", plan + "/tasks.jsonl", "--output", results]).status == 0)
    return (plan, results, try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n"))
  }

  func merge(_ plan: String, _ text: String, in dir: URL) throws -> (status: Int32, err: String, wrote: Bool) {
    let file = dir.appendingPathComponent("m-\(UUID().uuidString).jsonl").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out-\(UUID().uuidString)").path
    let result = try simrun(["merge", plan, file, "--out", out, "--quiet"])
    return (result.status, result.err.replacingOccurrences(of: file, with: "FILE"), FileManager.default.fileExists(atPath: out))
  }

  @Test("merge refuses a result relabelled with another plan's id, two results with swapped task indices, and a result of a task edited after planning: exit 64, FILE:LINE, nothing written")
  func relabelledResults() throws {
    let dir = try PlanExecMergeTests.folder("relabel")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (plan, _, lines) = try planned(dir)
    let id = try #require(lines[0].firstMatch(of: /"plan":"([0-9a-f]+)"/)).1
    // Another plan's result, its plan field rewritten to this plan's.
    let other = dir.appendingPathComponent("other").path
    #expect(try simrun(["plan", "--out", other, "compare", "wechat-2024-04-quota", "taobao-11plus4", "--replications", "2",
                        "--days", "5", "--set", "orders.orders_per_day=100", "--seed", "9"]).status == 0)
    let otherResults = dir.appendingPathComponent("o.jsonl").path
    #expect(try simrun(["exec", other + "/tasks.jsonl", "--output", otherResults]).status == 0)
    let foreign = try String(contentsOfFile: otherResults, encoding: .utf8).split(separator: "\n")[0]
    let otherID = try #require(foreign.firstMatch(of: /"plan":"([0-9a-f]+)"/)).1
    let relabelled = foreign.replacingOccurrences(of: String(otherID), with: String(id))
    let a = try merge(plan, ([relabelled] + lines[1...].map(String.init)).joined(separator: "\n") + "\n", in: dir)
    #expect(a.status == 64 && a.err.contains("FILE:1: task 0: the checksum does not match"), "\(a.err)")
    #expect(!a.wrote)
    // Tasks 0 (WeChat) and 2 (Taobao) swap their indices.
    let swapped = lines.enumerated().map { i, line -> String in
      switch i {
      case 0: line.replacingOccurrences(of: "\"task\":0,", with: "\"task\":2,")
      case 2: line.replacingOccurrences(of: "\"task\":2,", with: "\"task\":0,")
      default: String(line)
      }
    }
    let b = try merge(plan, swapped.joined(separator: "\n") + "\n", in: dir)
    #expect(b.status == 64 && b.err.contains("FILE:1: task 2: the checksum does not match")
            && b.err.contains("FILE:3: task 0: the checksum does not match"), "\(b.err)")
    #expect(!b.wrote)
    // A task edited in tasks.jsonl after planning, then executed.
    let tasks = try String(contentsOfFile: plan + "/tasks.jsonl", encoding: .utf8).split(separator: "\n")
    let edited = tasks[1].replacingOccurrences(of: "\"seed\":20240408", with: "\"seed\":7")
    #expect(edited != tasks[1])
    let editedFile = dir.appendingPathComponent("edited.jsonl").path
    try (edited + "\n").write(toFile: editedFile, atomically: true, encoding: .utf8)
    let editedResults = dir.appendingPathComponent("e.jsonl").path
    #expect(try simrun(["exec", editedFile, "--plan", plan, "--output", editedResults]).status == 0)
    let editedLine = try String(contentsOfFile: editedResults, encoding: .utf8).split(separator: "\n")[0]
    let c = try merge(plan, ([String(lines[0]), String(editedLine)] + lines[2...].map(String.init)).joined(separator: "\n") + "\n", in: dir)
    #expect(c.status == 64 && c.err.contains("FILE:2: task 1 ran a task that is not the plan's task 1"), "\(c.err)")
    #expect(!c.wrote)
    // The untouched results still merge, and the report names the planned command and the plan.
    let out = dir.appendingPathComponent("merged").path
    let ok = try simrun(["merge", plan, dir.appendingPathComponent("r.jsonl").path, "--out", out, "--quiet"])
    #expect(ok.status == 0, "\(ok.err)")
    let json = try String(contentsOfFile: out + "/results.json", encoding: .utf8)
    #expect(json.contains("simrun compare wechat-2024-04-quota taobao-11plus4 --replications 2 --days 5 --set orders.orders_per_day=100   # run as plan \(id.prefix(12)) and merged"), "\(json.prefix(400))")
    #expect(!json.contains(dir.path), "the report does not name the plan folder")
  }

  @Test("exec: an empty batch (empty file, empty stdin, blank lines) is valid: exit 0, no output; a line over the limit and a folder are refused with the reason; --output's folder is checked before any task runs")
  func execInputs() throws {
    let dir = try PlanExecMergeTests.folder("exec-input")
    defer { try? FileManager.default.removeItem(at: dir) }
    let empty = dir.appendingPathComponent("empty.jsonl").path
    try "".write(toFile: empty, atomically: true, encoding: .utf8)
    let blank = dir.appendingPathComponent("blank.jsonl").path
    try "\n  \n\n".write(toFile: blank, atomically: true, encoding: .utf8)
    for file in [empty, blank, "/dev/null"] {
      let r = try simrun(["exec", file])
      #expect(r.status == 0 && r.out.isEmpty && r.err.isEmpty, "\(file): \(r.status) \(r.err)")
    }
    let output = dir.appendingPathComponent("none.jsonl").path
    #expect(try simrun(["exec", empty, "--output", output]).status == 0)
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "")
    let long = dir.appendingPathComponent("long.jsonl").path
    try ("\n" + String(repeating: "x", count: (16 << 20) + 10)).write(toFile: long, atomically: true, encoding: .utf8)
    let refused = try simrun(["exec", long])
    #expect(refused.status == 64 && refused.err.contains("\(long):2: line longer than 16777216 bytes"), "\(refused.err)")
    let folder = try simrun(["exec", dir.path])
    #expect(folder.status == 64 && folder.err.contains("it is a folder, not a file"), "\(folder.err)")
    let missing = try simrun(["exec", dir.appendingPathComponent("nope").path])
    #expect(missing.status == 64 && missing.err.contains("No such file or directory"), "\(missing.err)")
    // A plan's tasks with an unwritable --output: refused before running (no result file, at once).
    let plan = dir.appendingPathComponent("plan").path
    #expect(try simrun(["plan", "--out", plan, "run", "wechat-baseline", "--replications", "2", "--days", "3"]).status == 0)
    let blocked = dir.appendingPathComponent("file").path
    try "x".write(toFile: blocked, atomically: true, encoding: .utf8)
    let early = try simrun(["exec", plan + "/tasks.jsonl", "--output", blocked + "/r.jsonl"])
    #expect(early.status == 74 && early.err.contains("is a file, not a folder"), "\(early.err)")
  }

  @Test("exec and merge read tasks and results from a FIFO (how people pipe), as from a file")
  func fifo() throws {
    let dir = try PlanExecMergeTests.folder("fifo")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = dir.appendingPathComponent("plan").path
    #expect(try simrun(["plan", "--out", plan, "run", "wechat-baseline", "--replications", "2", "--days", "3"]).status == 0)
    let fifo = dir.appendingPathComponent("tasks.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let tasks = try Data(contentsOf: URL(fileURLWithPath: plan + "/tasks.jsonl"))
    let writer = Thread {
      if let handle = FileHandle(forWritingAtPath: fifo) {
        handle.write(tasks)
        try? handle.close()
      }
    }
    writer.start()
    let r = try simrun(["exec", fifo, "--plan", plan])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.split(separator: "\n").count == 2)
  }

  @Test("--set disabled_rules=[R-W8] where R-W8 is not in force is refused like attribute --rules R-W8: exit 64, naming the rule and the phase")
  func disabledRuleNotInForce() throws {
    let set = try simrun(["run", "wechat-2025-10-virtual-number", "--set", "disabled_rules=[R-W8]", "--days", "3"])
    #expect(set.status == 64 && set.err.contains("R-W8 is not in force there (it arrives with wechat-2026-01-aftersale-vn)")
            && set.err.contains("wechat-2025-10-virtual-number"), "\(set.err)")
    let attribute = try simrun(["attribute", "wechat-2025-10-virtual-number", "--rules", "R-W8", "--days", "3"])
    #expect(attribute.status == 64 && attribute.err.contains("R-W8 is not in force in wechat-2025-10-virtual-number"), "\(attribute.err)")
    let file = try scenarioFile("phases:\n  - phase: taobao-700-full\ndisabled_rules: [R-W7]\n")
    let validate = try simrun(["validate", file])
    #expect(validate.status == 64 && validate.err.contains(":3:18: disabled_rules[0]:") && validate.err.contains("R-W7 is not in force"),
            "\(validate.err)")
    #expect(try simrun(["run", "wechat-2026-01-aftersale-vn", "--set", "disabled_rules=[R-W8]", "--days", "3", "--replications", "2"]).status == 0)
  }

  @Test("uncertainty runs print the replication-noise share beside every spread and warn in words above a third; an outcome that never varies says so and gets no chart")
  func noiseShare() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("noise-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try simrun(["explore", "wechat-2025-10-virtual-number", "--method", "uncertainty", "--uncertain", "{contact.answer_probability: plausible}",
                        "--samples", "6", "--replications", "2", "--metrics", "merchant_contact_fulfilment,courier_reach_per_attempt,calls_blocked_unregistered",
                        "--days", "6", "--set", "orders.orders_per_day=200", "--quiet", "--out", out.path], environment: ["COLUMNS": "80"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("noise share"), "\(r.out)")
    // (Read with the terminal's line breaks as spaces.)
    let flat = r.out.replacingOccurrences(of: "\n", with: " ")
    #expect(flat.contains("(calls_blocked_unregistered): does not vary (0.000 at every point)"), "\(r.out)")
    // Courier reach does not depend on the merchants' answer probability: its spread is all noise.
    #expect(flat.contains("Caution: 100% of this spread is replication noise"), "\(r.out)")
    let md = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(md.contains("noise share") && md.contains("Caution:"))
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("replication noise") && html.contains("Not charted, the same at every point:") && html.contains("calls_blocked_unregistered (0.000)"))
    #expect(r.out.contains("keys varied (1): contact.answer_probability 0.5–0.9"), "\(r.out)")
  }

  @Test("messages escape control characters of unknown phases and --set keys; validate refuses what explore refuses (uncertain: {}); explore --help says what explore writes and analyses")
  func messages() throws {
    let phase = try simrun(["run", "wechat\u{1b}[31mX"])
    #expect(phase.status == 64 && !phase.err.contains("\u{1b}") && phase.err.contains("\\u{1b}"), "\(phase.err)")
    let key = try simrun(["run", "wechat-baseline", "--set", "foo\u{1b}[31m=1"])
    #expect(key.status == 64 && !key.err.contains("\u{1b}"), "\(key.err)")
    for section in ["uncertain: {}\n", "uncertain:\n  orders.handling_time_hours: {uniform: {lower: 0, upper: 2}}\n"] {
      let file = try scenarioFile("phases:\n  - phase: taobao-700-full\n" + section)
      let validate = try simrun(["validate", file])
      let explore = try simrun(["explore", file, "--samples", "2", "--days", "3", "--quiet"])
      #expect(validate.status == 64 && explore.status == 64, "\(section): validate \(validate.status), explore \(explore.status)")
      #expect(validate.err.contains("\(file):") && explore.err.contains("\(file):"), "\(validate.err) / \(explore.err)")
    }
    let help = try simrun(["explore", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(help.contains("points.csv, indices.csv, results.json, summary.md and report.html"))
    #expect(!help.contains("segments.csv") && !help.contains("--by-segment"))
    #expect(help.contains("headline (the default"))
  }
}
