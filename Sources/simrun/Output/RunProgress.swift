import Foundation
import PrivacyModel
import Synchronization

/// Watches the replications of a command: stops them when Ctrl-C was
/// pressed and, on a terminal and without `--quiet`, draws a progress bar on
/// standard error — replications done, simulated time, events per second,
/// estimated time left. Redraws at most ten times a second.
final class RunProgress: RunMonitor {
  private struct State {
    var label = ""
    var replicationDaysDone = 0
    var replicationsDone = 0
    var events: UInt64 = 0
    var lastDraw: ContinuousClock.Instant?
  }

  private let state = Mutex(State())
  private let drawing: Bool
  private let started = ContinuousClock.now
  /// Replication-days of work expected over the whole command (the days after
  /// each scenario's end, while orders in flight finish, are estimated).
  private let expectedReplicationDays: Int
  private let totalReplications: Int
  /// What the bar counts (`replications`, `points`) and how many
  /// replications make one of them.
  private let unit: String
  private let replicationsPerUnit: Int

  /// - Parameters:
  ///   - scenarios: what will run, in order; `replications` each.
  ///   - quiet: no bar even on a terminal.
  ///   - unit: what the bar counts, `replicationsPerUnit` replications
  ///     each (an exploration counts points, each several runs).
  init(scenarios: some Collection<Scenario>, replications: Int, quiet: Bool, unit: String = "replications", replicationsPerUnit: Int = 1) {
    drawing = !quiet && Terminal.standardErrorIsTerminal
    expectedReplicationDays = scenarios.map { ($0.days + Self.drainDaysEstimate) * replications }.reduce(0, +)
    totalReplications = scenarios.count * replications
    self.unit = unit
    self.replicationsPerUnit = max(1, replicationsPerUnit)
  }

  /// Orders still in flight at a scenario's end take about this long to
  /// finish (marketing contacts come up to 60 days after completion).
  static let drainDaysEstimate = 70

  /// The scenario now running, shown beside the bar.
  func begin(_ label: String) {
    state.withLock { $0.label = label }
  }

  func replicationCompleted() {
    state.withLock { $0.replicationsDone += 1 }
  }

  func shouldContinue() -> Bool { !Interrupt.requested }

  func dayCompleted(events: UInt64) -> Bool {
    if Interrupt.requested { return false }
    guard drawing else { return true }
    let now = ContinuousClock.now
    let line: String? = state.withLock { s in
      s.replicationDaysDone += 1
      s.events &+= events
      if let last = s.lastDraw, now - last < .milliseconds(100) { return nil }
      s.lastDraw = now
      return render(s, now: now)
    }
    if let line { FileHandle.standardError.write(Data(line.utf8)) }
    return true
  }

  /// Clears the bar (call before printing results).
  func finish() {
    guard drawing else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }

  private func render(_ s: State, now: ContinuousClock.Instant) -> String {
    let elapsed = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) * 1e-18
    let fraction = min(0.99, Double(s.replicationDaysDone) / Double(max(1, expectedReplicationDays)))
    let rate = elapsed > 0 ? Double(s.events) / elapsed : 0
    let eta = fraction > 0.01 ? elapsed * (1 - fraction) / fraction : nil
    let width = Terminal.columns(of: STDERR_FILENO) ?? Terminal.outputWidth
    return "\r\u{1B}[2K" + Self.line(fraction: fraction, label: s.label, unit: unit, done: s.replicationsDone / replicationsPerUnit,
                                       total: totalReplications / replicationsPerUnit, simulatedDays: s.replicationDaysDone,
                                       eventsPerSecond: rate, secondsLeft: eta, width: width)
  }

  /// The bar's text, at most `width − 1` characters (a line as wide as the
  /// terminal would wrap and scroll on every redraw): the least useful
  /// parts are left out first, then the label is shortened.
  static func line(fraction: Double, label: String, unit: String = "replications", done: Int, total: Int, simulatedDays: Int,
                   eventsPerSecond: Double, secondsLeft: Double?, width: Int) -> String {
    let room = max(10, width - 1)
    let eta = "ETA " + (secondsLeft.map(clock) ?? "…")
    let optional = ["\(unit) \(done)/\(total)", eta,
                    "\(rate(eventsPerSecond)) events/s", "\(simulatedDays) simulated days"]
    func compose(barWidth: Int, label: String, parts: Int) -> String {
      let filled = Int(fraction * Double(barWidth))
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
      return ([bar + " \(Int(fraction * 100))%", label] + optional.prefix(parts)).filter { !$0.isEmpty }.joined(separator: "  ")
    }
    for parts in stride(from: optional.count, through: 0, by: -1) {
      for barWidth in [24, 12] {
        let text = compose(barWidth: barWidth, label: label, parts: parts)
        if text.count <= room { return text }
      }
    }
    // Still too wide: the label is cut to what is left.
    let fixed = compose(barWidth: 12, label: "", parts: 0).count + 2
    let left = room - fixed
    guard left >= 2 else { return String(compose(barWidth: 12, label: "", parts: 0).prefix(room)) }
    return compose(barWidth: 12, label: String(label.prefix(left - 1)) + "…", parts: 0)
  }

  static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
  }

  static func rate(_ value: Double) -> String {
    value >= 1e6 ? String(format: "%.1f M", value / 1e6) : value >= 1e3 ? String(format: "%.0f k", value / 1e3) : String(format: "%.0f", value)
  }
}
