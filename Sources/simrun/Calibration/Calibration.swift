import Analysis
import Foundation
import PrivacyModel
import ScenarioFormat

/// History matching of a scenario's uncertain keys to observed figures
/// (`simrun calibrate`): waves of runs, a Gaussian-process emulator per
/// target, implausibility cut-offs, and the non-implausible space that is
/// left (Vernon, Goldstein & Bower 2010; Andrianakis et al. 2015). The
/// emulators, designs and implausibility are domain-free (`Analysis`); this
/// type runs the model and decides when to stop.
struct Calibration {
  /// What the command asked for.
  struct Settings {
    let keys: [ScenarioUncertainty]
    /// The scenarios the targets were observed in (the first: the base).
    let scenarios: [Scenario]
    let scenarioNames: [String]
    let targets: [CalibrationTarget]
    /// Per target: the index of its scenario in ``scenarios``.
    let targetScenario: [Int]
    /// Per target with a window: the weeks of its scenario's weekly series
    /// it pools (empty for a whole-run target).
    let windowWeeks: [[Int]]
    let runsPerWave: Int
    let replications: Int
    let waves: Int
    /// Run every wave even when the space stops shrinking or the emulators
    /// are already precise (`--all-waves`).
    let allWaves: Bool
    let candidates: Int
    let cutoff: Double
    let seed: UInt64
    let threads: Int?
    let quiet: Bool
  }

  /// Why the waves stopped.
  enum Stop: Equatable {
    case waves(Int)
    case empty
    case stoppedShrinking(kept: Double)
    case emulatorsPrecise
    case tooFewPoints(Int)

    var text: String {
      switch self {
      case .waves(let n): "the \(n) waves asked for (--waves) were run"
      case .empty: "no point of the assumed ranges is consistent with every target"
      case .stoppedShrinking(let kept):
        "the space stopped shrinking (the last wave kept \(Int((kept * 100).rounded()))% of the space before it)"
      case .emulatorsPrecise: "the emulators became more certain than the other uncertainties, so more runs would not narrow the space"
      case .tooFewPoints(let n): "only \(n) non-implausible points were found, too few for another wave"
      }
    }
  }

  /// An emulator that could not be fitted, or whose leave-one-out check
  /// fails: the calibration stops.
  struct EmulatorCheckFailed: Error {
    let wave: Int
    let target: CalibrationTarget
    /// The share of runs beyond 3 standard deviations; `nil` when the fit
    /// itself failed (``reason``).
    let outside: Double?
    var reason = ""
  }

  /// The share of runs a target's leave-one-out errors may leave beyond ±3
  /// standard deviations before its emulator is not trusted.
  static let leaveOneOutTolerance = 0.1
  /// The fewest non-implausible points a further wave runs on.
  static let minimumWaveRuns = 8

  let settings: Settings
  private(set) var waves: [CalibrationWave] = []
  private(set) var stop: Stop = .waves(0)

  init(settings: Settings) { self.settings = settings }

  /// The factors that map unit coordinates to the keys' values.
  var factors: [Factor] { settings.keys.map(ExplorationDesign.factor) }

  /// Runs the waves.
  mutating func run() throws {
    let s = settings
    let d = s.keys.count
    var space: NonImplausibleSample?
    for w in 1...s.waves {
      let points: [[Double]]
      if let space {
        points = space.spread(s.runsPerWave)
        if points.count < Self.minimumWaveRuns {
          stop = .tooFewPoints(points.count)
          return
        }
      } else {
        points = LatinHypercube.sample(count: s.runsPerWave, dimension: d, stream: AnalysisStream(seed: s.seed, purpose: .latinHypercube))
      }
      let values = points.map { u in zip(factors, u).map { $0.value(at: $1) } }
      let (outputs, stochastic) = try simulate(values, wave: w)
      var emulators: [GaussianProcessEmulator] = []
      var outside: [Double] = []
      for (t, target) in s.targets.enumerated() {
        let emulator: GaussianProcessEmulator
        do {
          emulator = try GaussianProcessEmulator(inputs: points, outputs: outputs[t],
                                                 noiseVariance: points.map { _ in stochastic[t] })
        } catch {
          throw EmulatorCheckFailed(wave: w, target: target, outside: nil, reason: error.description)
        }
        let share = emulator.leaveOneOutShare(beyond: 3, outputs: outputs[t])
        if share > Self.leaveOneOutTolerance { throw EmulatorCheckFailed(wave: w, target: target, outside: share) }
        emulators.append(emulator)
        outside.append(share)
      }
      // The previous wave's emulators judged on runs they did not see.
      let heldOut = waves.last.map { previous in
        s.targets.indices.map { t in
          let within = points.indices.filter { i in
            let p = previous.match.emulators[t].predict(points[i])
            return abs(outputs[t][i] - p.mean) <= 3 * (p.variance + previous.stochasticVariance[t]).squareRoot()
          }
          return Double(within.count) / Double(points.count)
        }
      }
      let match = HistoryMatchingWave(
        emulators: emulators,
        targets: s.targets.map { HistoryMatchTarget(observed: $0.observed, observationVariance: $0.observationSD * $0.observationSD,
                                                     discrepancyVariance: $0.discrepancySD * $0.discrepancySD) },
        stochasticVariance: stochastic, cutoff: s.cutoff)
      let next = NonImplausibleSample(waves: waves.map(\.match) + [match], dimension: d, previous: space,
                                      candidates: s.candidates, skip: w * s.candidates)
      waves.append(CalibrationWave(number: w, points: points, values: values, outputs: outputs, stochasticVariance: stochastic,
                                   match: match, leaveOneOutOutside: outside, heldOutWithin: heldOut, space: next))
      let before = space?.shareOfCube ?? 1
      space = next
      if next.points.isEmpty {
        stop = .empty
        return
      }
      if !s.allWaves && w > 1 && next.shareOfCube >= 0.9 * before {
        stop = .stoppedShrinking(kept: next.shareOfCube / before)
        return
      }
      if !s.allWaves && w < s.waves && emulatorsPrecise(match, next) {
        stop = .emulatorsPrecise
        return
      }
      stop = .waves(w)
    }
  }

