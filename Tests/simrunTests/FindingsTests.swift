import Foundation
import Testing

/// Every report opens with findings whose numbers are the tables' numbers.
@Suite("findings: sentences first, their figures from the tables")
struct FindingsTests {
  /// Every "m ± h" of `sentence`.
  static func changes(_ sentence: String) -> [(mean: String, half: String)] {
    matches(sentence, #"(-?[0-9]+\.[0-9]+) ± ([0-9]+\.[0-9]+)"#).map { ($0[1], $0[2]) }
  }

  /// Every "a → b" of `sentence`.
  static func levels(_ sentence: String) -> [(String, String)] {
    matches(sentence, #"(-?[0-9]+\.[0-9]+) → (-?[0-9]+\.[0-9]+)"#).map { ($0[1], $0[2]) }
  }

  static func matches(_ text: String, _ pattern: String) -> [[String]] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
      (0..<m.numberOfRanges).map { String(text[Range(m.range(at: $0), in: text)!]) }
    }
  }

  /// The findings of a `results.json`.
  static func sentences(_ json: [String: Any]) throws -> [(kind: String, text: String)] {
    let findings = try #require(json["findings"] as? [String: Any])
    let list = try #require(findings["sentences"] as? [[String: Any]])
    return list.map { ($0["kind"] as? String ?? "", $0["text"] as? String ?? "") }
  }

  /// Checks each sentence against the table text: every paired change
  /// "m ± h" is a cell, every level "a" of "a → b" starts a cell "a ± …",
  /// and an effect's interval excludes 0.
  static func checkAgainstTables(_ sentences: [(kind: String, text: String)], table: String) {
    #expect(sentences.count <= 8)
    for s in sentences {
      for c in changes(s.text) {
        let cell = "\(c.mean) ± \(c.half)"
        #expect(table.contains(cell), "\(cell) of '\(s.text)' is not in the tables")
        if s.kind == "effect" {
          #expect(abs(Double(c.mean)!) > Double(c.half)!, "an effect whose interval includes 0: \(s.text)")
        }
      }
      for (a, b) in levels(s.text) {
        #expect(table.contains("\(a) ± ") && table.contains("\(b) ± "), "\(a) → \(b) of '\(s.text)'")
      }
    }
  }

