import Foundation
import Testing

/// Phases are paired only with phases of their own platform, and the
/// terminal table fits the terminal (issues 9 and 10).
@Suite("compare: per-platform pairing and a table that fits the terminal")
struct ComparisonLayoutTests {
  let short = ["--replications", "2", "--days", "6", "--set", "orders.orders_per_day=300", "--set", "merchants.count=40", "--quiet"]

  func phases(_ doc: [String: Any]) throws -> [String: [String: Any]] {
    let list = try #require(doc["phases"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0) })
  }

  func mean(_ phase: [String: Any], _ metric: String) -> Double {
    ((phase["metrics"] as! [String: [String: Any]])[metric]!["mean"] as! Double)
  }

  func diff(_ phase: [String: Any], _ key: String, _ metric: String) -> Double? {
    ((phase[key] as? [String: [String: Any]])?[metric]?["diff"] as? Double)
  }

  @Test("the default compare never pairs phases of two platforms: a block per platform, each with its own baseline")
  func defaultCompareStaysWithinPlatforms() throws {
    let r = try simrun(["compare", "--format", "json"] + short)
    #expect(r.status == 0, "\(r.err)")
    let doc = try jsonObject(r.out)
    let groups = try #require(doc["groups"] as? [[String: Any]])
    #expect(groups.map { $0["baseline"] as? String } == ["wechat-baseline", "taobao-11plus4"])
    #expect(groups.map { $0["platforms"] as? [String] } == [["wechat-shop"], ["taobao"]])
    #expect(!r.out.contains("vs_other_platform"), "no pair across platforms in the default compare")
    let p = try phases(doc)
    #expect(p["taobao-11plus4"]?["vs_baseline"] is NSNull, "Taobao's first phase is a baseline, not a difference from WeChat's")
    for id in ["wechat-baseline", "wechat-2024-04-quota", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number",
               "wechat-2026-01-aftersale-vn"] {
      #expect(p[id]?["platforms"] as? [String] == ["wechat-shop"], "\(id)")
    }
    // Differences are taken from the platform's own baseline ...
    let full = try #require(p["taobao-700-full"])
    let base = try #require(p["taobao-11plus4"])
    let exposure = "oaid_decrypt_calls_per_1000"
    #expect(abs(try #require(diff(full, "vs_baseline", exposure)) - (mean(full, exposure) - mean(base, exposure))) < 1e-9)
    // ... and step by step from the phase before (from the third on).
    let gray = try #require(p["taobao-700-gray"])
    #expect(gray["vs_previous"] == nil, "the second phase's step is its baseline difference")
    let step = try #require(diff(full, "vs_previous", exposure))
    #expect(abs(step - (mean(full, exposure) - mean(gray, exposure))) < 1e-9)
    // Rules are listed for the platform they act on.
    #expect(!(full["rules"] as! [String]).contains("R-M1") && !(full["rules"] as! [String]).contains("R-M2"))
    #expect((full["rules"] as! [String]).contains("R-X1"))
    #expect(!(p["wechat-baseline"]!["rules"] as! [String]).contains("R-X1"))

    let table = try simrun(["compare"] + short)
    #expect(table.out.contains("▌ WeChat Shop") && table.out.contains("▌ Taobao"))
    #expect(table.out.contains("paired differences from taobao-11plus4"))
    #expect(!table.out.contains("NOT a rule effect"))
  }

  @Test("naming phases of two platforms prints their difference, marked as not a rule effect and never bold")
  func crossPlatformIsLabelled() throws {
    let args = ["compare", "wechat-baseline", "taobao-11plus4"] + short
    let json = try jsonObject(try simrun(args + ["--format", "json"]).out)
    let taobao = try #require(try phases(json)["taobao-11plus4"])
    #expect(taobao["vs_baseline"] is NSNull)
    #expect(taobao["vs_other_platform_not_a_rule_effect"] is [String: Any])
    let table = try simrun(args)
    #expect(table.out.contains("NOT a rule effect"))
    let md = try simrun(args + ["--format", "markdown"]).out
    let across = try #require(md.range(of: "NOT a rule effect"))
    #expect(!md[across.upperBound...].contains("**"), "no bold in the cross-platform table")
    #expect(md[..<across.lowerBound].contains("## WeChat Shop") && md[..<across.lowerBound].contains("## Taobao"))
  }

