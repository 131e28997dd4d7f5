import Foundation
import Testing

/// The repository's root, from this file's path.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Writes `text` to a fresh temporary `.yaml` file.
func scenarioFile(_ text: String, name: String = "scenario") throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  let url = dir.appendingPathComponent("\(name).yaml")
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url.path
}

let phaseIDs = ["wechat-baseline", "wechat-2024-04-quota", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number",
                "wechat-2026-01-aftersale-vn", "taobao-11plus4", "taobao-700-gray", "taobao-700-full"]

@Suite("Scenario files")
struct ScenarioFileTests {
  @Test("Scenarios/ holds one file per phase plus the timeline, each exactly what `simrun template` writes now",
        arguments: phaseIDs + ["timeline"])
  func committedFilesMatchDefaults(id: String) throws {
    let name = id == "timeline" ? "timeline-2024-2026" : id
    let committed = try String(contentsOf: repository.appendingPathComponent("Scenarios/\(name).yaml"), encoding: .utf8)
    let generated = try simrun("template", id)
    #expect(generated.status == 0)
    #expect(committed == generated.out, "regenerate with: simrun template \(id) > Scenarios/\(name).yaml")
    let check = try simrun("validate", repository.appendingPathComponent("Scenarios/\(name).yaml").path)
    #expect(check.status == 0, "\(check.err)")
  }

  @Test("a scenario file runs exactly like the built-in phase it was written from; edited, it is named after its file")
  func fileEqualsBuiltIn() throws {
    var text = try simrun("template", "taobao-700-gray").out
    text = text.replacingOccurrences(of: "days: 60\n", with: "days: 14\n")
      .replacingOccurrences(of: "warmup_days: 20 ", with: "warmup_days: 4 ")
      .replacingOccurrences(of: "orders_per_day: 5000 ", with: "orders_per_day: 300 ")
    let file = try scenarioFile(text, name: "short-gray")
    let fromFile = try simrun("compare", file, "--replications", "2", "--format", "csv")
    let builtIn = try simrun("compare", "taobao-700-gray", "--replications", "2", "--days", "14", "--set", "orders.orders_per_day=300",
                             "--format", "csv")
    #expect(text.contains("orders_per_day: 300 "))
    #expect(fromFile.status == 0, "\(fromFile.err)")
    // The file still says `name: taobao-700-gray`, but it is no longer that
    // phase: reports call it by its file's name.
    #expect(fromFile.out.contains("\nshort-gray,courier_reach_per_attempt,0,"))
    #expect(fromFile.out.replacingOccurrences(of: "\nshort-gray,", with: "\ntaobao-700-gray,") == builtIn.out)
    // Unedited, a template keeps the phase's name.
    let copy = try scenarioFile(try simrun("template", "taobao-700-gray").out, name: "copy")
    let same = try simrun("run", copy, "--replications", "2", "--days", "3", "--format", "csv")
    #expect(same.out.contains("\ntaobao-700-gray,courier_reach_per_attempt,0,"), "\(same.out.prefix(200))")
    // The same edit made with --set is not an edited copy.
    let overridden = try simrun("run", copy, "--replications", "2", "--days", "3", "--set", "orders.orders_per_day=300", "--format", "csv")
    #expect(overridden.out.contains("\ntaobao-700-gray,courier_reach_per_attempt,0,"))
  }

  func expectInvalid(_ yaml: String, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = try scenarioFile(yaml)
    let r = try simrun("validate", file)
    #expect(r.status == 64, sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(r.err.contains(fragment), "missing «\(fragment)» in:\n\(r.err)", sourceLocation: sourceLocation)
    }
  }

  @Test("YAML syntax errors name the file, line and column")
  func syntax() throws {
    try expectInvalid("phases:\n  - {phase: wechat-baseline\ndays: 3\n", [".yaml:", "YAML syntax"])
  }

  @Test("unknown keys are errors, with a suggestion")
  func unknownKey() throws {
    try expectInvalid("phases:\n  - {phase: wechat-baseline}\norders:\n  orders_per_dya: 5\n",
                      [".yaml:4:3: orders.orders_per_dya: unknown key 'orders_per_dya'; did you mean 'orders_per_day'?"])
  }

  @Test("wrong types, probabilities outside [0, 1] and negative durations are errors, all reported together")
  func valuesAndRanges() throws {
    try expectInvalid("""
      phases:
        - {phase: wechat-baseline}
      days: many
      merchants:
        e_waybill_share: 1.5
      contact:
        merchant_retry_hours: -2
        marketing_delay_hours: {lognormal: {mean: 0, cv: 1}}
      """, [
        ":3:7: days: expected a whole number from 1 to 36500, found 'many'",
        ":5:20: merchants.e_waybill_share: expected a probability between 0 and 1, found 1.5",
        ":7:25: contact.merchant_retry_hours: expected a number from 0 to 87600, found -2",
        "contact.marketing_delay_hours.lognormal.mean: expected a number > 0",
      ])
  }

  @Test("unknown phases, an end before the start and impossible G-group limits are errors")
  func semantics() throws {
    try expectInvalid("phases:\n  - {phase: wechat-2025-10-virtual-numbr}\n",
                      ["phases[0].phase: expected a phase id", "did you mean 'wechat-2025-10-virtual-number'?"])
    try expectInvalid("phases:\n  - {phase: taobao-700-full}\ndays: 10\nwarmup_days: 10\n",
                      ["warmup_days: expected fewer warm-up days than `days` (10), found 10"])
    try expectInvalid("phases:\n  - {phase: taobao-700-full}\ng_group:\n  shop_level_limit: 90\n",
                      ["g_group.shop_level_limit: expected at most order_limit (80), found 90"])
    try expectInvalid("phases:\n  - {phase: taobao-700-full}\nstart: 2026-02-30\n", ["start: expected a date YYYY-MM-DD, found '2026-02-30'"])
    try expectInvalid("phases:\n  - {phase: taobao-700-full}\nstart: 2026-04-01\nend: 2026-03-01\n",
                      [":4:6: end: expected a date after start (2026-04-01), found 2026-03-01"])
    try expectInvalid("phases:\n  - {phase: taobao-700-full}\nend: 2026-09-01\ndays: 30\n", ["end: expected either `end` or `days`, found both"])
  }

  @Test("compare checks every file before running anything")
  func compareRefusesInvalidFiles() throws {
    let good = try scenarioFile("phases:\n  - {phase: wechat-baseline}\ndays: 7\n", name: "good")
    let bad = try scenarioFile("phases:\n  - {phase: wechat-baseline}\nmerchants:\n  count: 0\n", name: "bad")
    let r = try simrun("compare", good, bad, "--replications", "2")
    #expect(r.status == 64)
    #expect(r.err.contains("bad.yaml:4:10: merchants.count: expected a whole number from 1 to 1000000, found '0'"))
    #expect(r.out.isEmpty, "nothing ran, nothing printed")
  }
}

@Suite("CI benchmark scenarios")
struct CheckScenarioTests {
  @Test("every file in Scenarios/checks is valid and carries expect: thresholds")
  func checkFilesAreValid() throws {
    let folder = repository.appendingPathComponent("Scenarios/checks")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(files.count >= 2)
    for file in files {
      let r = try simrun("validate", folder.appendingPathComponent(file).path)
      #expect(r.status == 0, "\(file): \(r.err)")
      #expect(r.out.contains("expectations"), "\(file) has no expect: list")
    }
  }
}
