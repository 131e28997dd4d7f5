import Foundation
import PrivacyModel
import ScenarioFormat
import Testing

/// Every rule a metric's definition or a key's source cites is checked
/// against the RULEBOOK itself (`docs/RULEBOOK.md`, the copy of
/// `../shared/RULEBOOK.md` that goes with a clone).
@Suite("Citations against the RULEBOOK")
struct CitationTests {
  /// The RULEBOOK's rules: ID → its text (the bullet and its continuation lines).
  static let rulebook: [String: String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("docs/RULEBOOK.md").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
    var rules: [String: String] = [:]
    var current: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let match = line.firstMatch(of: /^- (R-[A-Z]\d+)\s/) {
        current = String(match.1)
        rules[current!] = String(line)
      } else if let id = current, line.hasPrefix("  ") {
        rules[id]! += " " + line.trimmingCharacters(in: .whitespaces)
      } else {
        current = nil
      }
    }
    return rules
  }()

  @Test("docs/RULEBOOK.md is the shared RULEBOOK, byte for byte, where the shared folder sits beside the clone")
  func rulebookCopy() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let copy = try String(contentsOf: root.appendingPathComponent("docs/RULEBOOK.md"), encoding: .utf8)
    #expect(Self.rulebook.count == 36, "the copy holds the 36 rules")
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared/RULEBOOK.md")
    if let original = try? String(contentsOf: shared, encoding: .utf8) {
      #expect(copy == original, "docs/RULEBOOK.md differs from ../shared/RULEBOOK.md: copy it again")
    }
  }

  /// The rule IDs a text cites, ranges such as R-D1–R-D5 expanded.
  static func cited(_ text: String) -> [String] {
    var ids: [String] = []
    for m in text.matches(of: /R-([A-Z])(\d+)(?:[–-]R-([A-Z])(\d+))?/) {
      let first = Int(m.2)!
      if let letter = m.3, let last = m.4.flatMap({ Int($0) }), letter == m.1, last > first {
        ids += (first...last).map { "R-\(m.1)\($0)" }
      } else {
        ids.append("R-\(m.1)\(first)")
      }
    }
    return ids
  }

  /// What every rule a metric cites must speak of (any of the words, in
  /// the rule's RULEBOOK text). A metric citing rules must be listed here.
  static let metricTopics: [Metric: [String]] = [
    .courierFailedExpired: ["expir", "valid until"],
    .courierFailedNotRegistered: ["g group"],
    .courierFailedExtension: ["extension"],
    .courierFailedNotAdapted: ["waybill"],
    .returnPickupContact: ["after-sale", "expir", "valid until"],
    .contactsDecryptPer1000: ["decrypt", "e-waybill"],
    .contactsOfficialMessagePer1000: ["tools"],
    .privateDomainReachPer1000: ["phone"],
    .decryptDeniedNoWaybill: ["e-waybill"],
    .decryptDeniedState: ["decryptable"],
    .decryptDeniedQuota: ["quota"],
    .decryptDeniedPolicy: ["decrypt"],
    .temporaryQuotaApplications: ["temporary quota"],
    .gGroupCalls: ["per call"],
    .gGroupRejected: ["reject", "error", "at most"],
    .gGroupRejectedOverLimit: ["rejected"],
    .gGroupRejectedTooMany: ["at most"],
    .gGroupRejectedInvalidNumber: ["digits"],
    .gGroupRejectedWrongFormat: ["11+4"],
    .callsBlockedUnregistered: ["g group"],
    .courierCallsBlockedUnregistered: ["g group"],
    .merchantCallsBlockedUnregistered: ["g group"],
    .callsBlockedUnverified: ["verified"],
    .violations: ["violation", "misuse"],
    .suspensions: ["suspend"],
    .oaidDecryptCallsPer1000: ["oaid"],
    .sideChannelNumbersPer1000: ["phone"],
    .numbersObtainedPer1000: ["phone"],
    .profileExposuresPer1000: ["avatar"],
    .crossPlatformOrdersLostPer1000: ["links"],
  ]

  @Test("the RULEBOOK is found beside the clone and holds the rules the model names")
  func rulebookFound() {
    #expect(Set(Self.rulebook.keys) == Set(RuleID.allCases.map(\.rawValue)), "the RULEBOOK's rules are the model's: \(Self.rulebook.keys.sorted())")
    for rule in RuleID.allCases { #expect(Self.rulebook[rule.rawValue] != nil, "\(rule.rawValue) is not in the RULEBOOK") }
  }

  @Test("every rule a metric cites exists and speaks of what the metric counts (courier_failed_vn_expired cites expiry: R-W3, R-W4, R-T3, not R-W2)")
  func metricCitations() {
    for metric in Metric.allCases {
      let ids = Self.cited(metric.definition)
      guard !ids.isEmpty else { continue }
      guard let words = Self.metricTopics[metric] else {
        Issue.record("\(metric.rawValue) cites \(ids) but has no reviewed topic in this test")
        continue
      }
      for id in ids {
        guard let text = Self.rulebook[id]?.lowercased() else {
          Issue.record("\(metric.rawValue) cites \(id), which the RULEBOOK does not have")
          continue
        }
        #expect(words.contains { text.contains($0) }, "\(metric.rawValue) cites \(id), whose text speaks of none of \(words)")
      }
    }
    #expect(Self.cited(Metric.courierFailedExpired.definition).contains("R-W3"))
  }

  @Test("every rule a key's source cites exists in the RULEBOOK; validity and expiry keys cite R-W3, R-W4, R-W8 or R-T3")
  func keyCitations() {
    for field in ScenarioSchema.fields {
      for id in Self.cited(field.source) {
        #expect(Self.rulebook[id] != nil, "\(field.path) cites \(id), which the RULEBOOK does not have")
      }
      if field.path.contains("validity") || field.path.contains("expiry") {
        let ids = Set(Self.cited(field.source))
        #expect(!ids.isDisjoint(with: ["R-W3", "R-W4", "R-W8", "R-T3"]), "\(field.path): \(field.source)")
        for id in ids { #expect(Self.rulebook[id]!.lowercased().contains("valid") || Self.rulebook[id]!.lowercased().contains("expir")) }
      }
    }
  }
}
