internal import Foundation

/// The non-blank lines of a JSON-lines text with their line numbers
/// (from 1), for messages that say FILE:LINE.
public enum JSONLines {
  public static func numbered(_ text: String) -> [(number: Int, line: Substring)] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { ($0.offset + 1, $0.element) }
  }
}
