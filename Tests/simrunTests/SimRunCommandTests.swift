import Foundation
import Testing

/// Runs the built `simrun` binary (it sits beside the test bundle) and
/// returns its exit status, standard output and standard error.
func simrun(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
  try simrun(arguments)
}

/// The built `simrun` binary, beside the test bundle.
let simrunBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("simrun")

/// Runs `simrun` with `arguments`, in `directory` when given, with the
/// environment changed by `environment` (a `nil` value removes a variable).
func simrun(_ arguments: [String], in directory: URL? = nil,
            environment: [String: String?] = [:]) throws -> (status: Int32, out: String, err: String) {
  let process = Process()
  process.executableURL = simrunBinary
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  if !environment.isEmpty {
    var variables = ProcessInfo.processInfo.environment
    for (name, value) in environment { variables[name] = value }
    process.environment = variables
  }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

@Suite("simrun, end to end")
struct SimRunCommandTests {
  @Test("--version and --help answer and exit 0")
  func versionAndHelp() throws {
    let version = try simrun("--version")
    #expect(version.status == 0)
    #expect(version.out.contains("0."))
    let help = try simrun("compare", "--help")
    #expect(help.status == 0)
    #expect(help.out.contains("Examples:"))
  }

  @Test("list names every phase, rule and metric")
  func list() throws {
    let r = try simrun("list")
    #expect(r.status == 0)
    for id in ["wechat-baseline", "taobao-700-full", "R-D2", "R-G3", "R-W8", "courier_reach_per_attempt", "suspensions", "S4"] {
      #expect(r.out.contains(id), "\(id)")
    }
  }

  @Test("compare prints every metric for each phase and the paired differences")
  func compare() throws {
    let r = try simrun("compare", "wechat-2025-08-necessary", "wechat-2025-10-virtual-number", "--metrics", "all",
                       "--replications", "2", "--days", "14", "--set", "orders.orders_per_day=300")
    #expect(r.status == 0, "\(r.err)")
    for metric in ["courier_reach_per_attempt", "real_number_exposures_per_1000", "calls_blocked_unverified"] {
      #expect(r.out.contains(metric))
    }
    #expect(r.out.contains("paired differences from wechat-2025-08-necessary"))
  }

  @Test("same seed ⇒ same output, whatever the thread count")
  func deterministic() throws {
    let args = ["compare", "taobao-11plus4", "taobao-700-full", "--replications", "3", "--days", "14", "--set", "orders.orders_per_day=300"]
    let one = try simrun(args + ["--threads", "1"])
    let two = try simrun(args + ["--threads", "2"])
    #expect(one.status == 0 && two.status == 0)
    #expect(one.out == two.out)
  }

  @Test("an unknown phase is a usage error (exit 64) with a suggestion")
  func unknownPhase() throws {
    let r = try simrun("compare", "wechat-2025-10-virtual-numbr")
    #expect(r.status == 64)
    #expect(r.err.contains("unknown phase 'wechat-2025-10-virtual-numbr'"))
    #expect(r.err.contains("Did you mean 'wechat-2025-10-virtual-number'?"))
  }

  @Test("invalid options are usage errors (exit 64)")
  func invalidOptions() throws {
    #expect(try simrun("selftest", "--replications", "1").status == 64)
    #expect(try simrun("compare", "--threads", "0").status == 64)
    #expect(try simrun("compare", "--days", "1").status == 64)
    #expect(try simrun("compare", "--set", "orders.orders_per_day").status == 64)
    #expect(try simrun("run", "wechat-baseline", "--format", "yaml").status == 64)
  }
}

@Suite("README")
struct ReadmeTests {
  @Test("scripts/rule-effects.py, which measures docs/model.md's rule-effect table, runs a row and prints it")
  func ruleEffectsScript() throws {
    let (status, text, _) = try Self.script(["scripts/rule-effects.py", "9"])
    #expect(status == 0)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 3, "\(text)")
    #expect(lines.last?.hasPrefix("| R-D6 | `taobao-11plus4` |") == true)
    // Switching R-D6 off removes every OAID decrypt call.
    #expect(lines.last?.contains("`oaid_decrypt_calls_per_1000` -") == true, "\(text)")
  }

  @Test("docs/reference.md's metric and key tables are what `simrun list … --markdown` writes now")
  func tablesMatchTheCode() throws {
    let readme = try String(contentsOf: repository.appendingPathComponent("docs/reference.md"), encoding: .utf8)
    for section in ["metrics", "keys"] {
      let table = try simrun("list", section, "--markdown")
      #expect(table.status == 0)
      #expect(readme.contains(table.out.trimmingCharacters(in: .newlines)),
              "regenerate the table with: ./scripts/regenerate.sh")
    }
  }

  @Test("the README's three answers are what their commands print (scripts/readme-answers.py --check)")
  func answers() throws {
    let (status, _, message) = try Self.script(["scripts/readme-answers.py", "--check"])
    #expect(status == 0, "\(message)")
  }

  /// Runs a Python script of the repository with `SIMRUN` set to the built
  /// binary: its exit status, standard output and standard error.
  static func script(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.currentDirectoryURL = repository
    process.environment = ProcessInfo.processInfo.environment.merging(["SIMRUN": simrunBinary.path]) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Standard error is small; standard output is read to its end first.
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text, message)
  }

  @Test("the README is short (at most 250 lines) and every relative link in it and in docs/ resolves")
  func shortAndLinked() throws {
    let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 250)
    let docs = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)
      .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
    #expect(docs.count >= 8)
    for file in ["README.md"] + docs {
      let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
      let folder = repository.appendingPathComponent(file).deletingLastPathComponent()
      for match in text.matches(of: /\]\(([^)#:]+)(#[^)]*)?\)/) {
        let target = folder.appendingPathComponent(String(match.1)).standardized.path
        #expect(FileManager.default.fileExists(atPath: target), "\(file): link to \(match.1) does not resolve")
      }
    }
  }
}
