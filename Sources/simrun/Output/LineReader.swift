import Foundation

/// A file of JSON lines named on the command line, or standard input for
/// `-` (`simrun exec`'s tasks, `simrun merge`'s results, a plan's store),
/// read one line at a time: memory holds one chunk and one line, however
/// long the file.
///
/// It is read as a stream with `read(2)`, so a FIFO, a process substitution
/// (`<(…)`) or a character device reads like a file, and no line may be
/// longer than ``maximumLineBytes``: a file without line breaks (a 300 MB
/// run of NUL bytes, `/dev/zero`) is refused at its first line instead of
/// being held in memory whole. Every refusal names the file (and line) and
/// exits 64.
final class LineReader {
  /// The longest line accepted, in bytes. A stored scenario is about
  /// 12 KB and a result with weekly series a few hundred KB; 16 MiB leaves
  /// room for scenarios with thousands of campaigns.
  static let maximumLineBytes = 16 << 20

  /// How messages name it: the path, or `<stdin>`.
  let name: String
  /// Whether it is standard input (which cannot be read twice).
  let isStandardInput: Bool
  private let what: String
  private let maximumLineBytes: Int
  private let fd: Int32
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)
  private var chunkStart = 0
  private var chunkEnd = 0
  private var line: [UInt8] = []
  private var lineNumber = 0
  private var finished = false

  /// Opens `path` (`-`: standard input); a file that cannot be read is
  /// reported with its real reason (`what`: "the tasks", …) and exits 64.
  init(_ path: String, what: String, maximumLineBytes: Int = LineReader.maximumLineBytes) throws {
    name = path == "-" ? "<stdin>" : path
    isStandardInput = path == "-"
    self.what = what
    self.maximumLineBytes = maximumLineBytes
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
  }

  deinit { if fd != STDIN_FILENO { close(fd) } }

  /// The next line that is not blank, with its number (from 1); `nil` at
  /// the end of the file.
  func next() throws -> (number: Int, line: String)? {
    while let (number, text) = try nextLine() {
      if text.contains(where: { !$0.isWhitespace }) { return (number, text) }
    }
    return nil
  }

  /// The next line, blank or not.
  private func nextLine() throws -> (Int, String)? {
    guard !finished else { return nil }
    line.removeAll(keepingCapacity: true)
    lineNumber += 1
    while true {
      if chunkStart == chunkEnd {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
          if errno == EINTR { continue }
          printError("simrun: \(name): cannot read \(what): \(String(cString: strerror(errno)))")
          throw SimRunExit.invalidInput
        }
        if n == 0 {
          finished = true
          return line.isEmpty ? nil : (lineNumber, String(decoding: line, as: UTF8.self))
        }
        chunkStart = 0
        chunkEnd = n
      }
      let end = chunk[chunkStart..<chunkEnd].firstIndex(of: UInt8(ascii: "\n"))
      let piece = chunk[chunkStart..<(end ?? chunkEnd)]
      guard line.count + piece.count <= maximumLineBytes else {
        printError("simrun: \(name):\(lineNumber): line longer than \(maximumLineBytes) bytes; \(what) are one JSON object per line, each far shorter")
        throw SimRunExit.invalidInput
      }
      line.append(contentsOf: piece)
      if let end {
        chunkStart = end + 1
        return (lineNumber, String(decoding: line, as: UTF8.self))
      }
      chunkStart = chunkEnd
    }
  }
}
