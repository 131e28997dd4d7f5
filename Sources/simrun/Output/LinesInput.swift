import Foundation

/// A file of JSON lines named on the command line, or standard input for
/// `-` (`simrun exec`'s tasks, `simrun merge`'s results).
///
/// It is read as a stream with `read(2)`, so a FIFO, a process substitution
/// (`<(…)`) or a character device reads like a file, and no line may be
/// longer than ``maximumLineBytes``: a file without line breaks (a 300 MB
/// run of NUL bytes, `/dev/zero`) is refused at its first line instead of
/// being held in memory whole.
struct LinesInput {
  /// The longest line accepted, in bytes. A task carries its scenario's
  /// YAML (about 11 KB) and a result its counts (about 20 KB); 16 MiB
  /// leaves room for scenarios with thousands of campaigns.
  static let maximumLineBytes = 16 << 20

  /// How messages name it: the path, or `<stdin>`.
  let name: String
  let text: String

  /// Reads `path` (`-`: standard input); a file that cannot be read, or
  /// that has a line over the limit, is reported with its real reason
  /// (`what`: "the tasks", …) and exits 64.
  init(_ path: String, what: String, maximumLineBytes: Int = LinesInput.maximumLineBytes) throws {
    name = path == "-" ? "<stdin>" : path
    let fd: Int32
    if path == "-" {
      fd = STDIN_FILENO
    } else {
      fd = open(path, O_RDONLY)
      guard fd >= 0 else {
        printError("simrun: \(path): cannot read \(what): \(String(cString: strerror(errno)))")
        throw SimRunExit.invalidInput
      }
      var info = stat()
      if fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
        close(fd)
        printError("simrun: \(path): cannot read \(what): it is a folder, not a file")
        throw SimRunExit.invalidInput
      }
    }
    defer { if fd != STDIN_FILENO { close(fd) } }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var lineNumber = 1
    var lineLength = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        printError("simrun: \(name): cannot read \(what): \(String(cString: strerror(errno)))")
        throw SimRunExit.invalidInput
      }
      if n == 0 { break }
      for byte in chunk[0..<n] {
        if byte == UInt8(ascii: "\n") {
          lineNumber += 1
          lineLength = 0
        } else {
          lineLength += 1
          if lineLength > maximumLineBytes {
            printError("simrun: \(name):\(lineNumber): line longer than \(maximumLineBytes) bytes; \(what) are one JSON object per line, each far shorter")
            throw SimRunExit.invalidInput
          }
        }
      }
      bytes.append(contentsOf: chunk[0..<n])
    }
    text = String(decoding: bytes, as: UTF8.self)
  }
}
