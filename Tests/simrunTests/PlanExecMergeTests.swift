import Foundation
import Testing

@Suite("simrun plan, exec and merge")
struct PlanExecMergeTests {
  static func folder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// results.json without its "command" line.
  static func withoutCommand(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("  \"command\" :") }.joined(separator: "\n")
  }

  @Test("compare, sweep, timeline and explore: plan, exec in two batches, merge give the local command's files (results.json but for the command line)",
        arguments: [
          ["compare", "wechat-baseline", "wechat-2024-04-quota"],
          ["sweep", "wechat-2025-10-virtual-number", "--vary", "contact.official_message_response=0.3,0.7"],
          ["timeline", "--days", "21"],
          ["timeline", "--days", "21", "--week-of", "creation"],
          ["explore", "wechat-2025-10-virtual-number", "--effect-of", "R-W7", "--uncertain",
           "{contact.official_message_response: plausible, merchants.personal_line_share: plausible}", "--samples", "3"],
        ])
  func sameBytes(_ command: [String]) throws {
    let dir = try Self.folder("plan")
    defer { try? FileManager.default.removeItem(at: dir) }
    let arguments = command + ["--replications", "3", "--days", "8", "--set", "orders.orders_per_day=200"]
    let local = try simrun(arguments + ["--out", dir.appendingPathComponent("local").path, "--quiet"])
    #expect(local.status == 0, "\(local.err)")
    let plan = dir.appendingPathComponent("plan").path
    let planned = try simrun(["plan", "--out", plan] + arguments)
    #expect(planned.status == 0, "\(planned.err)")
    let tasks = try String(contentsOfFile: plan + "/tasks.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(tasks.allSatisfy { $0.utf8.count < 1024 }, "a task is a few hundred bytes")
    // Two workers' batches, shuffled, away from the plan's folder: one
    // names the plan's store (--plan), the other carries the store's lines
    // before its tasks, as a batch that travels alone.
    let half = tasks.count / 2
    let store = try String(contentsOfFile: plan + "/store.jsonl", encoding: .utf8)
    for (name, part) in [("b.jsonl", tasks[..<half]), ("a.jsonl", tasks[half...])] {
      let shuffled = part.shuffled().joined(separator: "\n") + "\n"
      try (name == "a.jsonl" ? store + shuffled : shuffled).write(toFile: dir.appendingPathComponent("t-" + name).path, atomically: true, encoding: .utf8)
      let exec = try simrun(["exec", dir.appendingPathComponent("t-" + name).path, "--output", dir.appendingPathComponent(name).path,
                             "--threads", name == "a.jsonl" ? "1" : "2"] + (name == "b.jsonl" ? ["--plan", plan] : []))
      #expect(exec.status == 0, "\(exec.err)")
    }
    let merged = try simrun(["merge", plan, dir.appendingPathComponent("a.jsonl").path, dir.appendingPathComponent("b.jsonl").path,
                             "--out", dir.appendingPathComponent("merged").path, "--quiet"])
    #expect(merged.status == 0, "\(merged.err)")
    #expect(merged.out == local.out, "the same table")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("local").path).sorted()
    #expect(names == (try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("merged").path).sorted()))
    for name in names where name.hasSuffix(".csv") {
      #expect(try Data(contentsOf: dir.appendingPathComponent("local/\(name)")) == Data(contentsOf: dir.appendingPathComponent("merged/\(name)")), "\(name)")
    }
    #expect(try Self.withoutCommand(dir.appendingPathComponent("local/results.json"))
            == Self.withoutCommand(dir.appendingPathComponent("merged/results.json")))
  }

  @Test("merge refuses missing, duplicated and foreign results, and a plan whose scenario file changed, naming them: exit 64, nothing written")
  func refusals() throws {
    let dir = try Self.folder("refuse")
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = try scenarioFile("phases:\n  - phase: wechat-2024-04-quota\ndays: 5\norders:\n  orders_per_day: 100\n")
    let plan = dir.appendingPathComponent("plan").path, other = dir.appendingPathComponent("other").path
    #expect(try simrun(["plan", "--out", plan, "run", scenario, "--replications", "3"]).status == 0)
    #expect(try simrun(["plan", "--out", other, "run", scenario, "--replications", "3", "--seed", "5"]).status == 0)
    let results = dir.appendingPathComponent("r.jsonl").path, foreign = dir.appendingPathComponent("f.jsonl").path
    #expect(try simrun(["exec", plan + "/tasks.jsonl", "--output", results]).status == 0)
    #expect(try simrun(["exec", other + "/tasks.jsonl", "--output", foreign]).status == 0)
    let lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
    let out = dir.appendingPathComponent("out").path
    func merge(_ text: String) throws -> (status: Int32, err: String) {
      let file = dir.appendingPathComponent("m-\(UUID().uuidString).jsonl").path
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      let result = try simrun(["merge", plan, file, "--out", out])
      #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
      return (result.status, result.err.replacingOccurrences(of: file, with: "FILE"))
    }
    let missing = try merge(lines[0] + "\n" + lines[2] + "\n")
    #expect(missing.status == 64 && missing.err.contains("task 1 (scenario, replication 1) has no result"), "\(missing.err)")
    let duplicated = try merge(lines.joined(separator: "\n") + "\n" + lines[1] + "\n")
    #expect(duplicated.status == 64 && duplicated.err.contains("FILE:4: task 1 is duplicated (also at FILE:2)"), "\(duplicated.err)")
    let foreignLine = try String(contentsOfFile: foreign, encoding: .utf8).split(separator: "\n")[0]
    let alien = try merge(lines.joined(separator: "\n") + "\n" + foreignLine + "\n")
    #expect(alien.status == 64 && alien.err.contains("FILE:4: task 0 is foreign"), "\(alien.err)")
    // The complete results merge; after the scenario file changes they do not.
    #expect(try simrun(["merge", plan, results, "--quiet"]).status == 0)
    try "phases:\n  - phase: wechat-2024-04-quota\ndays: 6\norders:\n  orders_per_day: 100\n".write(toFile: scenario, atomically: true, encoding: .utf8)
    let changed = try simrun(["merge", plan, results, "--out", out])
    #expect(changed.status == 64 && changed.err.contains("differ from what"), "\(changed.err)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("exec refuses a task planned by another simrun version, and lines that are not tasks: exit 64, FILE:LINE")
  func execRefusals() throws {
    let dir = try Self.folder("exec")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = dir.appendingPathComponent("plan").path
    #expect(try simrun(["plan", "--out", plan, "run", "wechat-baseline", "--replications", "2", "--days", "3"]).status == 0)
    let tasks = try String(contentsOfFile: plan + "/tasks.jsonl", encoding: .utf8)
    let old = tasks.replacingOccurrences(of: "\"simrun\":\"", with: "\"simrun\":\"0.0.9-")
    let file = dir.appendingPathComponent("old.jsonl").path
    try old.write(toFile: file, atomically: true, encoding: .utf8)
    let output = dir.appendingPathComponent("r.jsonl").path
    let refused = try simrun(["exec", file, "--output", output])
    #expect(refused.status == 64 && refused.err.contains("\(file):1: task 0 was planned by simrun 0.0.9-"), "\(refused.err)")
    try "{\"not\": \"a task\"}\n".write(toFile: file, atomically: true, encoding: .utf8)
    let junk = try simrun(["exec", file, "--output", output])
    #expect(junk.status == 64 && junk.err.contains("\(file):1: not a simrun task"), "\(junk.err)")
    #expect(!FileManager.default.fileExists(atPath: output))
    // Away from its plan's store, a task is refused until the store is named.
    let alone = dir.appendingPathComponent("alone").path
    try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
    try tasks.write(toFile: alone + "/tasks.jsonl", atomically: true, encoding: .utf8)
    let storeless = try simrun(["exec", alone + "/tasks.jsonl", "--output", output])
    #expect(storeless.status == 64 && storeless.err.contains("/tasks.jsonl:1: task 0 needs the stored scenario")
            && storeless.err.contains("--plan"), "\(storeless.err)")
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(try simrun(["exec", alone + "/tasks.jsonl", "--plan", plan, "--output", output]).status == 0)
    // An altered store line is refused, naming it.
    let store = try String(contentsOfFile: plan + "/store.jsonl", encoding: .utf8)
    try store.replacingOccurrences(of: "days: 3", with: "days: 4").write(toFile: alone + "/store.jsonl", atomically: true, encoding: .utf8)
    let altered = try simrun(["exec", alone + "/tasks.jsonl", "--output", output])
    #expect(altered.status == 64 && altered.err.contains("store.jsonl:1: the stored text does not match its checksum"), "\(altered.err)")
    // A plan of the earlier format (every scenario in every task) is refused with what to do.
    let oldTask = #"{"item":0,"maxOrdersInFlight":10,"plan":"ab","replication":0,"scenario":"phases:\n  - phase: wechat-baseline\n","seed":1,"simrun":"0.2.0","task":0,"weeklySeries":false}"#
    try (oldTask + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    let oldFormat = try simrun(["exec", file])
    #expect(oldFormat.status == 64 && oldFormat.err.contains(":1: task 0 is of an earlier plan format") && oldFormat.err.contains("make the plan again"),
            "\(oldFormat.err)")
    let manifest = try String(contentsOfFile: plan + "/manifest.json", encoding: .utf8)
    try manifest.replacingOccurrences(of: "\"version\":2", with: "\"version\":1").write(toFile: alone + "/manifest.json", atomically: true, encoding: .utf8)
    let oldPlan = try simrun(["merge", alone, output])
    #expect(oldPlan.status == 64 && oldPlan.err.contains("a plan of format version 1") && oldPlan.err.contains("make the plan again"), "\(oldPlan.err)")
    let unplannable = try simrun(["plan", "--out", plan, "validate", "Scenarios/timeline-2024-2026.yaml"])
    #expect(unplannable.status == 64 && unplannable.err.contains("'validate' cannot be planned"), "\(unplannable.err)")
  }

  @Test("exec streams: from standard input, the first result is written while later tasks have not yet arrived")
  func streaming() throws {
    let dir = try Self.folder("stream")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = dir.appendingPathComponent("plan").path
    #expect(try simrun(["plan", "--out", plan, "run", "wechat-baseline", "--replications", "3", "--days", "3"]).status == 0)
    let store = try String(contentsOfFile: plan + "/store.jsonl", encoding: .utf8)
    let tasks = try String(contentsOfFile: plan + "/tasks.jsonl", encoding: .utf8).split(separator: "\n")
    let process = Process()
    process.executableURL = simrunBinary
    process.arguments = ["exec", "-", "--threads", "1"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data((store + tasks[0] + "\n").utf8))
    // The first result arrives with standard input still open.
    var first = Data()
    let deadline = Date().addingTimeInterval(60)
    while !first.contains(UInt8(ascii: "\n")) && Date() < deadline {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      first.append(chunk)
    }
    #expect(String(decoding: first, as: UTF8.self).contains("\"task\":0"), "a result before the input ended")
    input.fileHandleForWriting.write(Data((tasks[1...].joined(separator: "\n") + "\n").utf8))
    try input.fileHandleForWriting.close()
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: first + rest, as: UTF8.self).split(separator: "\n").count == 3)
  }
}
