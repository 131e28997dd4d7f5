import PrivacyModel
import SimKernel
import Yams

/// Reads a calibration's targets file (YAML):
///
/// ```yaml
/// targets:
///   - metric: courier_reach_per_attempt
///     scenario: taobao-700-full   # optional: a scenario of the command line
///     observed: 0.62
///     sd: 0.02                    # or interval: [0.58, 0.66], a 95% interval
///     discrepancy: 0.01           # optional (default: CalibrationTarget)
///     window: [2025-08-04, 2025-10-26]  # optional: whole weeks of a timeline
///     platform: taobao            # optional, with window: one platform's orders
///     source: "courier survey, 2026 Q1"
/// cutoff: 3                       # optional implausibility cut-off
/// ```
///
/// Every problem is reported at its node, `FILE:LINE:COL: targets[i].key:
/// message`, all together.
public struct CalibrationTargetsFile: Sendable {
  public let targets: [CalibrationTarget]
  /// The implausibility cut-off the file asks for, if any.
  public let cutoff: Double?

  public static let topLevelKeys = ["targets", "cutoff"]
  public static let targetKeys = ["metric", "scenario", "window", "platform", "observed", "sd", "interval", "discrepancy", "source"]
  /// The most targets one file may hold (each adds an emulator a wave).
  public static let maxTargets = 50

  /// Loads and checks the file at `path`.
  public static func load(_ path: String) throws(ScenarioFileError) -> CalibrationTargetsFile {
    try parse(try ScenarioFile.contents(of: path), file: path)
  }

  /// Checks `text` as the contents of `file`.
  public static func parse(_ text: String, file: String) throws(ScenarioFileError) -> CalibrationTargetsFile {
    var reader = Reader(file: file)
    let result = reader.read(text)
    guard let result, reader.diagnostics.isEmpty else { throw ScenarioFileError(diagnostics: reader.diagnostics) }
    return result
  }

  private init(targets: [CalibrationTarget], cutoff: Double?) {
    self.targets = targets
    self.cutoff = cutoff
  }

  private struct Reader {
    let file: String
    var diagnostics: [ScenarioDiagnostic] = []

    mutating func report(_ node: Node?, _ path: String, _ message: String) {
      diagnostics.append(ScenarioDiagnostic(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1,
                                            path: path, message: message))
    }

    /// "unknown key 'NAME'; did you mean '…'? (expected one of: …)" at `key`.
    mutating func unknownKey(_ key: Node, path: String, known: [String]) {
      let name = key.string ?? ""
      let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
      report(key, path, "unknown key '\(ScenarioDiagnostic.printable(name))'\(hint) (expected one of: \(known.joined(separator: ", ")))")
    }

    mutating func read(_ text: String) -> CalibrationTargetsFile? {
      let root: Node
      do {
        guard let node = try Yams.compose(yaml: text) else {
          report(nil, "", "expected a mapping with `targets:`, found an empty file")
          return nil
        }
        root = node
      } catch let error as YamlError {
        diagnostics += ScenarioFile.syntaxDiagnostics(error, text: text, file: file)
        return nil
      } catch {
        report(nil, "", "cannot parse YAML: \(error)")
        return nil
      }
      guard case let .mapping(mapping) = root else {
        report(root, "", "expected a mapping with `targets:`, found \(ScenarioFile.describe(root))")
        return nil
      }
      var cutoff: Double?
      var targets: [CalibrationTarget] = []
      var sawTargets = false
      for (key, value) in mapping {
        switch key.string {
        case "targets":
          sawTargets = true
          targets = readTargets(value)
        case "cutoff":
          cutoff = number(value, "cutoff", "a number from 1 to 10", in: 1...10)
        default:
          unknownKey(key, path: key.string ?? "", known: CalibrationTargetsFile.topLevelKeys)
        }
      }
      if !sawTargets { report(root, "targets", "missing: the list of observed figures to reproduce") }
      return CalibrationTargetsFile(targets: targets, cutoff: cutoff)
    }

    mutating func readTargets(_ node: Node) -> [CalibrationTarget] {
      guard case let .sequence(list) = node, !list.isEmpty else {
        report(node, "targets", "expected a list of targets (each a mapping with metric, observed, sd or interval, and source), found \(ScenarioFile.describe(node))")
        return []
      }
      guard list.count <= CalibrationTargetsFile.maxTargets else {
        report(node, "targets", "\(list.count) targets; a calibration takes at most \(CalibrationTargetsFile.maxTargets)")
        return []
      }
      var targets: [CalibrationTarget] = []
      for (i, item) in list.enumerated() {
        guard let target = readTarget(item, "targets[\(i)]") else { continue }
        if let first = targets.first(where: { $0.label == target.label }) {
          report(item, "targets[\(i)]", "\(target.label) is a target twice (first on line \(first.line)); give each metric once per scenario")
          continue
        }
        targets.append(target)
      }
      return targets
    }

