/// A model driven by a ``Simulation``: it receives each event's payload when
/// the event fires and reacts by scheduling or cancelling further events.
///
/// Payloads are small values, typically an enum, so firing an event allocates
/// nothing: there is no closure or class instance per event.
public protocol SimulationModel {
  /// What an event carries.
  associatedtype Payload

  /// Handles one event. `simulation.now` is the event's time.
  mutating func handle<Events: EventSet<Payload>>(
    _ payload: Payload, in simulation: inout Simulation<Events>
  ) throws(SimulationError)
}
