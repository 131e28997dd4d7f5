/// A malformed `KEY.PATH=VALUE`.
public struct OverrideError: Error, CustomStringConvertible, Sendable {
  public let description: String

  /// Control characters of the argument (an ESC that would drive the
  /// terminal) are shown escaped, as in every other message.
  public init(description: String) {
    self.description = ScenarioDiagnostic.printable(description)
  }
}

/// One `--set KEY.PATH=VALUE`: a YAML value that replaces (or adds) the
/// scenario's value at a key path before the scenario is validated, so an
/// override is checked exactly like the same key written in the file.
public struct Override: Hashable, Sendable, CustomStringConvertible {
  /// The dotted key path, e.g. `merchants.daily_base_quota`.
  public let path: String
  /// The value as typed: any YAML, e.g. `60`, `{exponential: {mean: 12}}`.
  public let value: String
  /// The option it came from, for messages: `--set` or `--vary`.
  public let option: String

  public var description: String { "\(option) \(path)=\(value)" }

  /// The key path's parts.
  public var keys: [Substring] { path.split(separator: ".", omittingEmptySubsequences: false) }

  /// Parses `KEY.PATH=VALUE`.
  public init(parsing argument: String, option: String = "--set") throws {
    guard let equals = argument.firstIndex(of: "=") else {
      throw OverrideError(description: "\(option) expects KEY.PATH=VALUE (e.g. merchants.daily_base_quota=60), found '\(argument)'.")
    }
    let path = String(argument[..<equals]).trimmingWhitespace
    let value = String(argument[argument.index(after: equals)...]).trimmingWhitespace
    let keyCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
    guard !path.isEmpty, path.split(separator: ".", omittingEmptySubsequences: false)
      .allSatisfy({ !$0.isEmpty && $0.allSatisfy(keyCharacters.contains) })
    else {
      throw OverrideError(description: "\(option) expects a dotted key path of lower-case keys before '=' (see `simrun list keys`), found '\(path)'.")
    }
    guard !value.isEmpty else { throw OverrideError(description: "\(option) \(path)= needs a value after '='.") }
    self.option = option
    self.path = path
    self.value = value
  }

  /// Whether a problem reported at `diagnosticPath` is about this override's value.
  public func covers(_ diagnosticPath: String) -> Bool {
    diagnosticPath == path || diagnosticPath.hasPrefix(path + ".") || diagnosticPath.hasPrefix(path + "[")
  }
}

extension String {
  public var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
