import PrivacyModel
import ScenarioFormat
import Testing

@Suite("levers: rule parameters a design may set")
struct LeverTests {
  let head = "phases: [{phase: wechat-2024-04-quota, from: 2024-04-08}]\ndays: 20\n"

  func diagnostics(_ levers: String) -> [ScenarioDiagnostic] {
    do {
      _ = try ScenarioFile.parse(head + "levers:\n" + levers, file: "design.yaml")
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test("ranges and choices of rule parameters and assumed rule figures are read, with their sources")
  func reads() throws {
    let document = try ScenarioFile.parse(head + """
      levers:
        merchants.daily_base_quota: {range: [0, 40]}
        merchants.temporary_quota_amount: {choices: [0, 20, 50]}
        context.forced_authorization_banned: {choices: [true, false]}
        couriers.adaptation_complete: {range: [2026-01-01, 2026-06-30]}
      """, file: "design.yaml")
    let levers = document.levers
    #expect(levers.map(\.path) == ["merchants.daily_base_quota", "merchants.temporary_quota_amount",
                                   "context.forced_authorization_banned", "couriers.adaptation_complete"])
    #expect(levers[0].values == .range(lower: 0, upper: 40) && levers[0].keyClass == .ruleParameter)
    #expect(levers[0].source.contains("R-D2"))
    #expect(levers[1].values == .choices([0, 20, 50]) && levers[1].keyClass == .assumedRuleFigure)
    #expect(levers[2].values == .choices([1, 0]))
    // Values across [0, 1]: whole numbers rounded, choices in equal shares.
    #expect(levers[0].value(at: 0) == 0 && levers[0].value(at: 1) == 40 && levers[0].value(at: 0.126) == 5)
    #expect([0.0, 0.34, 0.99].map(levers[1].value(at:)) == [0, 20, 50])
    var s = document.scenario
    levers[0].apply(7, to: &s)
    levers[2].apply(0, to: &s)
    #expect(s.merchants.dailyBaseQuota == 7 && !s.context.forcedAuthorizationBanned)
  }

  @Test("a key a platform does not set is refused, located, naming its class")
  func refusesNonLevers() {
    for (key, kind) in [("merchants.count", "precision"), ("orders.orders_per_day", "precision"),
                        ("merchants.retention_days", "horizon"), ("decrypt.unnecessary", "reading of a rule"),
                        ("contact.answer_probability", "assumption"), ("days", "precision")] {
      let d = diagnostics("  \(key): {range: [1, 2]}\n")
      #expect(d.count == 1, "\(key)")
      #expect(d.first?.line == 4 && d.first?.column == 3, "\(key)")
      #expect(d.first?.path == "levers.\(key)")
      #expect(d.first?.message.contains("class: \(kind)") == true, "\(key): \(d.first?.message ?? "")")
    }
  }

  @Test("bad values are refused at their node")
  func refusesBadValues() {
    let cases: [(String, String)] = [
      ("  merchants.daily_base_quota: {range: [40, 0]}\n", "upper bound above"),
      ("  merchants.daily_base_quota: {range: [0, 1.5]}\n", "whole number"),
      ("  merchants.daily_base_quota: {range: [0, 2000000]}\n", "domain"),
      ("  merchants.daily_base_quota: {choices: [5]}\n", "at least two choices"),
      ("  merchants.daily_base_quota: {choices: [5, 6, 5]}\n", "appears twice"),
      ("  merchants.daily_base_quota: [0, 40]\n", "expected {range"),
      ("  context.forced_authorization_banned: {range: [0, 1]}\n", "not a range"),
      ("  context.forced_authorization_banned: {choices: [true, maybe]}\n", "true or false"),
      ("  merchants.daily_base_quta: {range: [0, 40]}\n", "did you mean 'merchants.daily_base_quota'"),
      ("  taobao.ramp: {range: [0, 1]}\n", "is a list"),
      ("  g_group.order_limit: {range: [10, 60]}\n", "exceed g_group.order_limit"),
    ]
    for (text, expected) in cases {
      let d = diagnostics(text)
      #expect(d.count >= 1 && d.allSatisfy { $0.line >= 3 }, "\(text)")
      #expect(d.contains { $0.message.contains(expected) }, "\(text): \(d.map(\.message))")
    }
  }

  @Test("objectives: and constraints: are read, and refused located when wrong")
  func objectivesAndConstraints() throws {
    let document = try ScenarioFile.parse(head + """
      objectives: [minimize numbers_obtained_per_1000, max courier_reach_per_delivery]
      constraints: ['merchant_contact_fulfilment >= 0.7']
      """, file: "design.yaml")
    #expect(document.objectives == [ScenarioObjective(metric: .numbersObtainedPer1000, direction: .minimize),
                                    ScenarioObjective(metric: .courierReachPerDelivery, direction: .maximize)])
    #expect(document.constraints.map(\.description) == ["merchant_contact_fulfilment >= 0.7"])
    for (text, expected, line) in [
      ("objectives: [improve courier_reach_per_delivery]\n", "`maximize` or `minimize`", 3),
      ("objectives: [maximize reach]\n", "unknown metric 'reach'", 3),
      ("objectives: [maximize violations, minimize violations]\n", "already an objective", 3),
      ("objectives: maximize violations\n", "expected a list of objectives", 3),
      ("constraints:\n  - violations <= 2\n  - violations > 3\n", "contradict each other", 5),
    ] {
      do {
        _ = try ScenarioFile.parse(head + text, file: "design.yaml")
        Issue.record("accepted: \(text)")
      } catch {
        #expect(error.diagnostics.contains { $0.message.contains(expected) && $0.line == line }, "\(text): \(error.diagnostics.map(\.description))")
      }
    }
  }
}
