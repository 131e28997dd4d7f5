import ArgumentParser

/// The simulator's command-line entry point.
@main
struct SimRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simrun",
    abstract: "Discrete-event simulator of the order-privacy lifecycle.",
    discussion: """
      Runs order-privacy scenarios (decrypt quotas, virtual numbers, caller \
      registration) and reports courier reachability, merchant contact and \
      privacy exposure with confidence intervals.
      """,
    version: SimRunVersion.current,
    subcommands: [Run.self, Compare.self, Timeline.self, Sweep.self, Attribute.self, Explore.self, Calibrate.self, DesignCommand.self, Check.self, Plan.self, Exec.self, Merge.self, Validate.self, Template.self, List.self, SelfTest.self],
    defaultSubcommand: nil
  )

  /// Parses and runs like ArgumentParser's own `main()`, except that an
  /// unexpected error from a command (a bug, not bad input) exits with the
  /// documented internal-error code, 70, instead of 1.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    do {
      try command.run()
    } catch {
      // ArgumentParser's own errors (exit codes, validation, help requests
      // raised while running) keep their meaning; anything else is a bug.
      if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { exit(withError: error) }
      printError("simrun: internal error: \(error)")
      exit(withError: SimRunExit.internalError)
    }
  }
}

enum SimRunVersion {
  static let current = "0.2.0"
}
