import Foundation

/// Writes files so that readers (and an interrupted run) only ever see the
/// previous complete file or the new complete file: the bytes go to a
/// temporary file in the same folder, are flushed to disk, and the temporary
/// file is renamed over the target (`rename(2)` is atomic within a file
/// system).
enum AtomicFile {
  struct WriteError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write \(path): \(reason)" }
  }

  static func write(_ text: String, to path: String) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    var bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Foundation.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        let reason = String(cString: strerror(errno))
        close(fd)
        unlink(temporary)
        throw WriteError(path: path, reason: reason)
      }
      written += n
    }
    bytes.removeAll()
    guard fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Creates `path` (and its parents) as a folder if it does not exist.
  static func makeFolder(_ path: String) throws(WriteError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: path, reason: error.localizedDescription)
    }
  }
}
