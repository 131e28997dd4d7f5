import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("simrun run, timeline, sweep, check")
struct CommandTests {
  @Test("run reports one scenario; --format markdown prints the summary")
  func run() throws {
    let r = try simrun(["run", "taobao-700-full", "--format", "markdown"] + quick)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("# simrun run: taobao-700-full"))
    #expect(r.out.contains("| Calls blocked: caller not registered (`calls_blocked_unregistered`) |"))
    #expect(!r.out.contains("Paired differences"), "one scenario, no differences")
  }

  @Test("timeline: one simulation with phase switches and weekly series in JSON, weekly.csv and the HTML chart")
  func timeline() throws {
    let file = try scenarioFile("""
      name: short-timeline
      phases:
        - {phase: wechat-baseline}
        - {phase: wechat-2024-04-quota, from: 2024-04-08}
      start: 2024-03-01
      end: 2024-05-10
      warmup_days: 7
      orders:
        orders_per_day: 300
      merchants:
        count: 40
      """)
    let out = try temporaryFolder()
    let r = try simrun(["timeline", file, "--replications", "2", "--format", "json", "--out", out.path])
    #expect(r.status == 0, "\(r.err)")
    let doc = try jsonObject(r.out)
    #expect(doc["kind"] as? String == "timeline")
    let phase = try #require((doc["phases"] as? [[String: Any]])?.first)
    let weekly = try #require(phase["weekly"] as? [String: Any])
    #expect(weekly["week_of"] as? String == "event", "each event counts in the week it happens unless --week-of creation")
    let starts = try #require(weekly["week_start"] as? [String])
    #expect(starts.count == 9 && starts.first == "2024-03-08" && starts[1] == "2024-03-15")
    let platforms = try #require(weekly["platforms"] as? [String: [String: [[String: Any]]]])
    #expect(Set(platforms.keys) == ["wechat-shop"], "a series per platform the scenario runs")
    let series = try #require(platforms["wechat-shop"])
    #expect(Set(series.keys) == Set(metricNames))
    let exposures = try #require(series["real_number_exposures_per_1000"]?.map { $0["mean"] as! Double })
    #expect(exposures.count == 9)
    // Orders created before the 2024-04-08 switch are decrypted freely; after it, only with an e-waybill and quota.
    #expect(exposures[0] > 2 * exposures[7], "exposure falls once R-D1/R-D2 switch on: \(exposures)")
    let csv = try String(contentsOf: out.appendingPathComponent("weekly.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("phase,platform,week_start,metric,replication,value\n"))
    #expect(csv.split(separator: "\n").count == 1 + 9 * metricNames.count * 2)
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("class=\"switch wechat\""), "phase switches marked on the weekly charts")
    #expect(html.contains("wechat-2024-04-quota from 2024-04-08"))
    #expect(html.contains("by week of the event (a rule's effect cannot show before its switch)"))
    let byCreation = try simrun(["timeline", file, "--replications", "2", "--week-of", "creation", "--format", "json"])
    let creationWeekly = try #require((try jsonObject(byCreation.out)["phases"] as? [[String: Any]])?.first?["weekly"] as? [String: Any])
    #expect(creationWeekly["week_of"] as? String == "creation")
    let table = try simrun(["timeline", file, "--replications", "2"])
    #expect(table.out.contains("2024-04 *"), "the month of the switch is marked")
  }

  @Test("sweep: a metric-by-value table, values checked like the file, commas inside braces kept")
  func sweep() throws {
    let r = try simrun(["sweep", "wechat-2024-04-quota", "--vary", "merchants.daily_base_quota=2,200", "--format", "json"] + quick)
    #expect(r.status == 0, "\(r.err)")
    let phases = try #require(try jsonObject(r.out)["phases"] as? [[String: Any]])
    #expect(phases.map { $0["id"] as? String } == ["daily_base_quota=2", "daily_base_quota=200"])
    #expect((phases[0]["parameters"] as? [String: String]) == ["merchants.daily_base_quota": "2"])
    func denied(_ p: [String: Any]) -> Double { ((p["metrics"] as! [String: [String: Any]])["decrypt_denied_quota"]!["mean"] as! Double) }
    #expect(denied(phases[0]) > denied(phases[1]), "a smaller quota refuses more decrypts")
    let grid = try simrun(["sweep", "wechat-baseline", "--vary", "orders.handling_time_hours={exponential: {mean: 6}},{constant: 30}",
                           "--vary", "contact.answer_probability=0.5,0.9", "--width", "0"] + quick)
    #expect(grid.status == 0, "\(grid.err)")
    #expect(grid.out.contains("handling_time_hours={constant: 30} answer_probability=0.9"))
    let bad = try simrun(["sweep", "wechat-baseline", "--vary", "contact.answer_probability=0.5,1.5"] + quick)
    #expect(bad.status == 64)
    #expect(bad.err.contains("--vary contact.answer_probability=1.5: contact.answer_probability: expected a probability between 0 and 1, found 1.5"), "\(bad.err)")
    #expect(try simrun("sweep", "wechat-baseline").status == 64, "--vary is required")
  }

  func checkFile(_ expectations: [String]) throws -> String {
    try scenarioFile("""
      name: ci-gate
      phases:
        - {phase: taobao-700-full}
      days: 14
      orders:
        orders_per_day: 300
      merchants:
        count: 40
      expect:
      \(expectations.map { "  - \($0)" }.joined(separator: "\n"))
      """)
  }

  @Test("check: thresholds that hold exit 0; a failing one exits 3 and is a JUnit failure")
  func check() throws {
    let passing = try checkFile(["courier_reach_per_attempt >= 0.2", "real_number_exposures_per_1000 <= 1", "suspensions<1000"])
    let ok = try simrun("check", passing, "--replications", "2")
    #expect(ok.status == 0, "\(ok.out)\(ok.err)")
    #expect(ok.out.contains("PASS  courier_reach_per_attempt >= 0.2"))
    #expect(ok.out.contains("3 passed, 0 failed"))

    let failing = try checkFile(["courier_reach_per_attempt >= 0.2", "courier_reach_per_delivery >= 0.999"])
    let junit = try temporaryFolder().appendingPathComponent("junit.xml")
    let bad = try simrun("check", failing, "--replications", "2", "--junit", junit.path)
    #expect(bad.status == 3)
    #expect(bad.out.contains("FAIL  courier_reach_per_delivery >= 0.999"))
    #expect(bad.out.contains("1 passed, 1 failed"))
    let xml = try Data(contentsOf: junit)
    final class Collector: NSObject, XMLParserDelegate {
      var testcases = 0, failures: [String] = [], suiteFailures: String?
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                  attributes: [String: String] = [:]) {
        if name == "testcase" { testcases += 1 }
        if name == "failure" { failures.append(attributes["message"] ?? "") }
        if name == "testsuites" { suiteFailures = attributes["failures"] }
      }
    }
    let collector = Collector()
    let parser = XMLParser(data: xml)
    parser.delegate = collector
    #expect(parser.parse())
    #expect(collector.testcases == 2)
    #expect(collector.failures.count == 1 && collector.failures[0].hasPrefix("courier_reach_per_delivery >= 0.999 does not hold"))
    #expect(collector.suiteFailures == "1")
  }

  @Test("check refuses scenarios without thresholds and bad thresholds (exit 64)")
  func checkInput() throws {
    let none = try scenarioFile("phases:\n  - {phase: wechat-baseline}\n")
    let r = try simrun("check", none)
    #expect(r.status == 64)
    #expect(r.err.contains("no `expect:` thresholds"))
    let typo = try checkFile(["courier_reachabilty >= 0.9", "suspensions ~ 3"])
    let v = try simrun("validate", typo)
    #expect(v.status == 64)
    #expect(v.err.contains(":10:5: expect[0]: expected a metric name (see `simrun list metrics`), found 'courier_reachabilty'; did you mean 'courier_reach_per_attempt' (called 'courier_reachability' before 2026-11-23)?"), "\(v.err)")
    #expect(v.err.contains("expect[1]: expected `METRIC OP NUMBER`"))
  }
}

