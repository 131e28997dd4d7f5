import PrivacyModel

/// One problem in a scenario file: `FILE:LINE:COL: KEY.PATH: message`.
struct ScenarioDiagnostic: Hashable, Sendable, CustomStringConvertible {
  let file: String
  let line: Int
  let column: Int
  let path: String
  let message: String

  /// A problem in a `--set` value: located by the option, not a line.
  init(override: Override, path: String, message: String) {
    self.init(file: override.description, line: 0, column: 0, path: path, message: message)
  }

  init(file: String, line: Int, column: Int, path: String, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
    self.message = message
  }

  var description: String {
    let location = line > 0 ? "\(file):\(line):\(column)" : file
    return Self.printable("\(location): \(path.isEmpty ? "(file)" : path): \(message)")
  }

  /// `text` with control characters (escape sequences included) shown as
  /// `\u{…}`, so input echoed in a message cannot drive the terminal.
  static func printable(_ text: String) -> String {
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
struct ScenarioFileError: Error, CustomStringConvertible {
  let diagnostics: [ScenarioDiagnostic]

  /// The most problems printed; the rest are counted ("… and N more"), so
  /// a file with a mistake on every line does not flood the terminal.
  static let shown = 50

  var description: String {
    var lines = diagnostics.prefix(Self.shown).map(\.description)
    if diagnostics.count > Self.shown {
      lines.append("… and \(diagnostics.count - Self.shown) more problems (fix these and run again)")
    }
    return lines.joined(separator: "\n")
  }
}

/// A validated scenario with the thresholds its file promises.
struct ScenarioDocument: Sendable {
  var scenario: Scenario
  var expectations: [Expectation]
  /// Where it came from: a file's path, or `built-in PHASE`.
  var source: String
}
