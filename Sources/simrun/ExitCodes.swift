import ArgumentParser

/// The exit codes simrun documents (README, "Exit codes").
enum SimRunExit {
  /// Everything ran and every check held.
  static let success = ExitCode(0)
  /// A check (self-test quantity or scenario expectation) failed.
  static let checkFailed = ExitCode(3)
  /// Invalid input or usage (ArgumentParser's own validation errors exit 64).
  static let invalidInput = ExitCode(64)
  /// An internal error: a bug.
  static let internalError = ExitCode(70)
}
