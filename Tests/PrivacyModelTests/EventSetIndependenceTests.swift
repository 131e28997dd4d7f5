import Foundation
import PrivacyModel
import SimKernel
import Testing

/// The pending-event set is an implementation detail: every shipped scenario
/// gives byte-identical results on the default set (a heap while few events
/// are pending, a ladder queue once many are) and on a plain 8-ary heap,
/// whether run in one go or day by day with a monitor (which peeks past its
/// limits).
@Suite("Results do not depend on the event set")
struct EventSetIndependenceTests {
  /// Everything a replication reports, as JSON bytes.
  func bytes(_ r: ReplicationResult) throws -> Data {
    struct All: Encodable {
      let counts: ModelCounts
      let segments: [ModelCounts]
      let weekly: [[ModelCounts]]
      let events: UInt64
      let peak: Int
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try encoder.encode(All(counts: r.counts, segments: r.segments, weekly: r.weeklyByPlatform.sorted { "\($0.key)" < "\($1.key)" }.map(\.value),
                                  events: r.eventsExecuted, peak: r.peakOrdersInFlight))
  }

  final class DayCounter: RunMonitor, @unchecked Sendable {
    var days = 0
    func dayCompleted(events: UInt64) -> Bool {
      days += 1
      return true
    }
    func replicationCompleted() {}
    func shouldContinue() -> Bool { true }
  }

  func check(_ scenario: Scenario, replication: Int) throws {
    let heap = try ScenarioRunner.replicate(scenario, seed: 20_240_408, replication: replication, monitor: nil,
                                            on: OctonaryHeapEventSet<OrderEvent>.self)
    let adaptive = try ScenarioRunner.replicate(scenario, seed: 20_240_408, replication: replication, monitor: nil,
                                                on: DefaultEventSet<OrderEvent>.self)
    let ladder = try ScenarioRunner.replicate(scenario, seed: 20_240_408, replication: replication, monitor: nil,
                                              on: LadderEventSet<OrderEvent>.self)
    let monitor = DayCounter()
    let daily = try ScenarioRunner.replicate(scenario, seed: 20_240_408, replication: replication, monitor: monitor,
                                             on: DefaultEventSet<OrderEvent>.self)
    #expect(heap.peakOrdersInFlight > AdaptiveEventSet<OrderEvent>.ladderAbove, "the ladder is exercised")
    #expect(monitor.days >= scenario.days)
    let reference = try bytes(heap)
    #expect(try bytes(adaptive) == reference)
    #expect(try bytes(ladder) == reference)
    #expect(try bytes(daily) == reference)
  }

  @Test("each phase's own scenario (Scenarios/*.yaml: 60 days at 5,000 orders a day)", arguments: Phase.all)
  func phase(_ phase: Phase) throws {
    try check(Scenario(phase: phase), replication: 1)
  }

  @Test("the timeline from 2025-09 to 2026-02 (four switches), both platforms, weekly series kept")
  func timeline() throws {
    var s = Scenario.timeline(start: CivilDate(year: 2025, month: 9, day: 1)!, end: CivilDate(year: 2026, month: 2, day: 15)!)
    s.orders.ordersPerDay = 1_000
    #expect(s.recordsWeeklySeries)
    try check(s, replication: 0)
  }
}
