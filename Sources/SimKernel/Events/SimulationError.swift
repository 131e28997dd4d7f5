/// Errors a simulation reports instead of crashing.
public enum SimulationError: Error, Hashable, Sendable {
  /// An event was scheduled before the current simulated time.
  case scheduledInThePast(requested: SimTime, now: SimTime)
}

extension SimulationError: CustomStringConvertible {
  public var description: String {
    switch self {
    case let .scheduledInThePast(requested, now):
      "an event was scheduled at \(requested.milliseconds) ms, before the current time \(now.milliseconds) ms"
    }
  }
}
