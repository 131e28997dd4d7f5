import Foundation
import PrivacyModel
import SimKernel
import Yams

// The scenario reader's list sections: the Taobao ramp, the carriers and the
// campaigns, each entry checked and located.
extension ScenarioFile {
  mutating func readRamp(_ node: Node, into scenario: inout Scenario) {
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
  mutating func readCarriers(_ node: Node, into scenario: inout Scenario) {
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
  mutating func readCampaigns(_ node: Node, into scenario: inout Scenario) {
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
}
