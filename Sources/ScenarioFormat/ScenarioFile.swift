import Foundation
import PrivacyModel
import SimKernel
import Yams

/// Reads scenario files (YAML) into ``Scenario`` values, checking every key
/// against ``ScenarioSchema``. Nothing is simulated until a file is wholly
/// valid; all problems found are reported together.
public struct ScenarioFile {
  public let file: String
  let overrides: [Override]
  var diagnostics: [ScenarioDiagnostic] = []
  var expectations: [Expectation] = []
  var uncertainties: [ScenarioUncertainty] = []
  var levers: [ScenarioLever] = []
  var objectives: [ScenarioObjective] = []
  var constraints: [Expectation] = []

  private init(file: String, overrides: [Override]) {
    self.file = file
    self.overrides = overrides
  }

  /// Loads and validates the file at `path`, with `overrides` applied first.
  public static func load(_ path: String, overrides: [Override] = []) throws(ScenarioFileError) -> ScenarioDocument {
    try parse(try contents(of: path), file: path, overrides: overrides)
  }

  /// The largest scenario file read (a scenario is a few kilobytes; the
  /// cap keeps a wrong or hostile file from filling memory).
  public static let maxFileBytes = 1 << 20

  /// The text of the file at `path`, or a located error that says what the
  /// path is and why it cannot be read.
  public static func contents(of path: String) throws(ScenarioFileError) -> String {
    func fail(_ why: String) -> ScenarioFileError {
      ScenarioFileError(diagnostics: [ScenarioDiagnostic(file: path, line: 1, column: 1, path: "", message: why)])
    }
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      // A dangling link or a link loop exists as a name but not as a file.
      if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil {
        throw fail("cannot read the file: it is a symbolic link to nothing readable (missing target or a loop)")
      }
      throw fail("cannot read the file: no such file")
    }
    if isDirectory.boolValue { throw fail("cannot read the file: it is a directory, expected a scenario file (.yaml)") }
    let attributes = try? manager.attributesOfItem(atPath: path)
    if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
      throw fail("cannot read the file: it is not a regular file (a device, pipe or socket), expected a scenario file (.yaml)")
    }
    if let size = attributes?[.size] as? NSNumber, size.intValue > maxFileBytes {
      throw fail("cannot read the file: it has \(size.intValue) bytes, a scenario file may have at most \(maxFileBytes)")
    }
    guard manager.isReadableFile(atPath: path) else { throw fail("cannot read the file: permission denied") }
    guard let data = manager.contents(atPath: path) else { throw fail("cannot read the file") }
    guard data.count <= maxFileBytes else {
      throw fail("cannot read the file: it has more than \(maxFileBytes) bytes, a scenario file may have at most that")
    }
    guard let text = String(data: data, encoding: .utf8) else { throw fail("cannot read the file: it is not UTF-8 text") }
    return text
  }

  /// Validates `text` as the contents of `file`, with `overrides` applied first.
  public static func parse(_ text: String, file: String, overrides: [Override] = []) throws(ScenarioFileError) -> ScenarioDocument {
    var reader = ScenarioFile(file: file, overrides: overrides)
    let scenario = reader.read(text)
    if let scenario, reader.diagnostics.isEmpty {
      return ScenarioDocument(scenario: scenario, expectations: reader.expectations, source: file,
                              uncertainties: reader.uncertainties, levers: reader.levers,
                              objectives: reader.objectives, constraints: reader.constraints)
    }
    throw ScenarioFileError(diagnostics: reader.diagnostics)
  }

  public static let topLevelKeys = ["name", "phases", "disabled_rules", "start", "end", "days", "warmup_days", "generator", "wechat_share", "decrypt",
                             "orders", "merchants", "couriers", "contact", "virtual_numbers", "taobao", "g_group",
                             "context", "expect", "uncertain", "levers", "objectives", "constraints"]
  public static let sections = ["orders", "merchants", "couriers", "contact", "virtual_numbers", "taobao", "g_group", "context"]
  /// Keys of a section that hold lists, read by their own readers.
  public static let listKeys = ["taobao": "ramp", "couriers": "carriers", "orders": "campaigns"]

  // MARK: - Reading

  mutating func read(_ text: String) -> Scenario? {
    var root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        report(nil, "", "expected a mapping of scenario keys, found an empty file")
        return nil
      }
      root = node
      if !overrides.isEmpty { root = applyOverrides(to: root) }
    } catch let error as YamlError {
      diagnostics += Self.syntaxDiagnostics(error, text: text, file: file)
      return nil
    } catch {
      report(nil, "", "cannot parse YAML: \(error)")
      return nil
    }
    guard case let .mapping(mapping) = root else {
      report(root, "", "expected a mapping of scenario keys, found \(Self.describe(root))")
      return nil
    }
    var entries: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.string else {
        report(key, "", "expected a key name, found \(Self.describe(key))")
        continue
      }
      guard Self.topLevelKeys.contains(name) else {
        unknownKey(key, name, path: name, known: Self.topLevelKeys)
        continue
      }
      entries[name] = value
    }

    // Phases, period.
    let schedule = readPhases(entries["phases"])
    guard let schedule else { return nil }
    let first = schedule[0].phase
    let start = entries["start"].flatMap { readDate($0, "start") }
      ?? first.defaultStart ?? CivilDate(year: 2024, month: 1, day: 1)!
    var days = entries["days"].flatMap { readInteger($0, "days", 1...36_500) } ?? 60
    // `end` (exclusive) may stand instead of `days`.
    if let node = entries["end"], let end = readDate(node, "end") {
      if entries["days"] != nil {
        report(node, "end", "expected either `end` or `days`, found both")
      } else if end <= start {
        report(node, "end", "expected a date after start (\(start)), found \(end)")
      } else if end.daysSinceEpoch - start.daysSinceEpoch > 36_500 {
        report(node, "end", "expected at most 36500 days after start (\(start)), found \(end)")
      } else {
        days = end.daysSinceEpoch - start.daysSinceEpoch
      }
    }
    let warmup = entries["warmup_days"].flatMap { readInteger($0, "warmup_days", 0...36_500) } ?? min(20, days / 3)
    if let node = entries["warmup_days"], warmup >= days {
      report(node, "warmup_days", "expected fewer warm-up days than `days` (\(days)), found \(warmup)")
    }
    var scenario = Scenario(phase: first, start: start, days: days, warmupDays: min(warmup, max(0, days - 1)))
    scenario.schedule = schedule
    if let node = entries["name"] {
      if let name = node.string, !name.isEmpty, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
        name.count <= 200
      {
        scenario.name = name
      } else {
        report(node, "name", "expected a non-empty text of at most 200 characters without control characters")
      }
    }
    if let node = entries["wechat_share"] { apply(ScenarioSchema.byPath["wechat_share"]!, node, to: &scenario) }
    if let node = entries["decrypt"] { readDecrypt(node, into: &scenario) }
    if let node = entries["generator"] {
      if let name = node.string, let kind = GeneratorKind(rawValue: name) {
        scenario.generator = kind
      } else {
        let names = GeneratorKind.allCases.map(\.rawValue)
        let hint = node.string.flatMap { Suggestion.closest(to: $0, in: names) }.map { "; did you mean '\($0)'?" } ?? ""
        report(node, "generator", "expected one of \(names.joined(separator: ", ")), found \(Self.describe(node))\(hint)")
      }
    }
    if let node = entries["disabled_rules"] { readDisabledRules(node, into: &scenario) }
    for section in Self.sections {
      guard let node = entries[section] else { continue }
      readSection(section, node, into: &scenario)
    }
    if let node = entries["expect"] { readExpectations(node) }
    checkConsistency(scenario, entries)
    if let node = entries["uncertain"] { uncertainties = readUncertain(node, scenario: scenario) }
    if let node = entries["levers"] { levers = readLevers(node, scenario: scenario) }
    if let node = entries["objectives"] { readObjectives(node) }
    if let node = entries["constraints"] { readConstraints(node) }
    return scenario
  }

  mutating func readPhases(_ node: Node?) -> [ScheduledPhase]? {
    guard let node else {
      report(nil, "phases", "expected a list of phases (e.g. `- phase: wechat-2025-10-virtual-number`), found nothing")
      return nil
    }
    guard case let .sequence(items) = node, !items.isEmpty else {
      report(node, "phases", "expected a non-empty list of phases, found \(Self.describe(node))")
      return nil
    }
    var schedule: [ScheduledPhase] = []
    for (i, item) in items.enumerated() {
      let path = "phases[\(i)]"
      guard case let .mapping(fields) = item else {
        report(item, path, "expected `{phase: ID, from: YYYY-MM-DD}`, found \(Self.describe(item))")
        continue
      }
      var phase: Phase?
      var from: CivilDate?
      for (key, value) in fields {
        switch key.string {
        case "phase":
          guard let id = value.string, let p = Phase.named(id) else {
            let id = value.string ?? ""
            let hint = Suggestion.closest(to: id, in: Phase.all.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
            report(value, "\(path).phase", "expected a phase id (see `simrun list phases`), found '\(id)'\(hint)")
            continue
          }
          phase = p
        case "from":
          from = readDate(value, "\(path).from")
        default:
          unknownKey(key, key.string ?? "?", path: "\(path).\(key.string ?? "?")", known: ["phase", "from"])
        }
      }
      if let phase { schedule.append(ScheduledPhase(phase, from: from)) }
      else if fields.first(where: { $0.key.string == "phase" }) == nil { report(item, path, "expected a `phase:` key") }
    }
    return schedule.count == items.count ? schedule : nil
  }

  /// `disabled_rules`: phase rules switched off (an ablation).
  mutating func readDisabledRules(_ node: Node, into scenario: inout Scenario) {
    let switchable = RuleID.switchable.map(\.rawValue)
    guard case let .sequence(items) = node else {
      report(node, "disabled_rules", "expected a list of rule IDs such as [R-W7], found \(Self.describe(node))")
      return
    }
    var rules: Set<RuleID> = []
    for (i, item) in items.enumerated() {
      let text = item.string ?? ""
      guard case .scalar = item, let rule = RuleID(rawValue: text) else {
        let hint = Suggestion.closest(to: text, in: RuleID.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
        report(item, "disabled_rules[\(i)]", "expected a rule ID (see `simrun list rules`), found \(Self.describe(item))\(hint)")
        continue
      }
      guard RuleID.switchable.contains(rule) else {
        report(item, "disabled_rules[\(i)]", "expected a rule the model can switch off (\(switchable.joined(separator: ", "))), found \(text)")
        continue
      }
      // Switching off a rule no scheduled phase has would change nothing
      // and read as "no effect" (the same refusal as `attribute --rules`).
      guard scenario.scheduledRules.contains(rule) else {
        let phases = scenario.schedule.map(\.phase.id).joined(separator: ", ")
        let arrives = Phase.all.first { $0.rules.contains(rule) }.map { " (it arrives with \($0.id))" } ?? ""
        report(item, "disabled_rules[\(i)]", "expected a rule in force in the scenario's phases (\(phases)); \(text) is not in force there\(arrives), so switching it off would change nothing")
        continue
      }
      rules.insert(rule)
    }
    scenario.disabledRules = rules
  }

  mutating func readDecrypt(_ node: Node, into scenario: inout Scenario) {
    guard case let .mapping(fields) = node else {
      report(node, "decrypt", "expected a mapping, found \(Self.describe(node))")
      return
    }
    for (key, value) in fields {
      guard key.string == "unnecessary" else {
        unknownKey(key, key.string ?? "?", path: "decrypt.\(key.string ?? "?")", known: ["unnecessary"])
        continue
      }
      switch value.string {
      case "refuse": scenario.unnecessaryDecrypt = .refuse
      case "grant-as-violation": scenario.unnecessaryDecrypt = .grantAsViolation
      default: report(value, "decrypt.unnecessary", "expected `refuse` or `grant-as-violation`, found \(Self.describe(value))")
      }
    }
  }

  mutating func readSection(_ section: String, _ node: Node, into scenario: inout Scenario) {
    guard case let .mapping(fields) = node else {
      report(node, section, "expected a mapping, found \(Self.describe(node))")
      return
    }
    let known = ScenarioSchema.fields.filter { $0.path.hasPrefix(section + ".") }
      .map { String($0.path.dropFirst(section.count + 1)) } + (Self.listKeys[section].map { [$0] } ?? [])
    for (key, value) in fields {
      guard let name = key.string else {
        report(key, section, "expected a key name, found \(Self.describe(key))")
        continue
      }
      let path = "\(section).\(name)"
      if path == "taobao.ramp" {
        readRamp(value, into: &scenario)
      } else if path == "couriers.carriers" {
        readCarriers(value, into: &scenario)
      } else if path == "orders.campaigns" {
        readCampaigns(value, into: &scenario)
      } else if let field = ScenarioSchema.byPath[path] {
        apply(field, value, to: &scenario)
      } else {
        unknownKey(key, name, path: path, known: known)
      }
    }
  }

  // MARK: - Reporting

  mutating func report(_ node: Node?, _ path: String, _ message: String) {
    // A problem in an override's value, or in a key an override created
    // (those nodes have no position), is the option's, not the file's.
    if let override = overrides.last(where: { $0.covers(path) || (node?.mark == nil && $0.path.hasPrefix(path + ".")) }) {
      diagnostics.append(ScenarioDiagnostic(override: override, path: path, message: message))
      return
    }
    let mark = node?.mark
    diagnostics.append(ScenarioDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                          path: path, message: message))
  }

  mutating func unknownKey(_ node: Node, _ name: String, path: String, known: [String]) {
    let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
    report(node, path, "unknown key '\(name)'\(hint) (expected one of: \(known.joined(separator: ", ")))")
  }

  /// The value of `key` in a mapping node, if any.
  static func child(_ node: Node?, _ key: String) -> Node? {
    guard case let .mapping(mapping)? = node else { return nil }
    return mapping.first { $0.key.string == key }?.value
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar: "'\(node.string ?? "")'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}
