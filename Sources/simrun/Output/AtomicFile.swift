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
    try writeAll([(path, text)])
  }

  /// Writes every file, all or nothing: each to a temporary file beside its
  /// target first (flushed to disk); only when all of them are written are
  /// they renamed over their targets. If any write fails, every temporary
  /// file is removed and no target changes (a full disk leaves the previous
  /// files as they were).
  static func writeAll(_ files: [(path: String, text: String)]) throws(WriteError) {
    var temporaries: [String] = []
    for (path, text) in files {
      do {
        try refuseNonRegular(path)
        temporaries.append(try writeTemporary(text, for: path))
      } catch {
        for t in temporaries { unlink(t) }
        throw error
      }
    }
    for (temporary, file) in zip(temporaries, files) where rename(temporary, file.path) != 0 {
      let reason = String(cString: strerror(errno))
      for t in temporaries { unlink(t) }
      throw WriteError(path: file.path, reason: reason)
    }
  }

  /// Refuses to replace anything but a regular file (a device node, a
  /// folder, a pipe): `--junit /dev/null` must not replace the device.
  static func refuseNonRegular(_ path: String) throws(WriteError) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }  // nothing there yet
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG || type == S_IFLNK else {
      throw WriteError(path: path, reason: "it exists and is not a regular file; refusing to replace it")
    }
  }

  /// Checks, before anything runs, that a file (or a folder, for `--out`)
  /// could be created at `path`: nothing but a regular file is there, and
  /// the nearest existing ancestor is a writable folder (missing folders
  /// are created when writing).
  static func checkTarget(_ path: String) throws(WriteError) {
    try refuseNonRegular(path)
    var parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: parent.path) { parent = parent.deletingLastPathComponent() }
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder)
    guard isFolder.boolValue else { throw WriteError(path: path, reason: "\(parent.path) is a file, not a folder") }
    guard access(parent.path, W_OK) == 0 else { throw WriteError(path: path, reason: "\(parent.path) is not writable") }
  }

  /// The temporary file beside `path` that is renamed over it.
  static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
  }

  /// Writes all of `text` to `fd` (retrying partial and interrupted
  /// writes); returns the reason when it cannot.
  static func write(_ text: String, to fd: Int32) -> String? {
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      written += n
    }
    return nil
  }

  /// Writes `text` to a fresh temporary file beside `path`, flushed; returns its path.
  private static func writeTemporary(_ text: String, for path: String) throws(WriteError) -> String {
    let temporary = temporaryPath(for: path)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    if let reason = write(text, to: fd) {
      close(fd)
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    guard fsync(fd) == 0, close(fd) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    return temporary
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
