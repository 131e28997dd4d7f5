import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small, fast scenarios: 14 days, 300 orders a day over 40 shops.
let quick = ["--replications", "3", "--days", "14", "--set", "orders.orders_per_day=300", "--set", "merchants.count=40"]

let metricNames = [
  "courier_reach_per_attempt", "courier_reach_per_delivery", "courier_failed_vn_expired", "courier_failed_not_registered",
  "courier_failed_not_verified", "courier_failed_extension_not_dialled", "courier_failed_no_answer",
  "courier_failed_waybill_not_adapted", "failed_deliveries_per_1000", "return_pickup_contact",
  "merchant_contact_fulfilment", "merchant_contact_after_sale", "merchant_contact_marketing", "contact_time_p50_hours",
  "contact_time_p90_hours", "contact_time_p50_hours_fulfilment", "contact_time_p90_hours_fulfilment",
  "contact_time_p50_hours_after_sale", "contact_time_p90_hours_after_sale", "contact_time_p50_hours_marketing",
  "contact_time_p90_hours_marketing", "contacts_plaintext_per_1000", "contacts_decrypt_per_1000",
  "contacts_vn_call_per_1000", "contacts_official_message_per_1000", "contacts_sms_api_per_1000",
  "real_number_exposures_per_1000", "numbers_obtained_per_1000", "retained_numbers_per_1000", "private_domain_reach_per_1000", "decrypt_denied_no_waybill", "decrypt_denied_state",
  "decrypt_denied_quota", "decrypt_denied_policy", "temp_quota_applications", "g_group_calls", "g_group_rejected",
  "g_group_rejected_over_limit", "g_group_rejected_too_many_in_call", "g_group_rejected_invalid_number",
  "g_group_rejected_wrong_format", "calls_blocked_unregistered", "calls_blocked_unregistered_courier",
  "calls_blocked_unregistered_merchant", "calls_blocked_unverified", "violations", "suspensions",
  "oaid_decrypt_calls_per_1000", "side_channel_numbers_per_1000", "profile_exposures_per_1000",
  "cross_platform_orders_lost_per_1000",
]

/// A fresh empty folder.
func temporaryFolder() throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-out-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}

