// The order model's speed and memory, one replication per measurement,
// single-threaded:
//
//   model-throughput phases [ORDERS]   orders/s and events/s for every phase (default 1,000,000 orders)
//   model-throughput scaling PHASE     the same phase at 10⁴, 10⁵ and 10⁶ orders
//   model-throughput memory [ORDERS]   the timeline 2024-01-01 to 2027-01-01 (both platforms, all
//                                      eight phases switching on at their dates) with ORDERS orders
//                                      (default 10,000,000): peak resident memory and bytes per
//                                      order in flight
//
// Orders are spread over 60 days (the default scenario period) unless DAYS
// is given; the first 20 days warm up but are simulated all the same.

import Foundation
import PrivacyModel
import SimKernel

struct Measurement {
  let orders: Int
  let events: UInt64
  let seconds: Double
  let peakInFlight: Int
  let residentDelta: Int
}

/// Resident set size in bytes (Linux), or 0.
func resident() -> Int {
  guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
    let pages = Int(statm.split(separator: " ")[1])
  else { return 0 }
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Peak resident set size so far (VmHWM), in bytes.
func peakResident() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
  else { return 0 }
  return kb * 1024
}

func measure(_ phase: Phase, orders: Int, days: Int = 60) -> Measurement {
  measure(Scenario(phase: phase, days: days, warmupDays: min(20, days / 3)), orders: orders)
}

func measure(_ base: Scenario, orders: Int) -> Measurement {
  var scenario = base
  let days = scenario.days
  scenario.orders.ordersPerDay = Double(orders) / Double(days)
  let before = resident()
  let clock = ContinuousClock()
  let start = clock.now
  let r = ScenarioRunner.replicate(scenario, seed: 1, replication: 0)
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  // Orders simulated, warm-up included (counts hold only the measured ones).
  let simulated = Int(Double(r.counts.orders) * Double(days) / Double(days - scenario.warmupDays))
  return Measurement(orders: simulated, events: r.eventsExecuted, seconds: seconds,
                     peakInFlight: r.peakOrdersInFlight, residentDelta: max(0, peakResident() - before))
}

func row(_ name: String, _ m: Measurement) -> String {
  let ordersPerSecond = Double(m.orders) / m.seconds
  let eventsPerSecond = Double(m.events) / m.seconds
  return "| \(name) | \(m.orders) | \(m.events) | \(String(format: "%.2f", m.seconds)) | \(Int(ordersPerSecond)) | \(Int(eventsPerSecond)) | \(m.peakInFlight) |"
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first ?? "phases" {
case "phases":
  let orders = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
  print("| phase | orders | events | seconds | orders/s | events/s | peak in flight |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  for phase in Phase.all { print(row(phase.id, measure(phase, orders: orders))) }
case "defaults":
  // Each phase's own scenario, as in Scenarios/ (5,000 orders a day, 60 days).
  print("| phase (its scenario file's values) | orders | events | seconds | orders/s | events/s | peak in flight |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  for phase in Phase.all {
    let s = Scenario(phase: phase)
    print(row(phase.id, measure(s, orders: Int(s.orders.ordersPerDay) * s.days)))
  }
case "scaling":
  let phase = arguments.dropFirst().first.flatMap(Phase.named) ?? .wechatVirtualNumber
  // More orders over a longer period at the same daily rate: the orders in
  // flight stay the same, so the cost per order should not change.
  print("| \(phase.id), 2,000 orders a day, longer periods | orders | events | seconds | orders/s | events/s | peak in flight |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  for days in [6, 50, 500] {
    var s = Scenario(phase: phase, days: days, warmupDays: 1)
    s.orders.ordersPerDay = 2_000
    print(row("\(days) days", measure(s, orders: 2_000 * days)))
  }
  // More orders in the same 60 days: the orders in flight grow with them.
  print("")
  print("| \(phase.id), 60 days, higher daily rates | orders | events | seconds | orders/s | events/s | peak in flight |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  for orders in [10_000, 100_000, 1_000_000] { print(row("\(orders)", measure(phase, orders: orders))) }
case "memory":
  let orders = arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000_000
  let timeline = Scenario.timeline(end: CivilDate(year: 2027, month: 1, day: 1)!)
  let m = measure(timeline, orders: orders)
  print("| run | orders | events | seconds | orders/s | events/s | peak in flight |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  print(row("timeline 2024-01-01 → 2027-01-01 (\(timeline.days) days)", m))
  print("peak resident: \(peakResident() / 1_048_576) MiB")
  print("order record: \(MemoryLayout<OrderRecord>.stride) bytes; event: \(MemoryLayout<Event<OrderEvent>>.stride) bytes")
  print("resident bytes per order in flight (peak RSS growth / peak orders in flight): \(m.residentDelta / max(1, m.peakInFlight))")
default:
  print("usage: model-throughput phases [ORDERS] | defaults | scaling [PHASE] | memory [ORDERS]")
  exit(64)
}
