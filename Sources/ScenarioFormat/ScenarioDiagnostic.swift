public import PrivacyModel

/// One problem in a scenario file: `FILE:LINE:COL: KEY.PATH: message`.
public struct ScenarioDiagnostic: Hashable, Sendable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let column: Int
  public let path: String
  public let message: String

  /// A problem in a `--set` value: located by the option, not a line.
  public init(override: Override, path: String, message: String) {
    self.init(file: override.description, line: 0, column: 0, path: path, message: message)
  }

  public init(file: String, line: Int, column: Int, path: String, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
    self.message = message
  }

  public var description: String {
    let location = line > 0 ? "\(file):\(line):\(column)" : file
    return Self.printable("\(location): \(path.isEmpty ? "(file)" : path): \(message)")
  }

  /// `text` with control characters (escape sequences included) shown as
  /// `\u{…}`, so input echoed in a message cannot drive the terminal.
  public static func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control && scalar != "\n" {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// Everything wrong with a scenario file, reported together.
public struct ScenarioFileError: Error, CustomStringConvertible {
  public let diagnostics: [ScenarioDiagnostic]

  public init(diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

  /// The most problems printed; the rest are counted ("… and N more"), so
  /// a file with a mistake on every line does not flood the terminal.
  public static let shown = 50

  public var description: String {
    var lines = diagnostics.prefix(Self.shown).map(\.description)
    if diagnostics.count > Self.shown {
      lines.append("… and \(diagnostics.count - Self.shown) more problems (fix these and run again)")
    }
    return lines.joined(separator: "\n")
  }
}

/// A validated scenario with the thresholds its file promises.
public struct ScenarioDocument: Sendable {
  public var scenario: Scenario
  public var expectations: [Expectation]
  /// Where it came from: a file's path, or `built-in PHASE`.
  public var source: String
  /// The keys an exploration varies (`uncertain:`), empty when none.
  public var uncertainties: [ScenarioUncertainty] = []
  /// The rule parameters a design may set (`levers:`), empty when none.
  public var levers: [ScenarioLever] = []
  /// A design's objectives (`objectives:`) and constraints (`constraints:`).
  public var objectives: [ScenarioObjective] = []
  public var constraints: [Expectation] = []
}
