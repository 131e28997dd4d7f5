import Foundation
import Testing

/// `generator:`: the GSL generator behind every stream, part of what
/// reproduces a run, named in results.json, one per run.
@Suite("the random number generator of a scenario")
struct GeneratorTests {
  let short = ["--replications", "2", "--days", "6", "--set", "orders.orders_per_day=200", "--quiet"]

  @Test("taus2 by default, named in results.json; mt19937 by the file or --set, with other draws and the same laws")
  func namedAndSelectable() throws {
    let taus2 = try simrun(["run", "wechat-2025-10-virtual-number", "--format", "json"] + short)
    #expect(taus2.status == 0, "\(taus2.err)")
    #expect(try jsonObject(taus2.out)["generator"] as? String == "taus2")
    let template = try simrun("template", "wechat-baseline")
    #expect(template.out.contains("\ngenerator: taus2  # GSL random number generator"))

    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mt.yaml")
    try template.out.replacingOccurrences(of: "\ngenerator: taus2", with: "\ngenerator: mt19937")
      .write(to: file, atomically: true, encoding: .utf8)
    let fromFile = try simrun(["run", file.path, "--format", "json"] + short)
    let fromSet = try simrun(["run", "wechat-baseline", "--set", "generator=mt19937", "--format", "json"] + short)
    #expect(fromFile.status == 0 && fromSet.status == 0, "\(fromFile.err) \(fromSet.err)")
    let a = try jsonObject(fromFile.out), b = try jsonObject(fromSet.out)
    #expect(a["generator"] as? String == "mt19937")
    func metrics(_ o: [String: Any]) throws -> NSDictionary {
      let phases = try #require(o["phases"] as? [[String: Any]])
      return try #require(phases.first?["metrics"] as? NSDictionary)
    }
    #expect(try metrics(a) == metrics(b), "the file and --set give the same run")
    let baselineTaus2 = try jsonObject(try simrun(["run", "wechat-baseline", "--format", "json"] + short).out)
    #expect(try metrics(a) != metrics(baselineTaus2), "another generator draws other numbers")
  }

  @Test("an unknown generator is a located error; scenarios with different generators are not run together")
  func refusals() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bad.yaml")
    let template = try simrun("template", "wechat-baseline").out
    try template.replacingOccurrences(of: "\ngenerator: taus2", with: "\ngenerator: mt1993")
      .write(to: file, atomically: true, encoding: .utf8)
    let bad = try simrun(["run", file.path] + short)
    #expect(bad.status == 64)
    let line = template.components(separatedBy: "\n").firstIndex { $0.hasPrefix("generator:") }! + 1
    #expect(bad.err.contains("bad.yaml:\(line):12: generator: expected one of mt19937, taus2, ranlxd2, ranlux389, found 'mt1993'; did you mean 'mt19937'?"), "\(bad.err)")

    let out = folder.appendingPathComponent("out")
    let mixed = try simrun(["compare", "wechat-baseline", "wechat-2024-04-quota", "--set", "generator=taus2",
                            "--out", out.path] + short)
    #expect(mixed.status == 0, "\(mixed.err)")
    let mt = folder.appendingPathComponent("mt.yaml")
    try template.replacingOccurrences(of: "\ngenerator: taus2", with: "\ngenerator: mt19937")
      .write(to: mt, atomically: true, encoding: .utf8)
    let refused = try simrun(["compare", mt.path, "wechat-2024-04-quota", "--out", folder.appendingPathComponent("x").path] + short)
    #expect(refused.status == 64)
    #expect(refused.err.contains("uses generator mt19937") && refused.err.contains("common random numbers only with one generator"), "\(refused.err)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path), "nothing written")
  }
}
