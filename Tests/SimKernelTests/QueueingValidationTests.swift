import SimKernel
import Testing

/// The kernel against queueing theory (fixed seed). These are the same checks
/// `simrun selftest` prints.
@Suite("Queueing validation")
struct QueueingValidationTests {
  static let rows = KernelValidation.run(seed: 20_240_408, replications: 20)

  @Test("analytic formulas: textbook values")
  func formulas() {
    let mm1 = QueueingTheory.mm1(arrivalRate: 0.9, serviceRate: 1)
    #expect(abs(mm1.meanWaitInQueue - 9) < 1e-12 && abs(mm1.meanNumberInSystem - 9) < 1e-12)
    // Erlang C for c = 3, a = 2.4: P(wait) = 0.64719..., Wq = 1.07865...
    let mm3 = QueueingTheory.mmc(arrivalRate: 2.4, serviceRate: 1, servers: 3)
    #expect(abs(mm3.meanWaitInQueue - 1.078_651) < 1e-5)
    let md1 = QueueingTheory.md1(arrivalRate: 0.7, serviceTime: 1)
    #expect(abs(md1.meanWaitInQueue - 0.7 / 0.6) < 1e-12)
  }

  @Test("every system: Wq and L inside the 95% CI, half-width under 3%; Little's law in every run",
        arguments: KernelValidation.standardCases.map(\.name))
  func system(name: String) {
    let rows = Self.rows.filter { $0.system == name }
    #expect(rows.count == 3)
    for row in rows {
      #expect(row.passed, "\(row.system) \(row.quantity): \(row.note)")
      if let ci = row.interval {
        #expect(ci.contains(row.analytic))
        #expect(ci.halfWidth < 0.03 * row.analytic)
        #expect(ci.count == 20)
      } else {
        #expect(row.simulated <= KernelValidation.littleTolerance)
      }
    }
    #expect(rows.filter { $0.interval == nil }.count == 1, "one Little's-law row per system")
  }
}
