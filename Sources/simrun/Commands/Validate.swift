import ScenarioFormat
import ArgumentParser
import Foundation
import PrivacyModel

/// `simrun validate FILE…`: check scenario files without running them.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files; report every problem as FILE:LINE:COL: KEY.PATH: message.",
    discussion: """
      Exits 0 when every file is valid, 64 when any is not (all problems of all \
      files are listed first).

      Examples:
        simrun validate Scenarios/*.yaml
        simrun validate my-scenario.yaml
      """)

  @Argument(help: "Scenario files (YAML).")
  var files: [String]

  func run() throws {
    var failed = false
    for file in files {
      do {
        let document = try ScenarioFile.load(file)
        let s = document.scenario
        let expectations = document.expectations.isEmpty ? "" : ", \(document.expectations.count) expectations"
        let phases = s.schedule.map(\.phase.id)
        // The scenario's name, then its phases unless the name is its one phase.
        let named = phases == [s.name] ? s.name : "\(s.name) (\(phases.count == 1 ? "phase" : "phases") \(phases.joined(separator: ", ")))"
        let levers = document.levers.isEmpty ? "" : "; levers: " + document.levers.map { "\($0.path) \($0.valuesText)" }.joined(separator: ", ")
        print(RunReport.paragraph("\(file): ok — \(named), \(s.days) days\(expectations)\(levers)", width: Terminal.outputWidth))
      } catch {
        failed = true
        printError(error.description)
      }
    }
    if failed { throw SimRunExit.invalidInput }
  }
}

/// `simrun template`: a scenario file with every default and its source.
struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a scenario file for a phase (or the timeline) with every default and its source.",
    discussion: """
      Examples:
        simrun template wechat-2025-10-virtual-number > my-scenario.yaml
        simrun template timeline
      """)

  @Argument(help: "A phase id, or `timeline` for the 2024–2026 timeline.")
  var phase: String

  func validate() throws {
    if let message = ScenarioSources.unknownArgumentMessage(phase, allowTimeline: true, allowFiles: false) {
      throw ValidationError(message)
    }
  }

  func run() {
    print(ScenarioTemplate.yaml(ScenarioSources.builtIn(phase)!), terminator: "")
  }
}

/// Writes to standard error.
func printError(_ text: String) {
  var stderr = StandardError()
  print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
