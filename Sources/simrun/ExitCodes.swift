import ArgumentParser

/// The exit codes simrun documents (docs/user-guide.md, "Exit codes").
enum SimRunExit {
  /// Everything ran and every check held.
  static let success = ExitCode(0)
  /// A check (self-test quantity or scenario expectation) failed.
  static let checkFailed = ExitCode(3)
  /// Invalid input or usage (ArgumentParser's own validation errors exit 64).
  static let invalidInput = ExitCode(64)
  /// An output file could not be written (disk full, permissions changed
  /// during the run); earlier files in the folder are left as they were.
  static let outputFailed = ExitCode(74)
  /// Stopped by Ctrl-C or SIGTERM before the results were complete.
  static let interrupted = ExitCode(130)
  /// An internal error: a bug.
  static let internalError = ExitCode(70)
}
