import ScenarioFormat
import Testing

@Suite("Every scenario key has one explicit class")
struct KeyClassTests {
  /// Every key a file may set: the schema's, the list keys, and the top-level
  /// ones that are not sections.
  var allKeys: [String] {
    let top = ScenarioFile.topLevelKeys.filter { !ScenarioFile.sections.contains($0) && $0 != "decrypt" }
    let lists = ScenarioFile.listKeys.map { "\($0.key).\($0.value)" }
    return top + lists + ["decrypt.unnecessary"] + ScenarioSchema.fields.map(\.path)
  }

  @Test("each key is classed, and nothing else is")
  func complete() {
    for key in allKeys { #expect(ScenarioSchema.keyClasses[key] != nil, "\(key) has no class") }
    #expect(Set(ScenarioSchema.keyClasses.keys) == Set(allKeys))
  }

  @Test("a key's source names it an assumption exactly when its class is one")
  func assumptionsAgreeWithSources() {
    for field in ScenarioSchema.fields {
      #expect(field.source.contains("assumption") == field.keyClass.isAssumption,
              "\(field.path): class \(field.keyClass.rawValue), source '\(field.source)'")
    }
  }

  @Test("precision and horizon keys, and readings of rules, are never levers; platform-set figures are")
  func levers() {
    for key in ["orders.orders_per_day", "merchants.count", "days", "merchants.retention_days", "decrypt.unnecessary",
                "merchants.temporary_quota_application_probability", "contact.answer_probability"] {
      #expect(ScenarioSchema.keyClasses[key]?.isLever == false, "\(key)")
    }
    for key in ["merchants.daily_base_quota", "virtual_numbers.validity_days", "context.forced_authorization_banned",
                "merchants.temporary_quota_amount", "g_group.order_limit"] {
      #expect(ScenarioSchema.keyClasses[key]?.isLever == true, "\(key)")
    }
  }
}