func jsonObject(_ text: String) throws -> [String: Any] {
  try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("simrun output: formats, files, determinism")
struct OutputTests {
  @Test("--format json follows the documented results.json schema")
  func jsonSchema() throws {
    let r = try simrun(["compare", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number", "--format", "json"] + quick)
    #expect(r.status == 0, "\(r.err)")
    let doc = try jsonObject(r.out)
    #expect(doc["tool"] as? String == "simrun")
    #expect((doc["version"] as? String)?.isEmpty == false)
    #expect((doc["command"] as? String)?.hasPrefix("simrun compare wechat-2025-08-necessary") == true)
    #expect(doc["seed"] as? Int == 20_240_408)
    #expect(doc["replications"] as? Int == 3)
    let phases = try #require(doc["phases"] as? [[String: Any]])
    #expect(phases.map { $0["id"] as? String } == ["wechat-2025-08-necessary", "wechat-2025-10-virtual-number"])
    #expect(phases[0]["scenario"] as? String == "built-in wechat-2025-08-necessary")
    #expect((phases[1]["rules"] as? [String])?.contains("R-W7") == true)
    #expect((phases[0]["rules"] as? [String])?.contains("R-W7") == false)
    for phase in phases {
      let metrics = try #require(phase["metrics"] as? [String: [String: Any]])
      #expect(Set(metrics.keys) == Set(metricNames))
      for (name, m) in metrics {
        let mean = try #require(m["mean"] as? Double, "\(name)")
        let ci = try #require(m["ci95"] as? [Double], "\(name)")
        #expect(ci.count == 2 && ci[0] <= mean && mean <= ci[1], "\(name)")
        #expect(m["n"] as? Int == 3)
        if !name.contains("per_1000") && !name.contains("hours") && !name.hasPrefix("decrypt") && name.contains("_") &&
          ["courier_reach_per_attempt", "courier_reach_per_delivery", "merchant_contact_fulfilment", "merchant_contact_after_sale",
           "merchant_contact_marketing"].contains(name) {
          #expect((0...1).contains(mean), "a rate is a fraction: \(name) = \(mean)")
        }
      }
    }
    #expect(phases[0]["vs_baseline"] is NSNull, "the baseline has no difference from itself")
    let vs = try #require(phases[1]["vs_baseline"] as? [String: [String: Any]])
    #expect(Set(vs.keys) == Set(metricNames))
    let m0 = try #require(phases[0]["metrics"] as? [String: [String: Any]])
    let m1 = try #require(phases[1]["metrics"] as? [String: [String: Any]])
    for name in metricNames {
      let diff = try #require(vs[name]?["diff"] as? Double)
      let expected = (m1[name]!["mean"] as! Double) - (m0[name]!["mean"] as! Double)
      #expect(abs(diff - expected) <= 1e-9 * max(1, abs(expected)), "paired mean difference of \(name)")
      #expect((vs[name]?["ci95"] as? [Double])?.count == 2)
    }
  }

  @Test("results.csv is tidy (phase × metric × replication) and agrees with results.json")
  func csvParsesBack() throws {
    let out = try temporaryFolder()
    let r = try simrun(["compare", "taobao-11plus4", "taobao-700-full", "--out", out.path, "--format", "csv"] + quick)
    #expect(r.status == 0, "\(r.err)")
    let csv = try String(contentsOf: out.appendingPathComponent("results.csv"), encoding: .utf8)
    #expect(csv == r.out, "--format csv prints what results.csv holds")
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "phase,metric,replication,value")
    #expect(lines.count == 1 + 2 * metricNames.count * 3)
    var sums: [String: (Double, Int)] = [:]
    for line in lines.dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(f.count == 4)
      #expect(["taobao-11plus4", "taobao-700-full"].contains(f[0]) && metricNames.contains(f[1]) && ["0", "1", "2"].contains(f[2]))
      let v = try #require(Double(f[3]))
      sums["\(f[0])/\(f[1])", default: (0, 0)].0 += v
      sums["\(f[0])/\(f[1])", default: (0, 0)].1 += 1
    }
    let doc = try jsonObject(try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
    for phase in try #require(doc["phases"] as? [[String: Any]]) {
      let id = phase["id"] as! String
      for (name, m) in phase["metrics"] as! [String: [String: Any]] {
        let (sum, n) = try #require(sums["\(id)/\(name)"])
        #expect(n == 3)
        let mean = m["mean"] as! Double
        #expect(abs(sum / 3 - mean) <= 1e-9 * max(1, abs(mean)), "\(id) \(name)")
      }
    }
  }

  @Test("same seed ⇒ the same results.json bytes; other thread counts ⇒ the same results")
  func determinism() throws {
    let a = try temporaryFolder(), c = try temporaryFolder()
    let args = ["compare", "wechat-2024-04-quota", "taobao-700-gray"] + quick
    #expect(try simrun(args + ["--threads", "2", "--out", a.path]).status == 0)
    let ja = try Data(contentsOf: a.appendingPathComponent("results.json"))
    #expect(try simrun(args + ["--threads", "2", "--out", a.path]).status == 0)
    let jb = try Data(contentsOf: a.appendingPathComponent("results.json"))
    #expect(ja == jb)
    #expect(try simrun(args + ["--threads", "1", "--out", c.path]).status == 0)
    // Only the recorded command line (its --threads and --out) may differ.
    var oa = try jsonObject(String(decoding: ja, as: UTF8.self))
    var oc = try jsonObject(try String(contentsOf: c.appendingPathComponent("results.json"), encoding: .utf8))
    #expect(oa["command"] as? String != oc["command"] as? String)
    oa["command"] = nil
    oc["command"] = nil
    #expect(NSDictionary(dictionary: oa).isEqual(to: oc))
    #expect(try Data(contentsOf: a.appendingPathComponent("results.csv")) == Data(contentsOf: c.appendingPathComponent("results.csv")))
    let other = try simrun(args + ["--seed", "7", "--format", "csv"])
    #expect(other.out != (try String(contentsOf: a.appendingPathComponent("results.csv"), encoding: .utf8)), "another seed, other numbers")
  }

  @Test("--out writes five complete files atomically, leaving no temporary files; report.html is self-contained")
  func outFolder() throws {
    let out = try temporaryFolder().appendingPathComponent("nested/report")
    let r = try simrun(["compare", "wechat-baseline", "wechat-2025-10-virtual-number", "--out", out.path] + quick)
    #expect(r.status == 0, "\(r.err)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["report.html", "results.csv", "results.json", "segments.csv", "summary.md"])
    // segments.csv: every scenario × segment × (order share + every metric) × replication.
    let segments = try String(contentsOf: out.appendingPathComponent("segments.csv"), encoding: .utf8)
    let rows = segments.split(separator: "\n")
    #expect(rows.first == "phase,segment,metric,replication,value")
    #expect(rows.count == 1 + 2 * 4 * (1 + metricNames.count) * 3, "\(rows.count)")
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json"))) as? [String: Any]
    let phase = (document?["phases"] as? [[String: Any]])?.first
    let segmentKeys = (phase?["segments"] as? [String: Any]).map { Set($0.keys) }
    #expect(segmentKeys == ["lt10", "10-100", "100-1000", "ge1000"])
    #expect(!r.out.contains("\u{1B}") && !r.err.contains("\u{1B}"), "no colour or progress bar when not on a terminal")
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!html.contains("http://") || !html.contains("src=\"http"), "nothing fetched from the network")
    #expect(!html.contains("<script src") && !html.contains("<link "))
    // First the paired changes (one chart per headline metric that changes
    // measurably), then, folded, the levels.
    let steps = try #require(html.range(of: "What changed, step by step"))
    let folded = try #require(html.range(of: "<details>", range: steps.upperBound..<html.endIndex))
    let stepCharts = html[steps.upperBound..<folded.lowerBound].components(separatedBy: "<svg ").count - 1
    #expect(stepCharts >= 1 && stepCharts <= 8)
    #expect(html.components(separatedBy: "<svg ").count - 1 == stepCharts + 8 + 3,
            "a bar chart per headline metric but one, and three breakdowns (no G group on WeChat)")
    #expect(html.contains("Courier call attempts by outcome") && html.contains("Merchant contacts by channel"))
    #expect(html.contains("Not charted, zero in every replication of every scenario here: <code>calls_blocked_unregistered</code>, g-group calls rejected by reason"),
            "Taobao's R-T2 metric is zero on WeChat Shop: not charted, and said so")
    #expect(html.contains(">Courier calls that reach the buyer<") && html.contains("share, 0–1 · higher is better"),
            "charts have a readable title, the unit and the better direction")
    #expect(html.contains("R-W2") && html.contains("20240408") && html.contains("simrun compare wechat-baseline"))
    // Well-formed markup (the page is written as XML-compatible HTML).
    let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
    let parser = XMLParser(data: Data(body.utf8))
    #expect(parser.parse(), "report.html is not well-formed: \(String(describing: parser.parserError))")
    let md = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(md.contains("## Paired differences from wechat-baseline"))
    // Metrics are named in words, with their ids beside them (Markdown) or
    // in the tooltip (HTML).
    #expect(md.contains("\n| Courier calls that reach the buyer (`courier_reach_per_attempt`) | "))
    // The folded glossary says what docs/README.md's "Words used in the
    // reports" says, term by term.
    #expect(try Self.htmlGlossary(html) == Self.docsGlossary())
    #expect(html.contains("<details><summary>Glossary: the words these reports use</summary>"))
    #expect(html.contains("<td><span class=\"metric\" title=\"courier_reach_per_attempt: share of courier call attempts that reach the buyer\">Courier calls that reach the buyer</span></td>"))
  }

  /// The (term, meaning) pairs of a report's glossary, unescaped.
  static func htmlGlossary(_ html: String) throws -> [[String]] {
    let section = try #require(html.range(of: "<dl class=\"glossary\">\n").map { html[$0.upperBound...] })
    let list = section[..<(section.range(of: "</dl>")?.lowerBound ?? section.endIndex)]
    func unescape(_ s: Substring) -> String {
      s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
    return list.split(separator: "\n").map { line in
      let parts = line.replacingOccurrences(of: "<dt>", with: "").split(separator: "</dt><dd>")
      return [unescape(parts[0]), unescape(parts[1].replacingOccurrences(of: "</dd>", with: "")[...])]
    }
  }

  /// docs/README.md's glossary bullets as (term, meaning), Markdown
  /// emphasis removed and lines joined.
  static func docsGlossary() throws -> [[String]] {
    let text = try String(contentsOf: repository.appendingPathComponent("docs/README.md"), encoding: .utf8)
    let section = try #require(text.range(of: "## Words used in the reports\n").map { text[$0.upperBound...] })
    let items = section.components(separatedBy: "\n- ").map {
      $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
    }.map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.filter { !$0.isEmpty }
    return items.map { item in
      let colon = item.range(of: ": ")!
      return [String(item[..<colon.lowerBound]), String(item[colon.upperBound...])]
    }
  }

  @Test("Ctrl-C stops cleanly: exit 130, a message, and the previous files left as they were")
  func interrupt() throws {
    let out = try temporaryFolder()
    try "previous results\n".write(to: out.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = simrunBinary
    process.arguments = ["compare", "--replications", "4", "--threads", "1", "--out", out.path]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    Thread.sleep(forTimeInterval: 1.5)
    #expect(process.isRunning, "the run takes longer than 1.5 s")
    process.interrupt()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(message.contains("interrupted"))
    #expect(try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8) == "previous results\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["results.json"], "nothing else written")
  }

  @Test("Ctrl-C and SIGTERM stop within about a second however many replications remain, and at a million orders a day",
        arguments: [(["run", "wechat-baseline", "--replications", "10000", "--days", "10"], SIGINT),
                    (["run", "wechat-baseline", "--replications", "10000", "--days", "10"], SIGTERM),
                    (["run", "wechat-baseline", "--replications", "2", "--threads", "1", "--set", "orders.orders_per_day=1000000",
                      "--set", "merchants.count=100000"], SIGINT)])
  func interruptQuickly(arguments: [String], signal: Int32) throws {
    let out = try temporaryFolder()
    let process = Process()
    process.executableURL = simrunBinary
    process.arguments = arguments + ["--out", out.path]
    process.standardError = Pipe()
    process.standardOutput = Pipe()
    try process.run()
    Thread.sleep(forTimeInterval: 2)
    #expect(process.isRunning, "still running after 2 s")
    let sent = Date()
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let took = Date().timeIntervalSince(sent)
    #expect(process.terminationStatus == 130)
    #expect(took < 1.5, "stopped \(took) s after the signal")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "nothing written")
  }

  @Test("--set overrides a value exactly like writing it in the file")
  func setOverride() throws {
    let text = try simrun("template", "wechat-2024-04-quota").out
      .replacingOccurrences(of: "daily_base_quota: 30 ", with: "daily_base_quota: 5 ")
    #expect(text.contains("daily_base_quota: 5 "))
    let file = try scenarioFile(text)
    let fromFile = try simrun(["run", file, "--format", "csv"] + quick)
    let fromSet = try simrun(["run", "wechat-2024-04-quota", "--format", "csv", "--set", "merchants.daily_base_quota=5"] + quick)
    let unchanged = try simrun(["run", "wechat-2024-04-quota", "--format", "csv"] + quick)
    #expect(fromFile.status == 0 && fromSet.status == 0, "\(fromSet.err)")
    // The same numbers; the edited file is called by its file's name.
    #expect(fromFile.out.replacingOccurrences(of: "\nscenario,", with: "\nwechat-2024-04-quota,") == fromSet.out)
    #expect(fromSet.out != unchanged.out)
    // A distribution value is YAML too.
    let dist = try simrun(["run", "wechat-baseline", "--set", "orders.handling_time_hours={exponential: {mean: 12}}"] + quick)
    #expect(dist.status == 0, "\(dist.err)")
  }

  @Test("a bad --set is reported like a bad file value, with the option in place of FILE:LINE:COL; nothing runs")
  func setErrors() throws {
    let r = try simrun(["compare", "wechat-baseline", "taobao-700-full", "--set", "orders.orders_per_dya=3",
                        "--set", "merchants.e_waybill_share=1.5", "--set", "contact.merchant_call_attempts=many"] + quick)
    #expect(r.status == 64)
    #expect(r.out.isEmpty)
    #expect(r.err.contains("--set orders.orders_per_dya=3: orders.orders_per_dya: unknown key 'orders_per_dya'; did you mean 'orders_per_day'?"), "\(r.err)")
    #expect(r.err.contains("--set merchants.e_waybill_share=1.5: merchants.e_waybill_share: expected a probability between 0 and 1, found 1.5"))
    #expect(r.err.contains("--set contact.merchant_call_attempts=many: contact.merchant_call_attempts: expected a whole number from 1 to 20, found 'many'"))
    #expect(r.err.components(separatedBy: "orders_per_dya=3:").count == 2, "reported once, not once per scenario")
    let top = try simrun(["run", "wechat-baseline", "--set", "orderz.x=1"] + quick)
    #expect(top.status == 64)
    #expect(top.err.contains("unknown key 'orderz'; did you mean 'orders'?"), "\(top.err)")
  }
}