  /// Visible characters (no ANSI) of the widest line.
  func widest(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

  @Test("the compare table fits 80 columns by default, --width N, or no limit with --width 0, losing no cell")
  func tableFitsTheTerminal() throws {
    let args = ["compare", "wechat-baseline", "wechat-2024-04-quota", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number",
                "--metrics", "all"] + short
    let fitted = try simrun(args, environment: ["COLUMNS": nil])
    #expect(fitted.status == 0, "\(fitted.err)")
    #expect(widest(fitted.out) <= 80, "\(widest(fitted.out))")
    let narrow = try simrun(args, environment: ["COLUMNS": "60"])
    #expect(widest(narrow.out) <= 60 + 20, "COLUMNS narrows the blocks (a cell is never cut)")
    #expect(widest(narrow.out) < widest(fitted.out) || widest(fitted.out) <= 60)
    let wide = try simrun(args + ["--width", "0"])
    #expect(widest(wide.out) > 100, "one block, as wide as it needs")
    #expect(wide.out.contains("wechat-2025-10-virtual-number"))
    #expect(fitted.out.contains("wechat-2025-10-") && fitted.out.contains("virtual-number"), "long ids wrap at hyphens")
    // Every value cell of the wide table is in the fitted one, in order.
    func cells(_ text: String) -> [String] {
      text.split(separator: "\n").flatMap { line in
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          $0.range(of: "^-?[0-9.]+ ± [0-9.]+$", options: .regularExpression) != nil
        }
      }
    }
    let fittedCells = cells(tableOnly(fitted.out)), wideCells = cells(tableOnly(wide.out))
    let metrics = try simrun("list", "metrics", "--markdown").out.split(separator: "\n").filter { $0.hasPrefix("| `") }.count
    #expect(metrics > 40)
    #expect(wideCells.count == metrics * (4 + 3 + 2), "values, differences from the baseline, steps")
    #expect(fittedCells.sorted() == wideCells.sorted(), "\(fittedCells.count) cells against \(wideCells.count)")
    #expect(try simrun(args + ["--width", "-3"]).status == 64)
  }

  @Test("--metrics picks the table's rows; CSV and JSON keep every metric; unknown names are refused")
  func metricsFilter() throws {
    let args = ["run", "wechat-2025-10-virtual-number"] + short
    let picked = try simrun(args + ["--metrics", "violations,courier_reach_per_attempt"])
    #expect(picked.status == 0, "\(picked.err)")
    let rows = tableOnly(picked.out).split(separator: "\n").filter { $0.contains("±") && !$0.hasPrefix("seed") }.map { String($0.split(separator: " ")[0]) }
    #expect(rows == ["violations", "courier_reach_per_attempt"], "in the order given: \(rows)")
    let headline = try simrun(args)
    #expect(headline.out.replacingOccurrences(of: "\n", with: " ").contains("headline metrics; --metrics all for all"),
            "the headline is the default")
    #expect(tableOnly(headline.out).split(separator: "\n").filter { $0.contains("±") && !$0.hasPrefix("seed") }.count == 9)
    let csv = try simrun(args + ["--metrics", "headline", "--format", "csv"]).out
    #expect(csv.contains(",violations,"), "files and other formats keep every metric")
    let old = try simrun(args + ["--metrics", "courier_reachability"])
    #expect(old.status == 64 && old.err.contains("unknown metric 'courier_reachability' (now 'courier_reach_per_attempt')"), "\(old.err)")
  }
}

@Suite("the progress bar on a real terminal")
struct ProgressBarTests {
  @Test("under a pseudo-terminal 80 columns wide, every redraw of the bar fits in 79 columns (so it never wraps and scrolls)")
  func fitsEightyColumns() throws {
    let script = URL(fileURLWithPath: "/usr/bin/script")
    try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux `script` provides the terminal")
    let process = Process()
    process.executableURL = script
    let command = "stty cols 80 rows 24; '\(simrunBinary.path)' compare wechat-2025-10-virtual-number taobao-700-full --days 120 --replications 4 --threads 1 > /dev/null"
    process.arguments = ["-qec", command, "/dev/null"]
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let text = String(decoding: data, as: UTF8.self)
    let redraws = text.components(separatedBy: "\r").map { segment in
      segment.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
    }.filter { $0.contains("%") }
    #expect(redraws.count >= 2, "the bar was drawn: \(text.prefix(300))")
    let widest = redraws.map(\.count).max() ?? 0
    #expect(widest <= 79, "a redraw is \(widest) columns wide")
    #expect(redraws.contains { $0.contains("taobao-700-full") }, "the scenario running is named")
  }
}

/// A terminal report without its findings: from the line that starts with
/// "seed " on.
func tableOnly(_ text: String) -> String {
  guard let start = text.range(of: "\nseed ") else { return text }
  return String(text[start.lowerBound...])
}
