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
    subcommands: [Run.self, Compare.self, Timeline.self, Sweep.self, Check.self, Validate.self, Template.self, List.self, SelfTest.self],
    defaultSubcommand: nil
  )
}

enum SimRunVersion {
  static let current = "0.1.0"
}
