import Yams

extension ScenarioFile {
  /// What a YAML syntax error says, located: a duplicate key at its second
  /// occurrence (Yams marks the first), anything else where Yams stopped.
  /// For every YAML file simrun reads (scenarios, calibration targets).
  static func syntaxDiagnostics(_ error: YamlError, text: String, file: String) -> [ScenarioDiagnostic] {
    var diagnostics: [ScenarioDiagnostic] = []
    switch error {
    case let .duplicatedKeysInMapping(duplicates, context):
      // Yams marks the first occurrence; the reader needs the second, and
      // no dump of the file.
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for key in duplicates {
        var seen: [(line: Int, column: Int)] = []
        for (i, line) in lines.enumerated() {
          var rest = Substring(line)
          var column = 1
          while let first = rest.first, first == " " || first == "-" { rest = rest.dropFirst(); column += 1 }
          if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
            if context.mark.column == 0 || column == context.mark.column { seen.append((i + 1, column)) }
          }
        }
        let first = seen.first { $0.line >= context.mark.line } ?? seen.first
        let second = seen.first { first != nil && $0.line > first!.line }
        diagnostics.append(ScenarioDiagnostic(
          file: file, line: second?.line ?? max(1, context.mark.line), column: second?.column ?? max(1, context.mark.column),
          path: key, message: "duplicate key '\(key)'" + (first.map { " (first given on line \($0.line))" } ?? "")))
      }
    case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
      diagnostics.append(ScenarioDiagnostic(file: file, line: mark.line, column: mark.column, path: "",
                                            message: "YAML syntax: \(problem)"))
    default:
      diagnostics.append(ScenarioDiagnostic(file: file, line: 1, column: 1, path: "", message: "YAML: \(error)"))
    }
    return diagnostics
  }
}