@Suite("disabled_rules in files, --set and sweeps")
struct DisabledRulesCommandTests {
  @Test("a sweep can switch a rule off; the reports list the rules actually in force")
  func sweepOverRules() throws {
    let r = try simrun(["sweep", "wechat-2025-10-virtual-number", "--vary", "disabled_rules=[],[R-W7]", "--format", "json"] + quick)
    #expect(r.status == 0, "\(r.err)")
    let phases = try #require(try jsonObject(r.out)["phases"] as? [[String: Any]])
    #expect((phases[0]["rules"] as? [String])?.contains("R-W7") == true)
    #expect((phases[1]["rules"] as? [String])?.contains("R-W7") == false)
    let blocked = phases.map { (($0["metrics"] as! [String: [String: Any]])["calls_blocked_unverified"]!["mean"] as! Double) }
    #expect(blocked[0] > 0 && blocked[1] == 0)
  }

  @Test("unknown rules and rules that cannot be switched off are errors")
  func badRules() throws {
    let unknown = try simrun(["run", "wechat-baseline", "--set", "disabled_rules=[R-W9]"] + quick)
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("disabled_rules[0]: expected a rule ID (see `simrun list rules`), found 'R-W9'; did you mean 'R-W"), "\(unknown.err)")
    let fixed = try scenarioFile("phases:\n  - {phase: wechat-baseline}\ndisabled_rules: [R-L4]\n")
    let v = try simrun("validate", fixed)
    #expect(v.status == 64)
    #expect(v.err.contains(":3:18: disabled_rules[0]: expected a rule the model can switch off"), "\(v.err)")
  }

  @Test("R-D5 and R-G7 can be switched off from a file or --set, and the reports drop them")
  func newSwitchableRules() throws {
    let r = try simrun(["sweep", "wechat-2025-08-necessary", "--vary", "disabled_rules=[],[R-D5]", "--format", "json"] + quick)
    #expect(r.status == 0, "\(r.err)")
    let phases = try #require(try jsonObject(r.out)["phases"] as? [[String: Any]])
    #expect((phases[0]["rules"] as? [String])?.contains("R-D5") == true)
    #expect((phases[1]["rules"] as? [String])?.contains("R-D5") == false)
    let g7 = try simrun(["run", "taobao-700-full", "--set", "disabled_rules=[R-G7]", "--format", "json"] + quick)
    #expect(g7.status == 0, "\(g7.err)")
  }
}
