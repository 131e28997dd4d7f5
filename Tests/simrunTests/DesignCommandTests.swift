import Foundation
import Testing

/// `simrun design` end to end: planted cases with known answers, the front
/// points as scenario files, determinism, the plan → exec → merge route,
/// and bad input refused.
@Suite("simrun design")
struct DesignCommandTests {
  static let small = ["--population", "10", "--generations", "4", "--replications", "2", "--confirm", "4", "--days", "15",
                      "--set", "orders.orders_per_day=600", "--quiet"]

  /// The front's rows of `front.csv` printed by `--format csv`: column name → values.
  static func front(_ csv: String) -> (rows: [[String: String]], shown: [[String: String]]) {
    let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    let header = lines[0]
    let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    return (rows, rows.filter { !($0["point"] ?? "").isEmpty })
  }

  @Test("planted trade-off: the base quota 0–40 in wechat-2024-04-quota gives a monotone front from about 0 to near 40")
  func monotoneQuota() throws {
    let r = try simrun(["design", "wechat-2024-04-quota", "--levers", "{merchants.daily_base_quota: {range: [0, 40]}}",
                        "--objective", "minimize numbers_obtained_per_1000", "--objective", "maximize merchant_contact_fulfilment",
                        "--format", "csv"] + Self.small)
    #expect(r.status == 0, "\(r.err)")
    let shown = Self.front(r.out).shown
    let quota = shown.compactMap { Double($0["merchants.daily_base_quota"] ?? "") }
    let obtained = shown.compactMap { Double($0["numbers_obtained_per_1000_mean"] ?? "") }
    let contact = shown.compactMap { Double($0["merchant_contact_fulfilment_mean"] ?? "") }
    #expect(shown.count >= 4)
    #expect((quota.min() ?? 99) <= 2 && (quota.max() ?? 0) >= 30, "spans the range: \(quota)")
    // Along the front (ordered by numbers obtained) the quota and the contact rise together.
    let byQuota = quota.indices.sorted { quota[$0] < quota[$1] }
    let rising = zip(byQuota, byQuota.dropFirst()).filter { obtained[$1] >= obtained[$0] - 2 && contact[$1] >= contact[$0] - 0.02 }
    #expect(rising.count == byQuota.count - 1, "monotone up to noise: \(byQuota.map { (quota[$0], obtained[$0], contact[$0]) })")
    // The concave start: quota 0 → the next point carries most of the rise in numbers obtained.
    #expect(obtained[byQuota[1]] - obtained[byQuota[0]] > 0.5 * (obtained[byQuota.last!] - obtained[byQuota[0]]))
  }

  @Test("planted harm: a lever that only lowers courier reach (gift-flow coverage, R-G8) is on the front only at its best values")
  func harmfulLever() throws {
    let r = try simrun(["design", "taobao-700-full", "--levers", "{couriers.gift_coverage: {range: [0, 1]}}",
                        "--objective", "minimize numbers_obtained_per_1000", "--objective", "maximize courier_reach_per_delivery",
                        "--set", "couriers.gift_share=0.3", "--format", "csv"] + Self.small)
    #expect(r.status == 0, "\(r.err)")
    let coverage = Self.front(r.out).shown.compactMap { Double($0["couriers.gift_coverage"] ?? "") }
    #expect(!coverage.isEmpty && coverage.allSatisfy { $0 > 0.8 }, "front at \(coverage)")
  }

