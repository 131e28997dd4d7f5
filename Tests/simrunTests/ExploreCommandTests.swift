import Foundation
import Testing

@Suite("simrun explore and the uncertain: section")
struct ExploreCommandTests {
  /// A short Taobao run: 10 days of 300 orders a day.
  static let short = ["--days", "10", "--set", "orders.orders_per_day=300", "--quiet"]

  @Test("a key the scenario never reads (a WeChat quota figure in a Taobao phase) gets ST = 0 with an interval reaching 0; a courier key does not")
  func ignoredKey() throws {
    let result = try simrun(["explore", "taobao-700-full", "--uncertain",
                             "{couriers.warehouse_share: plausible, merchants.temporary_quota_amount: plausible}",
                             "--samples", "8", "--format", "json"] + Self.short)
    #expect(result.status == 0, "\(result.err)")
    let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
    #expect(json["points"] as? Int == 8 * 4)
    let metrics = json["metrics"] as! [String: Any]
    let reach = metrics["courier_reach_per_delivery"] as! [String: Any]
    let sobol = reach["sobol"] as! [[String: Any]]
    func st(_ key: String) -> [String: Any] { sobol.first { $0["key"] as? String == key }!["st"] as! [String: Any] }
    let quota = st("merchants.temporary_quota_amount")
    #expect((quota["ci95"] as! [Double])[0] <= 0 && (quota["value"] as! Double) == 0)
    let warehouse = st("couriers.warehouse_share")
    #expect((warehouse["ci95"] as! [Double])[0] > 0, "own warehouses outside the platform's registration cut courier reach (R-G8)")
  }

  @Test("same seed, same points and indices at 1 and 2 threads")
  func deterministic() throws {
    func run(_ threads: String) throws -> String {
      let result = try simrun(["explore", "taobao-700-full", "--method", "morris", "--uncertain",
                               "{couriers.warehouse_share: plausible, contact.answer_probability: plausible}",
                               "--samples", "3", "--format", "csv", "--threads", threads] + Self.short)
      #expect(result.status == 0, "\(result.err)")
      return result.out
    }
    let one = try run("1")
    #expect(one == (try run("2")))
    #expect(one.split(separator: "\n").count == 1 + 3 * 3, "header and one row per point (3 trajectories × 3 points)")
  }

  @Test("uncertainty separates the inputs' spread from replication noise, and PRIM names the key behind a condition")
  func uncertaintyAndDiscovery() throws {
    let result = try simrun(["explore", "taobao-700-full", "--method", "uncertainty", "--uncertain",
                             "{couriers.warehouse_share: {uniform: {lower: 0, upper: 0.3}}, contact.after_sale_follow_ups: plausible}",
                             "--samples", "30", "--replications", "2", "--metrics", "courier_reach_per_delivery",
                             "--discover", "courier_reach_per_delivery < 0.9", "--format", "json"] + Self.short)
    #expect(result.status == 0, "\(result.err)")
    let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
    let spread = ((json["metrics"] as! [String: Any])["courier_reach_per_delivery"] as! [String: Any])["spread"] as! [String: Double]
    #expect(spread["p5"]! < spread["p95"]!)
    #expect(spread["sd_inputs"]! > spread["sd_replications"]!, "warehouses move reach more than the noise does")
    let discovery = json["discovery"] as! [String: Any]
    let box = discovery["box"] as! [[String: Any]]
    #expect(box.map { $0["key"] as! String } == ["couriers.warehouse_share"])
    #expect(box[0]["lower"] is String, "low reach where many shops ship from their own warehouses")
  }

  @Test("bad uncertain: input: FILE:LINE:COL and key path, exit 64, nothing written")
  func badInput() throws {
    let cases: [(String, String)] = [
      ("uncertain:\n  contact.answer_probability: {uniform: {lower: 0.8, upper: 0.9}}\n", "lies outside the range"),
      ("uncertain:\n  contact.answer_probabilty: plausible\n", "did you mean 'contact.answer_probability'"),
      ("uncertain:\n  contact.answer_probability: {uniform: {lower: 0.5, upper: 1.5}}\n", "uncertain.contact.answer_probability.uniform.upper"),
      ("uncertain:\n  orders.handling_time_hours: plausible\n", "holds a distribution"),
      ("uncertain:\n  merchants.daily_base_quota: plausible\n", "no documented plausible range"),
      ("uncertain:\n  merchants.registration_eager_share: {uniform: {lower: 0.1, upper: 0.7}}\n", "exceed 1"),
      ("uncertain: some-assumptions\n", "expected `all-assumptions`"),
    ]
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("explore-out-\(UUID().uuidString)")
    for (section, message) in cases {
      let file = try scenarioFile("phases:\n  - phase: taobao-700-full\n" + section)
      let result = try simrun(["explore", file, "--samples", "2", "--out", out.path] + Self.short)
      #expect(result.status == 64, "\(section)")
      #expect(result.err.contains(message), "\(result.err)")
      #expect(result.err.contains("\(file):"), "located in the file: \(result.err)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
    let none = try simrun(["explore", "taobao-700-full", "--samples", "2"] + Self.short)
    #expect(none.status == 64 && none.err.contains("no uncertain keys"))
  }
}
