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
  @Test("every assumption key, distributions, hourly weights, switches and campaigns included, has a range inside its domain that holds its default in every phase, and all-assumptions varies it")
  func everyAssumption() {
    let varied = Set(ScenarioFile.allAssumptions.map(\.path))
    for field in ScenarioSchema.fields where field.isAssumption {
      #expect(field.uncertaintyScale != nil, "\(field.path): an assumption an exploration cannot vary")
      #expect(varied.contains(field.path), "\(field.path): left fixed by all-assumptions")
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
    #expect(Set(ScenarioSchema.plausibleRanges.keys)
      .isSubset(of: Set(ScenarioSchema.fields.map(\.path) + [ScenarioUncertainty.campaignsPath])), "no range for a key that does not exist")
    for path in ["orders.payment_delay_hours", "orders.handling_time_hours", "orders.transit_time_hours",
                 "orders.confirmation_delay_hours", "orders.after_sale_duration_hours", "contact.marketing_delay_hours",
                 "contact.official_tool_delay_hours", "contact.official_message_delay_hours", "orders.hourly_weights",
                 "merchants.retains_numbers", ScenarioUncertainty.campaignsPath] {
      #expect(varied.contains(path), "\(path) is an assumption all-assumptions must vary")
    }
  }

  @Test("a multiplier scales a distribution's every draw (mean ×f, shape kept), the hourly peak and the campaigns' extra orders; a switch reads 0/1")
  func multipliers() {
    let base = Scenario.timeline()
    func varied(_ path: String, _ x: Double) -> Scenario {
      var s = base
      ScenarioFile.allAssumptions.first { $0.path == path }!.apply(x, to: &s)
      return s
    }
    let handling = varied("orders.handling_time_hours", 2).orders.handlingTime
    #expect(abs(handling.mean - 2 * base.orders.handlingTime.mean) < 1e-9)
    #expect(abs(handling.variance - 4 * base.orders.handlingTime.variance) < 1e-6)
    let flat = varied("orders.hourly_weights", 0).orders.hourlyWeights
    #expect(Set(flat).count == 1, "factor 0: a flat day")
    #expect(abs(flat.reduce(0, +) - base.orders.hourlyWeights.reduce(0, +)) < 1e-9, "the day's total kept")
    #expect(varied("orders.hourly_weights", 1).orders.hourlyWeights == base.orders.hourlyWeights)
    let peaks = varied(ScenarioUncertainty.campaignsPath, 0.5).orders.campaigns
    #expect(!peaks.isEmpty)
    for (p, b) in zip(peaks, base.orders.campaigns) { #expect(abs((p.factor - 1) - 0.5 * (b.factor - 1)) < 1e-12) }
    #expect(varied("merchants.retains_numbers", 0.2).merchants.retainsNumbers == false)
    #expect(varied("merchants.retains_numbers", 0.7).merchants.retainsNumbers == true)
  }
}
