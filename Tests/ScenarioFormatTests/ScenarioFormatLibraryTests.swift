import PrivacyModel
import ScenarioFormat
import Testing

/// The scenario format as a library: read, override, template and locate
/// problems without the command-line tool (what analysis code and workers
/// use).
@Suite("ScenarioFormat, used without simrun")
struct ScenarioFormatLibraryTests {
  @Test("a built-in phase reads back from its own template; an override acts like the file")
  func roundTrip() throws {
    let documents = try ScenarioSources.load(["taobao-700-full"], overrides: [])
    let scenario = try #require(documents.first).scenario
    #expect(scenario.phase == .taobao700Full)
    let again = try ScenarioFile.parse(ScenarioTemplate.yaml(scenario), file: "copy.yaml")
    #expect(again.scenario.merchants == scenario.merchants && again.scenario.days == scenario.days)
    let changed = try ScenarioSources.load(["taobao-700-full"], overrides: [Override(parsing: "merchants.count=77")])
    #expect(changed.first?.scenario.merchants.count == 77)
  }

  @Test("problems come back located (file, line, column, key path), not printed")
  func locatedDiagnostics() {
    let text = "name: x\nphases:\n  - {phase: wechat-baseline}\nmerchants:\n  count: -4\n"
    do {
      _ = try ScenarioFile.parse(text, file: "bad.yaml")
      Issue.record("a negative shop count must be refused")
    } catch {
      let d = error.diagnostics.first
      #expect(d?.file == "bad.yaml" && d?.line == 5 && d?.path == "merchants.count", "\(error.description)")
    }
    #expect(throws: OverrideError.self) { try Override(parsing: "no-equals-sign") }
  }
}

@Suite("Plausible ranges of the assumptions")
struct PlausibleRangeTests {
  @Test("every single-value assumption key has a range inside its domain that holds its default in every phase")
  func everyAssumption() {
    for field in ScenarioSchema.fields where field.isAssumption && field.uncertaintyScale != nil {
      guard let range = field.plausible else {
        Issue.record("\(field.path): an assumption without a plausible range")
        continue
      }
      #expect(range.lower < range.upper, "\(field.path)")
      if let domain = field.numericDomain {
        #expect(domain.contains(range.lower) && domain.contains(range.upper), "\(field.path): range outside the domain")
      }
      for phase in Phase.all {
        let value = field.numericValue(in: Scenario(phase: phase))!
        #expect(value >= range.lower && value <= range.upper, "\(field.path) = \(value) in \(phase.id)")
      }
      #expect(!range.reason.isEmpty)
    }
    #expect(Set(ScenarioSchema.plausibleRanges.keys).isSubset(of: Set(ScenarioSchema.fields.map(\.path))), "no range for a key that does not exist")
    #expect(ScenarioFile.allAssumptions.count >= 60)
  }
}