  @Test("--out: the front as scenario files that compare runs against the phase; same bytes at 1 and 2 threads")
  func outputsAndDeterminism() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-design-\(UUID().uuidString)")
    let example = repository.appendingPathComponent("examples/design/wechat-quota-levers.yaml").path
    let base = ["design", example, "--population", "8", "--generations", "2", "--replications", "2", "--confirm", "3", "--days", "10",
                "--set", "orders.orders_per_day=300", "--quiet"]
    let one = try simrun(base + ["--threads", "1", "--out", dir.appendingPathComponent("a").path, "--format", "json"])
    let two = try simrun(base + ["--threads", "2", "--out", dir.appendingPathComponent("b").path, "--format", "json"])
    #expect(one.status == 0 && two.status == 0, "\(one.err)")
    func strip(_ s: String) -> String { s.split(separator: "\n").filter { !$0.contains("\"command\"") }.joined(separator: "\n") }
    #expect(strip(one.out) == strip(two.out))
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a").path)
    for name in ["front.csv", "settings.csv", "results.json", "summary.md", "report.html", "front-1.yaml"] {
      #expect(files.contains(name), "\(name)")
    }
    let point = dir.appendingPathComponent("a/front-1.yaml").path
    #expect(try simrun("validate", point).status == 0)
    let compared = try simrun("compare", "wechat-2024-04-quota", point, "--replications", "2", "--days", "10",
                              "--set", "orders.orders_per_day=300", "--quiet")
    #expect(compared.status == 0, "\(compared.err)")
    #expect(compared.out.contains("design-1"))
    let summary = try String(contentsOfFile: dir.appendingPathComponent("a/summary.md").path, encoding: .utf8)
    #expect(summary.hasPrefix("# simrun design") && summary.contains("## Findings") && summary.contains("## The front (95% intervals over 3 replications)"))
  }

  @Test("plan → exec → plan again, generation by generation, then merge: the same front as the local run")
  func planned() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-design-plan-\(UUID().uuidString)")
    let example = repository.appendingPathComponent("examples/design/wechat-quota-levers.yaml").path
    let command = ["design", example, "--population", "8", "--generations", "2", "--replications", "2", "--confirm", "3",
                   "--days", "8", "--set", "orders.orders_per_day=300"]
    let plan = dir.appendingPathComponent("d").path
    var waves = 0
    while true {
      let planned = try simrun(["plan", "--out", plan] + command)
      #expect(planned.status == 0, "\(planned.err)")
      if planned.err.contains("has its results") { break }
      waves += 1
      #expect(try simrun("exec", "\(plan)/wave-\(waves)/tasks.jsonl", "--output", "\(plan)/wave-\(waves)/results.jsonl").status == 0)
      if waves > 10 { break }
    }
    #expect(waves >= 3, "a wave a generation and one to confirm the front")
    let merged = try simrun(["merge", plan, "--format", "json", "--quiet"])
    let local = try simrun(command + ["--format", "json", "--quiet"])
    #expect(merged.status == 0 && local.status == 0, "\(merged.err)")
    func strip(_ s: String) -> String { s.split(separator: "\n").filter { !$0.contains("\"command\"") }.joined(separator: "\n") }
    #expect(strip(merged.out) == strip(local.out))
  }

  @Test("constraints and worlds: an unreachable threshold is said so with the closest setting; robust scores over sampled worlds")
  func constraintsAndWorlds() throws {
    let example = repository.appendingPathComponent("examples/design/wechat-quota-levers.yaml").path
    let base = ["design", example, "--population", "8", "--generations", "2", "--replications", "2", "--confirm", "3", "--days", "10",
                "--set", "orders.orders_per_day=300", "--quiet", "--width", "0"]
    let unreachable = try simrun(base + ["--require", "merchant_contact_fulfilment >= 0.99"])
    #expect(unreachable.status == 0, "\(unreachable.err)")
    #expect(unreachable.out.contains("No setting of the levers meets merchant_contact_fulfilment >= 0.99: the closest"))
    let robust = try simrun(base + ["--uncertain", "{contact.answer_probability: plausible}", "--worlds", "4",
                                    "--robustness", "satisficing", "--require", "merchant_contact_fulfilment >= 0.6", "--format", "json"])
    #expect(robust.status == 0, "\(robust.err)")
    #expect(robust.out.contains("\"worlds\" : 4") && robust.out.contains("\"robustness\" : \"satisficing\""))
    #expect(robust.out.contains("in at least 80% of the 4 plausible worlds"))
    // Minimax regret: each objective's largest shortfall from the best setting in each world, never negative on the means.
    let regret = try simrun(base + ["--uncertain", "{contact.answer_probability: plausible}", "--worlds", "4",
                                    "--robustness", "regret", "--format", "csv"])
    #expect(regret.status == 0, "\(regret.err)")
    let rows = Self.front(regret.out).shown
    #expect(!rows.isEmpty && rows.allSatisfy { Double($0["numbers_obtained_per_1000_max_regret_mean"] ?? "-1")! >= 0 })
    let noWorlds = try simrun(base + ["--robustness", "regret"])
    #expect(noWorlds.status == 64 && noWorlds.err.contains("give uncertain keys"))
  }

  @Test("bad input: exit 64 with a clear message and nothing written")
  func refusesBadInput() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-design-bad-\(UUID().uuidString)")
    let out = dir.appendingPathComponent("out").path
    let cases: [([String], String)] = [
      (["--levers", "{merchants.count: {range: [10, 100]}}"], "not something a platform sets (class: precision"),
      (["--levers", "{decrypt.unnecessary: {choices: [refuse, grant-as-violation]}}"], "class: reading of a rule"),
      ([], "no levers"),
      (["--levers", "{merchants.daily_base_quota: {range: [0, 40]}}", "--objective", "maximize reach"], "unknown metric 'reach'"),
      (["--levers", "{merchants.daily_base_quota: {range: [0, 40]}}", "--objective", "improve courier_reach_per_delivery"], "`maximize` or `minimize`"),
      (["--levers", "{merchants.daily_base_quota: {range: [0, 40]}}", "--require", "courier_reach_per_delivery >= 0.9",
        "--require", "courier_reach_per_delivery <= 0.8"], "contradict each other"),
      (["--levers", "{merchants.daily_base_quota: {range: [0, 40]}}", "--confirm", "2"], "fewer give no interval"),
      (["--levers", "{merchants.daily_base_quota: {range: [0, 40]}}", "--population", "9"], "even whole number"),
      (["--levers", "{merchants.temporary_quota_amount: {range: [0, 40]}}", "--uncertain", "{merchants.temporary_quota_amount: plausible}"],
       "both a lever and an uncertain key"),
    ]
    for (more, message) in cases {
      let r = try simrun(["design", "wechat-2024-04-quota", "--days", "5", "--quiet", "--out", out] + more)
      #expect(r.status == 64, "\(more): \(r.err)")
      #expect(r.err.contains(message), "\(more): \(r.err)")
      #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
    }
  }
}
