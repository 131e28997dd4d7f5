import Foundation
import Testing

/// Inputs a new user or a hostile one might give (issue: no input crashes,
/// hangs or eats the machine): each ends in a located rejection (exit 64)
/// or a bounded run.
@Suite("Hostile and mistaken input")
struct HostileInputTests {
  let quick = ["--days", "5", "--replications", "2", "--quiet"]

  @Test("values past a key's domain are located rejections, not crashes", arguments: [
    ("orders.orders_per_day=1e7", "orders.orders_per_day: expected a number from 0.001 to 1000000"),
    ("orders.orders_per_day=1e300", "orders.orders_per_day: expected a number from 0.001 to 1000000"),
    ("orders.handling_time_hours={constant: 3e12}", "orders.handling_time_hours.constant: expected a number from 0 to 87600"),
    ("orders.handling_time_hours={lognormal: {mu: 1000, sigma: 10}}", "orders.handling_time_hours.lognormal.mu: expected a number from -50 to 11"),
    ("orders.hourly_weights=[1e308,1e308,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]", "orders.hourly_weights[0]: expected a number from 0 to 1000000"),
    ("merchants.size_pareto_shape=0.01", "merchants.size_pareto_shape: expected a number from 0.5 to 100"),
    ("couriers.carriers=[{name: a, share: 1, integrated: true, retry_hours: 1e300}]", "couriers.carriers[0].retry_hours: expected a number from 0 to 168"),
    ("orders.campaigns=[{name: x, from: 2024-01-02, days: 3, factor: 1e300}]", "orders.campaigns[0].factor: expected a number from 0 to 1000"),
    ("orders.campaigns=[{name: x, from: 2024-01-02, days: 3, factor: 1000}]", "orders.campaigns: expected orders_per_day × the largest campaign factor ≤ 2000000"),
  ])
  func domains(setting: String, message: String) throws {
    let r = try simrun(["run", "wechat-baseline", "--set", setting] + quick)
    #expect(r.status == 64)
    #expect(r.err.contains(message), "\(r.err)")
  }

  @Test("extreme values inside the domains run to the end quickly (time saturates, empty days are skipped)", arguments: [
    "orders.handling_time_hours={constant: 87600}",
    "orders.handling_time_hours={lognormal: {mu: 11, sigma: 5}}",
    "orders.transit_time_hours={weibull: {shape: 0.01, scale: 87600}}",
    "merchants.size_pareto_shape=0.5",
  ])
  func extremesRun(setting: String) throws {
    let start = Date()
    let r = try simrun(["run", "wechat-baseline", "--set", setting] + quick)
    #expect(r.status == 0, "\(r.err)")
    #expect(Date().timeIntervalSince(start) < 30)
  }

  @Test("a grid of 10,000^5 points is refused before it is built")
  func hugeGrid() throws {
    let values = (0..<10_000).map(String.init).joined(separator: ",")
    var arguments = ["sweep", "wechat-baseline"]
    for key in ["merchants.daily_base_quota", "merchants.temporary_quota_amount", "merchants.count",
                "contact.merchant_call_attempts", "orders.delivery_days"] {
      arguments += ["--vary", "\(key)=\(values)"]
    }
    let r = try simrun(arguments + quick)
    #expect(r.status == 64)
    #expect(r.err.contains("the grid has more than 200 points"), "\(r.err)")
  }

  @Test("--replications past 10,000 is refused")
  func tooManyReplications() throws {
    let r = try simrun("run", "wechat-baseline", "--replications", "1000000000")
    #expect(r.status == 64)
    #expect(r.err.contains("--replications must be at most 10000"), "\(r.err)")
  }

  @Test("paths that are not scenario files say what they are")
  func unreadablePaths() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-paths-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let folder = dir.appendingPathComponent("folder.yaml")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let loop = dir.appendingPathComponent("loop.yaml")
    try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
    let big = dir.appendingPathComponent("big.yaml")
    try String(repeating: "# padding\n", count: 120_000).write(to: big, atomically: true, encoding: .utf8)
    for (path, message) in [(folder.path, "it is a directory"), ("/dev/zero", "not a regular file"),
                            (loop.path, "symbolic link to nothing readable"), (big.path, "a scenario file may have at most")] {
      let r = try simrun("validate", path)
      #expect(r.status == 64)
      #expect(r.err.contains(message), "\(path): \(r.err)")
      #expect(!r.err.contains("NSCocoaErrorDomain"))
    }
  }

  @Test("file extensions are case-insensitive, and an existing file wins over a phase id")
  func fileNames() throws {
    let text = try simrun("template", "wechat-baseline").out
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-names-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try text.write(to: dir.appendingPathComponent("my.YAML"), atomically: true, encoding: .utf8)
    try text.write(to: dir.appendingPathComponent("wechat-2024-04-quota"), atomically: true, encoding: .utf8)
    let upper = try simrun(["validate", "my.YAML"], in: dir)
    #expect(upper.status == 0, "\(upper.err)")
    let shadow = try simrun(["validate", "wechat-2024-04-quota"], in: dir)
    #expect(shadow.status == 0, "\(shadow.err)")
    #expect(shadow.out.contains("wechat-baseline"), "the file, not the phase: \(shadow.out)")
  }

  @Test("a file with a mistake on every line reports the first 50 and counts the rest")
  func diagnosticsCapped() throws {
    let lines = (0..<2_000).map { "bogus_\($0): 1" }.joined(separator: "\n")
    let path = try scenarioFile("phases:\n  - {phase: wechat-baseline}\n\(lines)\n")
    let r = try simrun("validate", path)
    #expect(r.status == 64)
    #expect(r.err.split(separator: "\n").count == 51)
    #expect(r.err.contains("… and 1950 more problems"), "\(r.err.suffix(300))")
  }
}
