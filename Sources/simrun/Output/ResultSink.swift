import Foundation

/// Where `simrun exec` writes its results, one line at a time: standard
/// output (each line as it comes), or a file written beside its target and
/// renamed over it only when every line is there (``commit()``), so that
/// an interrupted or failed run leaves the previous file as it was.
///
/// Unchecked `Sendable`: ``StreamingRunner`` delivers from one thread at a
/// time.
final class ResultSink: @unchecked Sendable {
  private let output: String?
  private let temporary: String?
  private var fd: Int32
  private(set) var lines = 0

  init(output: String?) throws {
    self.output = output
    guard let output else {
      temporary = nil
      fd = STDOUT_FILENO
      return
    }
    do {
      try AtomicFile.makeFolder(URL(fileURLWithPath: output).deletingLastPathComponent().path)
    } catch {
      printError("simrun: \(error)")
      throw SimRunExit.outputFailed
    }
    let path = AtomicFile.temporaryPath(for: output)
    temporary = path
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      printError("simrun: cannot write \(output): \(String(cString: strerror(errno)))")
      throw SimRunExit.outputFailed
    }
  }

  /// Writes `line` (with its newline) whole.
  func write(_ line: String) throws {
    if let reason = AtomicFile.write(line, to: fd) {
      printError("simrun: cannot write \(output ?? "the results to standard output"): \(reason)")
      throw SimRunExit.outputFailed
    }
    lines += 1
  }

  /// Puts the file in place (flushed first); nothing to do for standard output.
  func commit() throws {
    guard let output, let temporary else { return }
    guard fsync(fd) == 0, close(fd) == 0, rename(temporary, output) == 0 else {
      printError("simrun: cannot write \(output): \(String(cString: strerror(errno)))")
      unlink(temporary)
      throw SimRunExit.outputFailed
    }
    fd = -1
  }

  /// Removes the unfinished file (standard output keeps the complete lines
  /// it was given).
  func abandon() {
    guard let temporary, fd >= 0 else { return }
    close(fd)
    fd = -1
    unlink(temporary)
  }

  /// What a stopped run left: for a message after "…; ".
  var stopped: String {
    output == nil ? "the results of the \(lines) tasks before it were written" : "nothing was written"
  }
}