  /// Whether, over the non-implausible points, every target's emulator
  /// variance is below the sum of its other variances on average.
  private func emulatorsPrecise(_ match: HistoryMatchingWave, _ space: NonImplausibleSample) -> Bool {
    let sample = space.spread(200)
    return match.emulators.indices.allSatisfy { t in
      let emulator = sample.reduce(0) { $0 + match.emulators[t].predict($1).variance } / Double(sample.count)
      let target = match.targets[t]
      return emulator < match.stochasticVariance[t] + target.observationVariance + target.discrepancyVariance
    }
  }

  /// What a calibration keeps of a run: every metric, then per target with
  /// a window its metric over the window's weeks pooled (of its platform,
  /// or both), NaN where the run has no such weeks (another scenario's).
  private static func kept(_ r: ReplicationValues, windows: [(Metric, Platform?, [Int])]) -> [Double] {
    var values = Array(r.values)
    for (metric, platform, weeks) in windows {
      guard !weeks.isEmpty else {
        values.append(.nan)
        continue
      }
      let series = platform.map { r.weeklyByPlatform[$0] ?? [] } ?? r.weekly
      guard let last = weeks.last, last < series.count else {
        values.append(.nan)
        continue
      }
      values.append(ModelCounts.pooled(series, at: weeks).value(metric))
    }
    return values
  }

  /// Runs every point in every target scenario with the same seed
  /// (common random numbers): per target, each point's replication mean,
  /// and the variance of such a mean pooled over the points.
  private func simulate(_ values: [[Double]], wave: Int) throws -> (outputs: [[Double]], stochastic: [Double]) {
    let s = settings
    let k = s.scenarios.count, r = s.replications
    let keys = s.keys, scenarios = s.scenarios
    let windows = s.targets.indices.map { (s.targets[$0].metric, s.targets[$0].platform, s.windowWeeks[$0]) }
    let list = ScenarioList(count: values.count * k) { i in keys.applied(values[i / k], to: scenarios[i % k]) }
    let ids = (0..<(values.count * k)).map { "wave \(wave) point \(($0 / k) + 1), \(s.scenarioNames[$0 % k])" }
    let runs = try Execution.replicate(list, ids: ids, seed: s.seed, replications: r, threads: s.threads, quiet: s.quiet,
                                       labels: Array(repeating: "calibrate wave \(wave)", count: list.count),
                                       unit: "points", replicationsPerUnit: k * r, stage: "wave-\(wave)") {
      Self.kept($0, windows: windows)
    }
    var outputs: [[Double]] = [], stochastic: [Double] = []
    for (t, target) in s.targets.enumerated() {
      // A window target's value follows the run's metrics.
      let m = s.windowWeeks[t].isEmpty ? target.metric.index : Metric.allCases.count + t, sc = s.targetScenario[t]
      var means: [Double] = [], variances: [Double] = []
      for p in values.indices {
        let first = (p * k + sc) * r
        let xs = runs[first..<(first + r)].map { $0[m] }
        let mean = xs.reduce(0, +) / Double(r)
        means.append(mean)
        variances.append(xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r - 1))
      }
      outputs.append(means)
      stochastic.append(variances.reduce(0, +) / Double(variances.count) / Double(r))
    }
    return (outputs, stochastic)
  }
}
