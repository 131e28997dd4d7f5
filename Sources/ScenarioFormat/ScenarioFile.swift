import Foundation
import PrivacyModel
import SimKernel
import Yams

/// Reads scenario files (YAML) into ``Scenario`` values, checking every key
/// against ``ScenarioSchema``. Nothing is simulated until a file is wholly
/// valid; all problems found are reported together.
public struct ScenarioFile {
  public let file: String
  private let overrides: [Override]
  private var diagnostics: [ScenarioDiagnostic] = []
  private var expectations: [Expectation] = []
  private var uncertainties: [ScenarioUncertainty] = []

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
                              uncertainties: reader.uncertainties)
    }
    throw ScenarioFileError(diagnostics: reader.diagnostics)
  }

  public static let topLevelKeys = ["name", "phases", "disabled_rules", "start", "end", "days", "warmup_days", "wechat_share", "decrypt",
                             "orders", "merchants", "couriers", "contact", "virtual_numbers", "taobao", "g_group",
                             "context", "expect", "uncertain"]
  public static let sections = ["orders", "merchants", "couriers", "contact", "virtual_numbers", "taobao", "g_group", "context"]
  /// Keys of a section that hold lists, read by their own readers.
  public static let listKeys = ["taobao": "ramp", "couriers": "carriers", "orders": "campaigns"]

  // MARK: - Reading

  private mutating func read(_ text: String) -> Scenario? {
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
    if let node = entries["disabled_rules"] { readDisabledRules(node, into: &scenario) }
    for section in Self.sections {
      guard let node = entries[section] else { continue }
      readSection(section, node, into: &scenario)
    }
    if let node = entries["expect"] { readExpectations(node) }
    checkConsistency(scenario, entries)
    if let node = entries["uncertain"] { uncertainties = readUncertain(node, scenario: scenario) }
    return scenario
  }

  private mutating func readPhases(_ node: Node?) -> [ScheduledPhase]? {
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
  private mutating func readDisabledRules(_ node: Node, into scenario: inout Scenario) {
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

  private mutating func readDecrypt(_ node: Node, into scenario: inout Scenario) {
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

  private mutating func readSection(_ section: String, _ node: Node, into scenario: inout Scenario) {
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

  private mutating func readRamp(_ node: Node, into scenario: inout Scenario) {
    guard case let .sequence(items) = node, !items.isEmpty else {
      report(node, "taobao.ramp", "expected a list of `{date: YYYY-MM-DD, share: 0…1}`, found \(Self.describe(node))")
      return
    }
    var ramp: [(time: SimTime, share: Double)] = []
    for (i, item) in items.enumerated() {
      let path = "taobao.ramp[\(i)]"
      guard case let .mapping(fields) = item, let dateNode = fields["date"], let shareNode = fields["share"] else {
        report(item, path, "expected `{date: YYYY-MM-DD, share: 0…1}`, found \(Self.describe(item))")
        continue
      }
      for (key, _) in fields where key.string != "date" && key.string != "share" {
        unknownKey(key, key.string ?? "?", path: "\(path).\(key.string ?? "?")", known: ["date", "share"])
      }
      guard let date = readDate(dateNode, "\(path).date"), let share = readNumber(shareNode, "\(path).share", .probability) else {
        continue
      }
      let time = scenario.calendar.startOfDay(date)
      if let last = ramp.last, time <= last.time {
        report(dateNode, "\(path).date", "expected dates in increasing order, found \(date) after an equal or later date")
      }
      ramp.append((time, share))
    }
    if ramp.count == items.count { scenario.taobao.ramp = ramp }
  }

  public static let carrierKeys = ["name", "share", "integrated", "coverage", "waybill_adapted", "call_needed", "attempts",
                            "retry_hours", "answer_probability", "extension_misdial_probability"]

  /// `couriers.carriers`: a non-empty list of carriers; `name`, `share` and
  /// `integrated` are required, the rest default as in ``Carrier``.
  private mutating func readCarriers(_ node: Node, into scenario: inout Scenario) {
    guard case let .sequence(items) = node, !items.isEmpty, items.count <= 255 else {
      report(node, "couriers.carriers", "expected a list of 1 to 255 carriers `{name, share, integrated, …}`, found \(Self.describe(node))")
      return
    }
    var carriers: [Carrier] = []
    for (i, item) in items.enumerated() {
      let path = "couriers.carriers[\(i)]"
      guard case let .mapping(fields) = item else {
        report(item, path, "expected `{name: TEXT, share: NUMBER, integrated: true|false, …}`, found \(Self.describe(item))")
        continue
      }
      for (key, _) in fields where !Self.carrierKeys.contains(key.string ?? "") {
        unknownKey(key, key.string ?? "?", path: "\(path).\(key.string ?? "?")", known: Self.carrierKeys)
      }
      let missing = ["name", "share", "integrated"].filter { fields[$0] == nil }
      guard missing.isEmpty else {
        report(item, path, "expected keys name, share and integrated; missing \(missing.joined(separator: ", "))")
        continue
      }
      guard let name = readText(fields["name"]!, "\(path).name"),
        let share = readNumber(fields["share"]!, "\(path).share", .bounded(0...1_000_000)),
        let integrated = readBool(fields["integrated"]!, "\(path).integrated")
      else { continue }
      var carrier = Carrier(name: name, share: share, integrated: integrated)
      var ok = true
      func number(_ key: String, _ kind: ScenarioField.Kind, _ set: (inout Carrier, Double) -> Void) {
        guard let node = fields[key] else { return }
        if let v = readNumber(node, "\(path).\(key)", kind) { set(&carrier, v) } else { ok = false }
      }
      number("coverage", .probability) { $0.coverage = $1 }
      number("waybill_adapted", .probability) { $0.waybillAdapted = $1 }
      number("call_needed", .probability) { $0.callNeeded = $1 }
      number("retry_hours", .bounded(0...168)) { $0.retryHours = $1 }
      number("answer_probability", .probability) { $0.answerProbability = $1 }
      number("extension_misdial_probability", .probability) { $0.extensionMisdialProbability = $1 }
      if let node = fields["attempts"] {
        if let v = readInteger(node, "\(path).attempts", 1...20) { carrier.attempts = v } else { ok = false }
      }
      if ok { carriers.append(carrier) }
    }
    guard carriers.count == items.count else { return }
    if carriers.allSatisfy({ $0.share == 0 }) {
      report(node, "couriers.carriers", "expected at least one carrier with a share above 0, found all zero")
      return
    }
    if Set(carriers.map(\.name)).count != carriers.count {
      report(node, "couriers.carriers", "expected each carrier name once, found a name twice")
      return
    }
    scenario.couriers.carriers = carriers
  }

  /// `orders.campaigns`: a list of `{name, from: YYYY-MM-DD, days, factor}`
  /// (may be empty).
  private mutating func readCampaigns(_ node: Node, into scenario: inout Scenario) {
    guard case let .sequence(items) = node else {
      report(node, "orders.campaigns", "expected a list of `{name, from: YYYY-MM-DD, days, factor}`, found \(Self.describe(node))")
      return
    }
    var campaigns: [Campaign] = []
    let keys = ["name", "from", "days", "factor"]
    for (i, item) in items.enumerated() {
      let path = "orders.campaigns[\(i)]"
      guard case let .mapping(fields) = item, let from = fields["from"], let days = fields["days"], let factor = fields["factor"] else {
        report(item, path, "expected `{name: TEXT, from: YYYY-MM-DD, days: N, factor: X}`, found \(Self.describe(item))")
        continue
      }
      for (key, _) in fields where !keys.contains(key.string ?? "") {
        unknownKey(key, key.string ?? "?", path: "\(path).\(key.string ?? "?")", known: keys)
      }
      let name = fields["name"].flatMap { readText($0, "\(path).name") } ?? "campaign-\(i + 1)"
      guard let date = readDate(from, "\(path).from"), let n = readInteger(days, "\(path).days", 1...366),
        let f = readNumber(factor, "\(path).factor", .bounded(0...1_000))
      else { continue }
      campaigns.append(Campaign(name: name, from: date, days: n, factor: f))
    }
    if campaigns.count == items.count { scenario.orders.campaigns = campaigns }
  }

  // MARK: - Values

  private mutating func apply(_ field: ScenarioField, _ node: Node, to scenario: inout Scenario) {
    let value: FieldValue?
    switch field.kind {
    case .probability, .bounded:
      value = readNumber(node, field.path, field.kind).map(FieldValue.number)
    case let .integer(range):
      value = readInteger(node, field.path, range).map(FieldValue.integer)
    case .distribution:
      value = readDistribution(node, field.path).map(FieldValue.distribution)
    case .hourlyWeights:
      value = readWeights(node, field.path).map(FieldValue.weights)
    case .boolean:
      value = readBool(node, field.path).map(FieldValue.boolean)
    case .date:
      value = readDate(node, field.path).map(FieldValue.date)
    }
    if let value { field.set(&scenario, value) }
  }

  private mutating func readNumber(_ node: Node, _ path: String, _ kind: ScenarioField.Kind) -> Double? {
    guard case .scalar = node, let text = node.string, let v = Double(text.replacingOccurrences(of: "_", with: "")), v.isFinite else {
      report(node, path, "expected \(kind.expectation), found \(Self.describe(node))")
      return nil
    }
    let ok: Bool = switch kind {
    case .probability: v >= 0 && v <= 1
    case let .bounded(range): range.contains(v)
    default: true
    }
    guard ok else {
      report(node, path, "expected \(kind.expectation), found \(text)")
      return nil
    }
    return v
  }

  private mutating func readBool(_ node: Node, _ path: String) -> Bool? {
    guard case .scalar = node, let text = node.string else {
      report(node, path, "expected true or false, found \(Self.describe(node))")
      return nil
    }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      report(node, path, "expected true or false, found \(Self.describe(node))")
      return nil
    }
  }

  private mutating func readText(_ node: Node, _ path: String) -> String? {
    guard case .scalar = node, let text = node.string, !text.isEmpty else {
      report(node, path, "expected a non-empty text, found \(Self.describe(node))")
      return nil
    }
    return text
  }

  private mutating func readInteger(_ node: Node, _ path: String, _ range: ClosedRange<Int>) -> Int? {
    guard case .scalar = node, let text = node.string, let v = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(v) else {
      report(node, path, "expected \(ScenarioField.Kind.integer(range).expectation), found \(Self.describe(node))")
      return nil
    }
    return v
  }

  private mutating func readDate(_ node: Node, _ path: String) -> CivilDate? {
    guard let text = node.string, let date = CivilDate(iso8601: text) else {
      report(node, path, "expected a date YYYY-MM-DD, found \(Self.describe(node))")
      return nil
    }
    return date
  }

  private mutating func readWeights(_ node: Node, _ path: String) -> [Double]? {
    guard case let .sequence(items) = node, items.count == 24 else {
      report(node, path, "expected \(ScenarioField.Kind.hourlyWeights.expectation), found \(Self.describe(node))")
      return nil
    }
    let weights = items.enumerated().map { readNumber($1, "\(path)[\($0)]", .bounded(0...1_000_000)) }
    guard weights.allSatisfy({ $0 != nil }) else { return nil }
    let values = weights.map { $0! }
    guard values.contains(where: { $0 > 0 }) else {
      report(node, path, "expected at least one hour with a weight above 0, found all zero")
      return nil
    }
    return values
  }

  public static let distributionKinds = ["constant", "exponential", "lognormal", "uniform", "gamma", "weibull", "normal"]

  /// The domain of a distribution parameter: hours up to ten years for
  /// locations and scales, and shapes that keep draws finite.
  public static func parameterDomain(_ name: String) -> ScenarioField.Kind {
    switch name {
    case "cv": .bounded(0...10)
    case "shape": .bounded(0...1_000)
    case "mu": .bounded(-50...11)
    case "sigma": .bounded(0...5)
    default: .hours
    }
  }

  private mutating func readDistribution(_ node: Node, _ path: String) -> ContinuousDistribution? {
    guard case let .mapping(outer) = node, outer.count == 1, let (kindNode, params) = outer.first.map({ ($0.key, $0.value) }),
      let kind = kindNode.string
    else {
      report(node, path, "expected \(ScenarioField.Kind.distribution.expectation), found \(Self.describe(node))")
      return nil
    }
    let p = "\(path).\(kind)"
    if kind == "constant" { return readNumber(params, p, .hours).map(ContinuousDistribution.constant) }
    guard Self.distributionKinds.contains(kind) else {
      unknownKey(kindNode, kind, path: p, known: Self.distributionKinds)
      return nil
    }
    guard case let .mapping(fields) = params else {
      report(params, p, "expected the parameters as a mapping, found \(Self.describe(params))")
      return nil
    }
    var values: [String: (Node, Double)] = [:]
    for (key, value) in fields {
      if let name = key.string, let v = readNumber(value, "\(p).\(name)", Self.parameterDomain(name)) { values[name] = (key, v) }
    }
    func need(_ names: [String]) -> [Double]? {
      let unknown = values.keys.filter { !names.contains($0) }.sorted()
      for name in unknown { unknownKey(values[name]!.0, name, path: "\(p).\(name)", known: names) }
      let missing = names.filter { values[$0] == nil }
      if !missing.isEmpty { report(params, p, "expected parameters \(names.joined(separator: ", ")); missing \(missing.joined(separator: ", "))") }
      return unknown.isEmpty && missing.isEmpty ? names.map { values[$0]!.1 } : nil
    }
    func positive(_ name: String, _ v: Double) -> Bool {
      if v > 0 { return true }
      report(values[name]!.0, "\(p).\(name)", "expected a number > 0, found \(v)")
      return false
    }
    switch kind {
    case "exponential":
      guard let v = need(["mean"]), positive("mean", v[0]) else { return nil }
      return .exponential(mean: v[0])
    case "lognormal":
      if values["mu"] != nil || values["sigma"] != nil {
        guard let v = need(["mu", "sigma"]) else { return nil }
        return .lognormal(mu: v[0], sigma: v[1])
      }
      guard let v = need(["mean", "cv"]), positive("mean", v[0]) else { return nil }
      return .lognormal(mean: v[0], cv: v[1])
    case "uniform":
      guard let v = need(["lower", "upper"]) else { return nil }
      guard v[0] <= v[1] else {
        report(params, p, "expected lower ≤ upper, found \(v[0]) > \(v[1])")
        return nil
      }
      return .uniform(lower: v[0], upper: v[1])
    case "gamma":
      guard let v = need(["shape", "scale"]), positive("shape", v[0]), positive("scale", v[1]) else { return nil }
      return .gamma(shape: v[0], scale: v[1])
    case "weibull":
      guard let v = need(["shape", "scale"]), positive("shape", v[0]), positive("scale", v[1]) else { return nil }
      return .weibull(shape: v[0], scale: v[1])
    default:  // normal
      guard let v = need(["mean", "sd"]) else { return nil }
      return .normal(mean: v[0], standardDeviation: v[1])
    }
  }

  private mutating func readExpectations(_ node: Node) {
    guard case let .sequence(items) = node else {
      report(node, "expect", "expected a list of thresholds such as `- courier_reach_per_attempt >= 0.95`, found \(Self.describe(node))")
      return
    }
    for (i, item) in items.enumerated() {
      guard case .scalar = item, let text = item.string else {
        report(item, "expect[\(i)]", "expected `METRIC OP NUMBER`, found \(Self.describe(item))")
        continue
      }
      do { expectations.append(try Expectation(parsing: text)) } catch { report(item, "expect[\(i)]", error.message) }
    }
  }

  // MARK: - Overrides

  /// The document with every `--set` value put in place (a key path that
  /// does not exist yet is created, so unknown keys are reported as usual).
  private mutating func applyOverrides(to root: Node) -> Node {
    guard case .mapping = root else { return root }
    var root = root
    for override in overrides {
      let value: Node
      do {
        guard let node = try Yams.compose(yaml: override.value) else { continue }
        value = node
      } catch {
        diagnostics.append(ScenarioDiagnostic(override: override, path: override.path,
                                              message: "expected a YAML value, found '\(override.value)'"))
        continue
      }
      if !Self.set(value, at: override.keys.map(String.init)[...], in: &root) {
        diagnostics.append(ScenarioDiagnostic(override: override, path: override.path,
                                              message: "expected a key inside a mapping, but a part of the path holds a plain value"))
      }
    }
    return root
  }

  private static func set(_ value: Node, at keys: ArraySlice<String>, in node: inout Node) -> Bool {
    guard case var .mapping(mapping) = node, let key = keys.first else { return false }
    if keys.count == 1 {
      mapping[key] = value
    } else {
      var child = mapping[key] ?? Node.mapping(Node.Mapping([]))
      guard set(value, at: keys.dropFirst(), in: &child) else { return false }
      mapping[key] = child
    }
    node = .mapping(mapping)
    return true
  }

  // MARK: - Cross-field checks

  private mutating func checkConsistency(_ s: Scenario, _ entries: [String: Node]) {
    let merchants = entries["merchants"]
    if s.merchants.registrationEager + s.merchants.registrationLazy > 1 + 1e-12 {
      // Point at the pair's keys (the later one given), not the section.
      let lazy = Self.child(merchants, "registration_lazy_share")
      let eager = Self.child(merchants, "registration_eager_share")
      // A value given with --set is the one to blame; otherwise the later line.
      let lazyPath = "merchants.registration_lazy_share", eagerPath = "merchants.registration_eager_share"
      let setLazy = overrides.contains { $0.covers(lazyPath) }, setEager = overrides.contains { $0.covers(eagerPath) }
      let lazyLater = (lazy?.mark?.line ?? 0) >= (eager?.mark?.line ?? 0)
      let blameLazy = setLazy || (!setEager && lazyLater)
      let node = (blameLazy ? lazy : eager) ?? merchants
      let path = blameLazy ? lazyPath : eagerPath
      report(node, path,
             "expected merchants.registration_eager_share + merchants.registration_lazy_share ≤ 1, found \(s.merchants.registrationEager) + \(s.merchants.registrationLazy) = \(s.merchants.registrationEager + s.merchants.registrationLazy)")
    }
    if s.merchants.maxOrdersPerDay < s.merchants.minOrdersPerDay {
      report(Self.child(merchants, "max_orders_per_day") ?? merchants, "merchants.max_orders_per_day",
             "expected at least merchants.min_orders_per_day (\(s.merchants.minOrdersPerDay)), found \(s.merchants.maxOrdersPerDay)")
    }
    if s.couriers.adaptationComplete < s.couriers.adaptationStart {
      report(entries["couriers"], "couriers.adaptation_complete",
             "expected a date on or after couriers.adaptation_start (\(s.couriers.adaptationStart)), found \(s.couriers.adaptationComplete)")
    }
    let peak = s.orders.ordersPerDay * max(1, s.orders.campaigns.map(\.factor).max() ?? 1)
    if peak > 2_000_000 {
      report(entries["orders"], "orders.campaigns",
             "expected orders_per_day × the largest campaign factor ≤ 2000000 orders a day, found \(peak)")
    }
    let g = s.gGroup
    if g.shopLevelLimit > g.orderLimit {
      report(entries["g_group"], "g_group.shop_level_limit", "expected at most order_limit (\(g.orderLimit)), found \(g.shopLevelLimit): an order holds its shop-level callers (R-G2)")
    }
    if g.perCallLimit > g.orderLimit {
      report(entries["g_group"], "g_group.per_call_limit", "expected at most order_limit (\(g.orderLimit)), found \(g.perCallLimit)")
    }
    if g.orderLimit > g.listLimit {
      report(entries["g_group"], "g_group.order_limit", "expected at most list_limit (\(g.listLimit)), found \(g.orderLimit)")
    }
    for platform in Platform.allCases {
      let dated = s.schedule.filter { $0.phase.platform == platform }
      if Set(dated.map(\.phase.id)).count != dated.count {
        report(entries["phases"], "phases", "expected each phase once, found a \(platform.rawValue) phase twice")
      }
      if dated.filter({ $0.start == nil }).count > 1 {
        report(entries["phases"], "phases", "expected at most one \(platform.rawValue) phase without `from:`, found several")
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
