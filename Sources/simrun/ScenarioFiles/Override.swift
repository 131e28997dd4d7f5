import ArgumentParser

/// One `--set KEY.PATH=VALUE`: a YAML value that replaces (or adds) the
/// scenario's value at a key path before the scenario is validated, so an
/// override is checked exactly like the same key written in the file.
struct Override: Hashable, Sendable, CustomStringConvertible {
  /// The dotted key path, e.g. `merchants.daily_base_quota`.
  let path: String
  /// The value as typed: any YAML, e.g. `60`, `{exponential: {mean: 12}}`.
  let value: String
  /// The option it came from, for messages: `--set` or `--vary`.
  let option: String

  var description: String { "\(option) \(path)=\(value)" }

  /// The key path's parts.
  var keys: [Substring] { path.split(separator: ".", omittingEmptySubsequences: false) }

  /// Parses `KEY.PATH=VALUE`.
  init(parsing argument: String, option: String = "--set") throws {
    guard let equals = argument.firstIndex(of: "=") else {
      throw ValidationError("\(option) expects KEY.PATH=VALUE (e.g. merchants.daily_base_quota=60), found '\(argument)'.")
    }
    let path = String(argument[..<equals]).trimmingWhitespace
    let value = String(argument[argument.index(after: equals)...]).trimmingWhitespace
    let keyCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
    guard !path.isEmpty, path.split(separator: ".", omittingEmptySubsequences: false)
      .allSatisfy({ !$0.isEmpty && $0.allSatisfy(keyCharacters.contains) })
    else {
      throw ValidationError("\(option) expects a dotted key path of lower-case keys before '=' (see `simrun list keys`), found '\(path)'.")
    }
    guard !value.isEmpty else { throw ValidationError("\(option) \(path)= needs a value after '='.") }
    self.option = option
    self.path = path
    self.value = value
  }

  /// Whether a problem reported at `diagnosticPath` is about this override's value.
  func covers(_ diagnosticPath: String) -> Bool {
    diagnosticPath == path || diagnosticPath.hasPrefix(path + ".") || diagnosticPath.hasPrefix(path + "[")
  }
}

extension String {
  var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
