/// One problem in a scenario file: `FILE:LINE:COL: KEY.PATH: message`.
struct ScenarioDiagnostic: Hashable, Sendable, CustomStringConvertible {
  let file: String
  let line: Int
  let column: Int
  let path: String
  let message: String

  var description: String { "\(file):\(line):\(column): \(path.isEmpty ? "(file)" : path): \(message)" }
}

/// Everything wrong with a scenario file, reported together.
struct ScenarioFileError: Error, CustomStringConvertible {
  let diagnostics: [ScenarioDiagnostic]
  var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
