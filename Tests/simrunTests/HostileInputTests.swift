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

  @Test("negative or malformed numbers on the command line say what is expected (not \"Missing value\")", arguments: [
    (["run", "wechat-baseline", "--replications", "-5"], "--replications must be at least 2, got -5"),
    (["run", "wechat-baseline", "--replications", "many"], "--replications must be a whole number from 2 to 10000, got 'many'"),
    (["run", "wechat-baseline", "--seed", "-1"], "--seed must be a whole number from 0 to 18446744073709551615, got '-1'"),
    (["compare", "--days", "-3"], "--days must be at least 2, got -3"),
    (["run", "wechat-baseline", "--threads", "-2"], "--threads must be at least 1, got -2"),
    (["selftest", "--replications", "-1"], "--replications must be at least 2, got -1"),
    (["run", "wechat-baseline", "--width", "-1"], "--width must be a whole number from 0 (no limit) to 100000, got -1"),
  ])
  func negativeNumbers(arguments: [String], message: String) throws {
    let r = try simrun(arguments)
    #expect(r.status == 64)
    #expect(r.err.contains(message), "\(r.err)")
    #expect(!r.err.contains("Missing value"))
  }

  @Test("the orders-in-flight limit: past it a clear error, exit 64, nothing written; below it the results do not depend on it")
  func ordersInFlightLimit() throws {
    let out = try temporaryFolder().appendingPathComponent("report")
    let args = ["run", "wechat-baseline", "--days", "30", "--replications", "2", "--quiet"]
    let stopped = try simrun(args + ["--max-orders-in-flight", "20000", "--out", out.path])
    #expect(stopped.status == 64)
    #expect(stopped.err.contains("a replication reached 20000 orders in flight (--max-orders-in-flight)"), "\(stopped.err)")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("results.json").path), "nothing written")
    let limited = try simrun(args + ["--max-orders-in-flight", "10000000", "--format", "csv"])
    let unlimited = try simrun(args + ["--format", "csv"])
    #expect(limited.status == 0 && limited.out == unlimited.out)
    #expect(try simrun(args + ["--max-orders-in-flight", "0"]).status == 64)
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

  @Test("a duplicate key is reported where it is repeated, without a dump of the file")
  func duplicateKey() throws {
    let path = try scenarioFile("phases:\n  - {phase: wechat-baseline}\ndays: 10\nmerchants:\n  count: 10\n  count: 20\n")
    let r = try simrun("validate", path)
    #expect(r.status == 64)
    #expect(r.err.contains(".yaml:6:3: count: duplicate key 'count' (first given on line 5)"), "\(r.err)")
    #expect(!r.err.contains("Context"))
    #expect(r.err.split(separator: "\n").count == 1)
  }

  @Test("an inconsistent pair points at the key that breaks it: the later line, or the --set value")
  func inconsistentPair() throws {
    let path = try scenarioFile("phases:\n  - {phase: taobao-700-full}\nmerchants:\n  count: 32\n  registration_eager_share: 0.7\n  registration_lazy_share: 0.6\n")
    let r = try simrun("validate", path)
    #expect(r.status == 64)
    #expect(r.err.contains(".yaml:6:28: merchants.registration_lazy_share: expected merchants.registration_eager_share + merchants.registration_lazy_share ≤ 1, found 0.7 + 0.6"), "\(r.err)")
    let set = try simrun(["run", "taobao-700-full", "--set", "merchants.registration_lazy_share=0.9"] + quick)
    #expect(set.status == 64)
    #expect(set.err.hasPrefix("--set merchants.registration_lazy_share=0.9: merchants.registration_lazy_share: expected"), "\(set.err)")
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

@Suite("Output paths and faults")
struct OutputFaultTests {
  let quick = ["--days", "5", "--replications", "2", "--quiet"]

  func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test("--junit on a device node is refused before anything runs, and the node stays a device")
  func junitDevice() throws {
    let r = try simrun(["check", "Scenarios/checks/ci-wechat-vn.yaml", "--junit", "/dev/null"] + quick, in: repository)
    #expect(r.status == 64)
    #expect(r.err.contains("not a regular file; refusing to replace it"), "\(r.err)")
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
  }

  @Test("--junit into a folder that does not exist yet creates it; --out under a file fails before the run")
  func missingFolders() throws {
    let dir = try folder()
    let junit = dir.appendingPathComponent("build/simrun-junit.xml").path
    let r = try simrun(["check", "Scenarios/checks/ci-wechat-vn.yaml", "--junit", junit] + quick, in: repository)
    #expect(r.status == 0 || r.status == 3, "\(r.err)")
    #expect(FileManager.default.fileExists(atPath: junit))
    let file = dir.appendingPathComponent("plain.txt")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let start = Date()
    let o = try simrun(["run", "wechat-baseline", "--out", file.appendingPathComponent("sub").path, "--days", "60", "--quiet"])
    #expect(o.status == 64)
    #expect(o.err.contains("is a file, not a folder"), "\(o.err)")
    #expect(Date().timeIntervalSince(start) < 5, "refused before running")
  }

  @Test("the --out folder is all or nothing: when one file cannot be written, none is replaced and no temporary is left")
  func allOrNothing() throws {
    let dir = try folder()
    try "old".write(to: dir.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
    // A folder where report.html should go: that file cannot be written.
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("report.html"), withIntermediateDirectories: true)
    let r = try simrun(["run", "wechat-baseline", "--out", dir.path] + quick)
    #expect(r.status == 74, "\(r.err)")
    #expect(try String(contentsOf: dir.appendingPathComponent("results.csv"), encoding: .utf8) == "old")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == ["report.html", "results.csv"], "\(names)")
  }

  @Test("control characters in a scenario name are refused, and echoed input is shown escaped")
  func controlCharacters() throws {
    let path = try scenarioFile("name: \"bad\\e[31mred\"\nphases:\n  - {phase: wechat-baseline}\n")
    let r = try simrun("validate", path)
    #expect(r.status == 64)
    #expect(r.err.contains("without control characters"), "\(r.err)")
    let key = try scenarioFile("phases:\n  - {phase: wechat-baseline}\n\"x\\e[2Jy\": 1\n")
    let k = try simrun("validate", key)
    #expect(k.status == 64)
    #expect(!k.err.contains("\u{1B}"), "no raw escape in \(k.err)")
    #expect(k.err.contains("\\u{1b}"))
  }
}
