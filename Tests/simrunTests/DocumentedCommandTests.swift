import Foundation
import Testing

/// Every `simrun` command line printed in a `--help` (its "Examples:") or in
/// the shell blocks of the README and docs/ runs as written — shortened to 5 simulated
/// days and 2 replications (and an exploration to 4 samples) so the suite
/// stays fast — in a scratch folder holding `Scenarios/`, `examples/` and the user files
/// the examples name.
@Suite("Documented command lines")
struct DocumentedCommandTests {
  static let subcommands = ["run", "compare", "timeline", "sweep", "attribute", "explore", "calibrate", "design", "check", "plan", "exec", "merge", "validate", "template", "list", "selftest"]
  static let running = ["run", "compare", "timeline", "sweep", "attribute", "explore", "check"]

  /// The example lines of `simrun SUB --help` (wide, so none wraps).
  static func helpExamples() throws -> [String] {
    var commands: [String] = []
    for sub in subcommands {
      let process = Process()
      process.executableURL = simrunBinary
      process.arguments = [sub, "--help"]
      process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "400"]) { $1 }
      let out = Pipe()
      process.standardOutput = out
      try process.run()
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      guard let examples = text.range(of: "Examples:") else { continue }
      for line in text[examples.upperBound...].split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("simrun ") { commands.append(trimmed) } else if !trimmed.isEmpty { break }
      }
    }
    return commands
  }

  /// The `simrun` lines of the ```sh blocks of the README and of docs/.
  static func readmeCommands() throws -> [String] {
    let docs = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)
      .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    let readme = try (["README.md"] + docs).map {
      try String(contentsOf: repository.appendingPathComponent($0), encoding: .utf8)
    }.joined(separator: "\n")
    var commands: [String] = []
    var inShell = false
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") { inShell = line == "```sh"; continue }
      if inShell && line.hasPrefix("simrun ") { commands.append(String(line)) }
    }
    return commands
  }

  /// `command` without its comment, with the short-run options inserted
  /// before any redirection.
  static func shortened(_ command: String) -> String {
    var line = command
    if let hash = line.range(of: " #") { line = String(line[..<hash.lowerBound]) }
    line = line.trimmingCharacters(in: .whitespaces)
    let words = line.split(separator: " ")
    guard words.count > 1, running.contains(String(words[1])) else { return line }
    // An exploration also runs a small design (4 base samples, trajectories or points).
    let quick = " --days 5 --replications 2 --quiet" + (words[1] == "explore" ? " --samples 4" : "")
    if let redirect = line.range(of: " >") { return String(line[..<redirect.lowerBound]) + quick + String(line[redirect.lowerBound...]) }
    return line + quick
  }

  @Test("the --help examples and the README's simrun lines are found, for every subcommand `simrun --help` lists")
  func found() throws {
    let help = try simrun("--help").out
    let listed = help.components(separatedBy: "SUBCOMMANDS:").last!.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
      return line.split(separator: " ").first.map(String.init)
    }.filter { $0 != "See" }
    #expect(listed == Self.subcommands, "every subcommand's examples are run")
    #expect(try Self.helpExamples().count >= 20)
    #expect(try Self.readmeCommands().count >= 7)
  }

  @Test("each documented command line runs as written")
  func allRun() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("simrun-docs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for folder in ["Scenarios", "examples"] {
      try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(folder),
                                                 withDestinationURL: repository.appendingPathComponent(folder))
    }
    // The user files the examples edit or read.
    for (name, source) in [("my-scenario.yaml", "wechat-2025-10-virtual-number"), ("my.yaml", "wechat-2025-10-virtual-number"),
                           ("my-timeline.yaml", "timeline")] {
      try simrun("template", source).out.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let path = simrunBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    for command in try Self.helpExamples() + Self.readmeCommands() {
      let line = Self.shortened(command)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", line]
      process.currentDirectoryURL = dir
      process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { $1 }
      let err = Pipe()
      process.standardError = err
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      // `check` exits 3 when a threshold fails on so short a run; that is its documented answer.
      let ok = process.terminationStatus == 0 || (line.hasPrefix("simrun check") && process.terminationStatus == 3)
      #expect(ok, "\(line) → exit \(process.terminationStatus): \(message.prefix(500))")
    }
  }
}
