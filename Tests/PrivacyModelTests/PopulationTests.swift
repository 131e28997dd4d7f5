import Foundation
import PrivacyModel
import SimKernel
import Testing

/// The population represents the market's shop sizes instead of sampling
/// them: every simulated shop carries an equal share of the orders, keeps
/// its real size for per-shop rules, and the market's answer does not
/// depend on how finely it is simulated.
@Suite("Representative population and shop-size segments")
struct PopulationTests {
  @Test("shops stand at the strata of the order-weighted size law; segments get their share of orders")
  func strata() {
    var p = MerchantParameters()
    p.count = 1_000
    let population = MerchantPopulation(p, weChatShare: 1, stream: RandomStream(seed: 1, replication: 0, stream: 100),
                                        ordersPerDay: 10_000)
    let sizes = population.merchants.map(\.ordersPerDay)
    #expect(sizes == sizes.sorted() && sizes.first! >= 1 && sizes.last! <= 10_000)
    // Every shop 10 simulated orders a day: scale = 10 / real size.
    #expect(population.merchants.allSatisfy { abs($0.scale.simulatedPerReal * $0.ordersPerDay - 10) < 1e-9 })
    // Shops under 10 a day carry (1 − 10^−0.1) / (1 − 10000^−0.1) of the orders.
    let small = Double(population.merchants.filter { $0.segment == .under10 }.count) / 1_000
    #expect(abs(small - (1 - Foundation_pow(10, -0.1)) / (1 - Foundation_pow(10_000, -0.1))) < 0.002, "\(small)")
  }

  @Test("R-D2 quota: the same market gives the same refusals whether its big shops are pooled, whole or sampled")
  func rD2ScaleInvariance() {
    func denied(ordersPerDay: Double) -> ConfidenceInterval {
      var s = small(.wechatQuota)
      s.merchants.count = 200
      s.orders.ordersPerDay = ordersPerDay
      s.days = 30
      return ScenarioRunner.run(s, seed: 3, replications: 4, threads: 2).interval(.decryptDeniedQuota)
    }
    // 2 simulated orders a shop a day (almost every shop sampled) against
    // 100 (shops under 100 a day pooled, bigger ones sampled 10× more).
    let coarse = denied(ordersPerDay: 400), fine = denied(ordersPerDay: 20_000)
    #expect(fine.mean > 5, "the quota binds in this market")
    #expect(abs(coarse.mean - fine.mean) < 0.2 * fine.mean + coarse.halfWidth + fine.halfWidth,
            "coarse \(coarse.mean) ± \(coarse.halfWidth), fine \(fine.mean) ± \(fine.halfWidth)")
  }

  @Test("R-D2: the quota's refusals fall on big shops; segment counts add up to the totals")
  func rD2Segments() {
    let r = ScenarioRunner.replicate(small(.wechatQuota), seed: 11, replication: 0)
    let segmentOrders: Int = r.segments.map(\.orders).reduce(0, +)
    #expect(segmentOrders == r.counts.orders)
    let segmentDenials: Int = r.segments.map { (c: ModelCounts) -> Int in c.decryptDenied.reduce(0, +) }.reduce(0, +)
    let totalDenials: Int = r.counts.decryptDenied.reduce(0, +)
    #expect(segmentDenials == totalDenials)
    let under10 = r.segments[ShopSegment.under10.rawValue].value(.decryptDeniedQuota)
    let over1000 = r.segments[ShopSegment.atLeast1000.rawValue].value(.decryptDeniedQuota)
    #expect(under10 < 1 && over1000 > 100, "< 10 a day: \(under10), ≥ 1,000 a day: \(over1000)")
  }

  @Test("spread between replications falls as shops grow (orders scaled alike), about 1/√shops")
  func spreadFalls() {
    func sd(_ shops: Int) -> Double {
      var s = small(.wechatQuota)
      s.merchants.count = shops
      s.orders.ordersPerDay = Double(10 * shops)
      s.days = 15
      s.warmupDays = 5
      let values = ScenarioRunner.run(s, seed: 8, replications: 10, threads: 2).values(.decryptDeniedQuota)
      let mean = values.reduce(0, +) / Double(values.count)
      return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }
    let few = sd(100), many = sd(1_600)
    // 1/√16 = 0.25; with 10 replications a ratio under 0.6 is far from the
    // old sampled population, whose spread grew with shops.
    #expect(many < 0.6 * few, "sd with 100 shops \(few), with 1,600 \(many)")
  }
}

/// x^y for the tests (Foundation's pow).
func Foundation_pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
