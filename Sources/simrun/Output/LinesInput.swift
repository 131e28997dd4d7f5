import Foundation

/// A file of JSON lines named on the command line, or standard input for
/// `-` (`simrun exec`'s tasks, `simrun merge`'s results).
struct LinesInput {
  /// How messages name it: the path, or `<stdin>`.
  let name: String
  let text: String

  /// Reads `path` (`-`: standard input); a file that cannot be read is
  /// reported (`what`: "the tasks", …) and exits 64.
  init(_ path: String, what: String) throws {
    name = path == "-" ? "<stdin>" : path
    do {
      text = path == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                         : try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      printError("simrun: \(path): cannot read \(what): \(error.localizedDescription)")
      throw SimRunExit.invalidInput
    }
  }
}