  @Test("compare: effects and 'no measurable change' sentences, the same in the terminal, summary.md, report.html and results.json")
  func compare() throws {
    let out = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let args = ["compare", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number", "--width", "0", "--out", out.path] + quick
    let r = try simrun(args)
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.hasPrefix("Findings\n"), "the findings come first")
    let json = try jsonObject(try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
    let list = try Self.sentences(json)
    #expect(list.contains { $0.kind == "effect" && $0.text.contains("real numbers revealed to merchants") })
    #expect(list.contains { $0.kind == "no_change" && $0.text.contains("R-W3") },
            "virtual numbers that expire after 30 days do not change courier reach: said so")
    Self.checkAgainstTables(list, table: tableOnly(r.out))
    let md = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    for s in list {
      #expect(r.out.contains(s.text), "terminal: \(s.text)")
      #expect(md.contains("- " + s.text), "summary.md: \(s.text)")
      #expect(html.contains(s.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")) || html.contains(s.text),
              "report.html: \(s.text)")
    }
    #expect(md.range(of: "## Findings")!.lowerBound < md.range(of: "Metrics")!.lowerBound)
    #expect(html.range(of: "class=\"findings\"")!.lowerBound < html.range(of: "<dl class=\"meta\"")!.lowerBound)
  }

  @Test("an effect that does not survive Holm's correction, or whose interval includes 0, gets no sentence")
  func nothingToSay() throws {
    // The same phase twice under two names: every difference is exactly 0.
    let r = try simrun(["compare", "wechat-2025-10-virtual-number", "Scenarios/wechat-2025-10-virtual-number.yaml",
                        "--format", "json"] + quick, in: repository)
    #expect(r.status == 0, "\(r.err)")
    let list = try Self.sentences(try jsonObject(r.out))
    #expect(!list.contains { $0.kind == "effect" }, "\(list)")
    #expect(list.first?.text.hasPrefix("No headline metric changed measurably") == true, "\(list)")
  }

  @Test("attribute, sweep and explore open with findings whose figures are in their tables")
  func otherCommands() throws {
    // Eight replications: with three, whether any rule's effect passes
    // Holm's correction over 32 tests depends on the draws.
    let attributeArgs = ["attribute", "taobao-700-full"] + quick + ["--replications", "8"]
    let attribute = try simrun(attributeArgs + ["--width", "0"])
    #expect(attribute.status == 0, "\(attribute.err)")
    #expect(attribute.out.hasPrefix("Findings\n• R-"), "\(attribute.out.prefix(300))")
    #expect(attribute.out.contains("• R-T2 (registered callers only): "), "\(attribute.out.prefix(600))")
    let attributeJSON = try simrun(attributeArgs + ["--format", "json"])
    let attributeTable = String(attribute.out[attribute.out.range(of: "\nseed ")!.lowerBound...])
    Self.checkAgainstTables(try Self.sentences(try jsonObject(attributeJSON.out)), table: attributeTable)

    let sweepArgs = ["sweep", "wechat-2024-04-quota", "--vary", "merchants.daily_base_quota=10,200", "--replications", "3", "--days", "21"]
    let sweep = try simrun(sweepArgs + ["--width", "0"])
    let sweepJSON = try simrun(sweepArgs + ["--format", "json"])
    let sweepList = try Self.sentences(try jsonObject(sweepJSON.out))
    #expect(sweepList.first?.text.hasPrefix("WeChat Shop, merchants.daily_base_quota from 10 to 200: ") == true, "\(sweepList)")
    Self.checkAgainstTables(sweepList, table: tableOnly(sweep.out))

    let explore = try simrun(["explore", "wechat-2025-10-virtual-number", "--method", "uncertainty", "--effect-of", "R-W7",
                              "--uncertain", "all-assumptions", "--samples", "8", "--metrics", "real_number_exposures_per_1000", "--width", "0"] + quick)
    #expect(explore.status == 0, "\(explore.err)")
    #expect(explore.out.hasPrefix("Findings\n• The effect of R-W7 (real-name callers) on real numbers revealed to merchants is "), "\(explore.out.prefix(300))")
    let first = explore.out.split(separator: "\n")[1]
    for number in Self.matches(String(first), #"-?[0-9]+\.[0-9]+"#).map({ $0[0] }) {
      #expect(explore.out.components(separatedBy: number).count > 2, "\(number) is in the table too")
    }
  }

  @Test("timeline: each phase switch by the weeks either side (events by their own week), figures in the phase-switch table")
  func timeline() throws {
    let args = ["timeline", "--replications", "4", "--set", "orders.orders_per_day=400", "--set", "merchants.count=60"]
    let r = try simrun(args + ["--width", "0"], in: repository)
    #expect(r.status == 0, "\(r.err)")
    let list = try Self.sentences(try jsonObject(try simrun(args + ["--format", "json"], in: repository).out))
    #expect(list.contains { $0.kind == "effect" && $0.text.contains("from wechat-2024-04-quota (2024-04-08)") }, "\(list)")
    Self.checkAgainstTables(list, table: tableOnly(r.out))
    #expect(tableOnly(r.out).contains("phase switches: the 4 whole weeks before and after each switch, per platform, by week of the event"))
    #expect(tableOnly(r.out).contains("by month of the event"))
    // At 80 columns: every line fits, and the switches and months come
    // before the pooled whole-period figures.
    let narrow = try simrun(args + ["--width", "80"], in: repository).out
    #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let switches = try #require(narrow.range(of: "phase switches:")), months = try #require(narrow.range(of: "by month of the event"))
    let pooled = try #require(narrow.range(of: "whole period, both platforms and every phase pooled"))
    #expect(switches.lowerBound < months.lowerBound && months.lowerBound < pooled.lowerBound)
    #expect(narrow.contains("\n2024-04-08 wechat-2024-04-quota\nmetric "), "a small table per switch")
  }

  @Test("attribute names its rules in words and does not colour R-T5's fall in blocked calls as an improvement")
  func attributeInWords() throws {
    let out = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try simrun(["attribute", "taobao-700-full", "--replications", "5", "--days", "40", "--width", "0", "--quiet",
                        "--out", out.path])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("R-T2 registered callers only") && r.out.contains("R-T5 waybill prints the number"))
    // R-T5 lowers blocked calls because the courier cannot place the call at all.
    let blocked = try #require(r.out.range(of: "(calls_blocked_unregistered):"))
    let table = r.out[blocked.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
    let note = table.first { $0.hasPrefix("lower only because fewer calls are placed, not better:") }
    #expect(note?.contains("R-T5") == true, "\(table.joined(separator: "\n"))")
    let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains("Grey: R-T5 lowers it only because fewer calls are placed at all"))
    #expect(html.contains("class=\"bar neutral\""))
  }

  @Test("explore's Sobol table ranks keys by ST and shows ST, S1 and their difference")
  func exploreTotalFirst() throws {
    let r = try simrun(["explore", "wechat-2025-10-virtual-number", "--method", "sobol", "--uncertain", "all-assumptions",
                        "--samples", "4", "--metrics", "merchant_contact_fulfilment", "--width", "0"] + quick)
    #expect(r.status == 0, "\(r.err)")
    let header = try #require(r.out.split(separator: "\n").first { $0.hasPrefix("key ") })
    let columns = header.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    #expect(columns == ["key", "ST", "S1", "ST", "−", "S1"], "\(columns)")
  }
}