    mutating func readTarget(_ node: Node, _ path: String) -> CalibrationTarget? {
      guard case let .mapping(mapping) = node else {
        report(node, path, "expected a mapping with metric, observed, sd or interval, and source; found \(ScenarioFile.describe(node))")
        return nil
      }
      for key in mapping.keys where !CalibrationTargetsFile.targetKeys.contains(key.string ?? "") {
        unknownKey(key, path: "\(path).\(key.string ?? "")", known: CalibrationTargetsFile.targetKeys)
      }
      let before = diagnostics.count
      var metric: Metric?
      if let m = required(mapping, "metric", path, node) {
        if let name = m.string, case .scalar = m, let known = Metric(rawValue: name) {
          metric = known
        } else {
          let name = m.string ?? ""
          let hint = Suggestion.closest(to: name, in: Metric.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
          report(m, "\(path).metric", "unknown metric '\(ScenarioDiagnostic.printable(name))'\(hint) (see `simrun list metrics`)")
        }
      }
      let domain: ClosedRange<Double> = metric?.isRate == true ? 0...1 : 0...Double.greatestFiniteMagnitude
      let domainText = metric?.isRate == true ? "a share from 0 to 1" : "a number ≥ 0"
      let observed = required(mapping, "observed", path, node).flatMap { number($0, "\(path).observed", domainText, in: domain) }
      var sd: Double?
      switch (ScenarioFile.child(node, "sd"), ScenarioFile.child(node, "interval")) {
      case let (s?, nil):
        sd = number(s, "\(path).sd", "a standard deviation above 0, in the metric's unit", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude)
      case let (nil, i?):
        sd = interval(i, "\(path).interval", observed: observed)
      case (_?, let i?):
        report(i, "\(path).interval", "give the observation's uncertainty once: `sd:` or `interval:`, not both")
      case (nil, nil):
        report(node, "\(path).sd", "missing: the observation's uncertainty, as `sd:` (a standard deviation) or `interval:` ([lower, upper], 95%)")
      }
      let discrepancy = ScenarioFile.child(node, "discrepancy").flatMap {
        number($0, "\(path).discrepancy", "a standard deviation ≥ 0, in the metric's unit", in: 0...Double.greatestFiniteMagnitude)
      }
      var source: String?
      if let s = required(mapping, "source", path, node) {
        if case .scalar = s, let text = s.string, !text.trimmingCharacters(in: .whitespaces).isEmpty {
          source = text
        } else {
          report(s, "\(path).source", "expected where the figure comes from (a report, a survey, a date), found \(ScenarioFile.describe(s))")
        }
      }
      var scenario: String?
      if let s = ScenarioFile.child(node, "scenario") {
        if case .scalar = s, let text = s.string, !text.isEmpty { scenario = text } else {
          report(s, "\(path).scenario", "expected the name of a scenario on the command line, found \(ScenarioFile.describe(s))")
        }
      }
      var window: (start: CivilDate, end: CivilDate)?
      if let w = ScenarioFile.child(node, "window") {
        if case let .sequence(pair) = w, pair.count == 2, let a = pair[0].string.flatMap(CivilDate.init(iso8601:)),
           let b = pair[1].string.flatMap(CivilDate.init(iso8601:)) {
          if a < b { window = (a, b) } else { report(pair[1], "\(path).window[1]", "expected an end date after the start (\(a))") }
        } else {
          report(w, "\(path).window", "expected two dates [YYYY-MM-DD, YYYY-MM-DD], found \(ScenarioFile.describe(w))")
        }
      }
      var platform: Platform?
      if let p = ScenarioFile.child(node, "platform") {
        if ScenarioFile.child(node, "window") == nil {
          report(p, "\(path).platform", "a platform is chosen within a window of a timeline; a phase scenario is one platform's already")
        } else if let name = p.string, let known = Platform(rawValue: name) {
          platform = known
        } else {
          report(p, "\(path).platform", "expected \(Platform.allCases.map(\.rawValue).joined(separator: " or ")), found \(ScenarioFile.describe(p))")
        }
      }
      guard diagnostics.count == before, let metric, let observed, let sd, let source else { return nil }
      return CalibrationTarget(metric: metric, scenario: scenario, observed: observed, observationSD: sd,
                               discrepancySD: discrepancy, source: source, window: window, platform: platform,
                               line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    mutating func required(_ mapping: Node.Mapping, _ key: String, _ path: String, _ node: Node) -> Node? {
      if let value = mapping.first(where: { $0.key.string == key })?.value { return value }
      report(node, "\(path).\(key)", "missing")
      return nil
    }

    mutating func number(_ node: Node, _ path: String, _ expected: String, in domain: ClosedRange<Double>) -> Double? {
      guard case .scalar = node, let text = node.string, let x = Double(text), x.isFinite, domain.contains(x) else {
        report(node, path, "expected \(expected), found \(ScenarioFile.describe(node))")
        return nil
      }
      return x
    }

    /// A 95% interval [lower, upper] around the observed value, as a
    /// standard deviation (width / 3.92).
    mutating func interval(_ node: Node, _ path: String, observed: Double?) -> Double? {
      guard case let .sequence(pair) = node, pair.count == 2,
            let lower = number(pair[0], "\(path)[0]", "a number", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude),
            let upper = number(pair[1], "\(path)[1]", "a number", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
      else {
        if case .sequence = node {} else { report(node, path, "expected a 95% interval [lower, upper], found \(ScenarioFile.describe(node))") }
        if case let .sequence(pair) = node, pair.count != 2 { report(node, path, "expected two numbers [lower, upper], found \(pair.count)") }
        return nil
      }
      guard lower < upper else {
        report(pair[1], "\(path)[1]", "expected an upper end above the lower (\(ScenarioTemplate.number(lower)))")
        return nil
      }
      if let observed, !(lower...upper).contains(observed) {
        report(node, path, "the interval [\(ScenarioTemplate.number(lower)), \(ScenarioTemplate.number(upper))] does not contain the observed value \(ScenarioTemplate.number(observed))")
        return nil
      }
      return (upper - lower) / (2 * 1.959_963_984_540_054)
    }
  }
}
