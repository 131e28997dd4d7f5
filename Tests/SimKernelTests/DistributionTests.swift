import CGSL
import SimKernel
import Testing

/// Each distribution against theory, with a fixed seed: χ² goodness of fit at
/// α = 0.001, plus batch-means t-tests of the sample mean and variance.
@Suite("Distributions")
struct DistributionTests {
  static let n = 200_000

  struct ContinuousCase: CustomTestStringConvertible, Sendable {
    let distribution: ContinuousDistribution
    let cdf: @Sendable (Double) -> Double
    var testDescription: String { "\(distribution)" }
  }

  static let continuousCases: [ContinuousCase] = [
    .init(distribution: .uniform(lower: 2, upper: 5), cdf: { gsl_cdf_flat_P($0, 2, 5) }),
    .init(distribution: .exponential(mean: 3), cdf: { gsl_cdf_exponential_P($0, 3) }),
    .init(distribution: .normal(mean: 50, standardDeviation: 4), cdf: { gsl_cdf_gaussian_P($0 - 50, 4) }),
    .init(distribution: .lognormal(mu: 1, sigma: 0.5), cdf: { gsl_cdf_lognormal_P($0, 1, 0.5) }),
    .init(distribution: .gamma(shape: 2.5, scale: 1.5), cdf: { gsl_cdf_gamma_P($0, 2.5, 1.5) }),
    .init(distribution: .weibull(shape: 1.7, scale: 4), cdf: { gsl_cdf_weibull_P($0, 4, 1.7) }),
  ]

  @Test("continuous draws fit their law and moments, with either generator the model offers",
        arguments: continuousCases, [GeneratorKind.taus2, .mt19937])
  func continuous(c: ContinuousCase, kind: GeneratorKind) {
    let stream = RandomStream(seed: 2024, replication: 0, stream: 11, kind: kind)
    let xs = (0..<Self.n).map { _ in c.distribution.sample(stream) }
    #expect(GoodnessOfFit.continuousPValue(xs, cdf: c.cdf) > GoodnessOfFit.alpha)
    let m = GoodnessOfFit.momentsMatch(xs, mean: c.distribution.mean, variance: c.distribution.variance)
    #expect(m.mean)
    #expect(m.variance)
  }

  @Test("lognormal(mean:cv:) has the requested mean and coefficient of variation")
  func lognormalByMoments() {
    let d = ContinuousDistribution.lognormal(mean: 10, cv: 0.8)
    #expect(abs(d.mean - 10) < 1e-9)
    #expect(abs(d.variance.squareRoot() / d.mean - 0.8) < 1e-9)
  }

  @Test("Pareto draws fit the Pareto law (shape 5, scale 2)")
  func pareto() {
    let s = RandomStream(seed: 2024, replication: 0, stream: 17)
    let xs = (0..<Self.n).map { _ in s.pareto(shape: 5, scale: 2) }
    #expect(xs.allSatisfy { $0 >= 2 })
    #expect(GoodnessOfFit.continuousPValue(xs, cdf: { gsl_cdf_pareto_P($0, 5, 2) }) > GoodnessOfFit.alpha)
    // mean a·b/(a−1) = 2.5; variance b²·a/((a−1)²(a−2)) = 5/12
    let m = GoodnessOfFit.momentsMatch(xs, mean: 2.5, variance: 5.0 / 12)
    #expect(m.mean && m.variance)
  }

  @Test("Beta draws fit the beta law (a 1.5, b 0.5)")
  func beta() {
    let s = RandomStream(seed: 2024, replication: 0, stream: 18)
    let xs = (0..<Self.n).map { _ in s.beta(1.5, 0.5) }
    #expect(xs.allSatisfy { $0 >= 0 && $0 <= 1 })
    #expect(GoodnessOfFit.continuousPValue(xs, cdf: { gsl_cdf_beta_P($0, 1.5, 0.5) }) > GoodnessOfFit.alpha)
    // mean a/(a+b) = 0.75; variance ab/((a+b)²(a+b+1)) = 0.75/12
    let m = GoodnessOfFit.momentsMatch(xs, mean: 0.75, variance: 0.75 / 12)
    #expect(m.mean && m.variance)
  }

  @Test("QuantileTables: tabulated beta quantiles draw the beta law, monotone in the uniform")
  func quantileTables() {
    let tables = QuantileTables.beta(shapes: [(1.5, 0.5), (6, 2)])
    let s = RandomStream(seed: 2024, replication: 0, stream: 19)
    let xs = (0..<Self.n).map { _ in tables.sample(table: 0, s) }
    #expect(GoodnessOfFit.continuousPValue(xs, cdf: { gsl_cdf_beta_P($0, 1.5, 0.5) }) > GoodnessOfFit.alpha)
    let m = GoodnessOfFit.momentsMatch(xs, mean: 0.75, variance: 0.75 / 12)
    #expect(m.mean && m.variance)
    // Between the points the error is small; at the points it is exact.
    // Near the ends the quantile may be steep (∝ u^(1/6) near 0 for a = 6),
    // and linear interpolation coarse there: checked between 1% and 99%.
    let inner = stride(from: 0.01, to: 0.99, by: 0.0005)
    let worst = inner.map { abs(tables.value(table: 1, at: $0) - gsl_cdf_beta_Pinv($0, 6, 2)) }.max()!
    #expect(worst < 1e-3, "largest interpolation error \(worst)")
    #expect(tables.value(table: 1, at: 0.5) == gsl_cdf_beta_Pinv(0.5, 6, 2))
    let grid = stride(from: 0.0, to: 1.0, by: 0.0001).map { tables.value(table: 0, at: $0) }
    #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 <= $1 }, "monotone in u")
  }

  @Test("Poisson draws fit the Poisson law")
  func poisson() {
    let s = RandomStream(seed: 2024, replication: 0, stream: 12)
    let ks = (0..<Self.n).map { _ in s.poisson(mean: 4) }
    #expect(GoodnessOfFit.discretePValue(ks, pmf: { gsl_ran_poisson_pdf(UInt32($0), 4) }, tailFrom: 12) > GoodnessOfFit.alpha)
    let m = GoodnessOfFit.momentsMatch(ks.map(Double.init), mean: 4, variance: 4)
    #expect(m.mean && m.variance)
  }

  @Test("binomial draws fit the binomial law")
  func binomial() {
    let s = RandomStream(seed: 2024, replication: 0, stream: 13)
    let ks = (0..<Self.n).map { _ in s.binomial(trials: 20, p: 0.3) }
    #expect(GoodnessOfFit.discretePValue(ks, pmf: { gsl_ran_binomial_pdf(UInt32($0), 0.3, 20) }, tailFrom: 13) > GoodnessOfFit.alpha)
    let m = GoodnessOfFit.momentsMatch(ks.map(Double.init), mean: 6, variance: 4.2)
    #expect(m.mean && m.variance)
  }

  @Test("Bernoulli draws have the requested probability")
  func bernoulli() {
    let s = RandomStream(seed: 2024, replication: 0, stream: 14)
    let ks = (0..<Self.n).map { _ in s.bernoulli(0.3) ? 1 : 0 }
    #expect(GoodnessOfFit.discretePValue(ks, pmf: { $0 == 0 ? 0.7 : 0.3 }, tailFrom: 1) > GoodnessOfFit.alpha)
    let m = GoodnessOfFit.momentsMatch(ks.map(Double.init), mean: 0.3, variance: 0.21)
    #expect(m.mean && m.variance)
  }

  @Test("bernoulli is GSL's gsl_ran_bernoulli draw for draw (written out to be inlined)")
  func bernoulliIsGSLs() {
    let ours = RandomStream(seed: 9, replication: 1, stream: 4)
    let gsls = RandomStream(seed: 9, replication: 1, stream: 4)
    let ps = [0, 1e-9, 0.01, 0.3, 0.5, 0.7, 0.999, 1]
    var differ = 0
    for i in 0..<Self.n {
      let p = ps[i % ps.count]
      if ours.bernoulli(p) != (gsl_ran_bernoulli(gsls.generator, p) == 1) { differ += 1 }
    }
    #expect(differ == 0)
  }

  @Test("categorical draws follow the preprocessed table; zero-weight categories never occur")
  func categorical() throws {
    let weights: [Double] = [5, 1, 0, 3, 1, 20]
    let table = try CategoricalTable(weights: weights)
    let s = RandomStream(seed: 2024, replication: 0, stream: 15)
    var counts = Array(repeating: 0, count: weights.count)
    for _ in 0..<Self.n { counts[s.categorical(table)] += 1 }
    #expect(counts[2] == 0)
    let live = [0, 1, 3, 4, 5]
    let total = weights.reduce(0, +)
    let p = GoodnessOfFit.chiSquarePValue(
      observed: live.map { counts[$0] }, expected: live.map { Double(Self.n) * weights[$0] / total })
    #expect(p > GoodnessOfFit.alpha)
    #expect(abs(table.probabilities.reduce(0, +) - 1) < 1e-12)
  }

  @Test("arrivals reproduce the daily cycle in local time and the campaign uplift")
  func nonHomogeneousPoisson() throws {
    let weights: [Double] = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 1.5, 2, 2.2, 2, 1.8, 1.6, 1.6, 1.7, 1.8, 2, 2.4, 2.8, 3, 2.6, 2, 1.4]
    let cycle = try DailyCycle(hourlyWeights: weights)
    let calendar = SimCalendar(origin: CivilDate(year: 2025, month: 1, day: 1)!)
    let days = 200
    let campaignStart = SimTime.zero + .days(100)
    let campaign = PoissonArrivals.Campaign(start: campaignStart, end: campaignStart + .days(10), factor: 3)
    var process = PoissonArrivals(ratePerDay: 1_200, cycle: cycle, calendar: calendar, campaigns: [campaign])
    let stream = RandomStream(seed: 2024, replication: 0, stream: 16)
    var byHour = Array(repeating: 0, count: 24)
    var inCampaign = 0
    var total = 0
    let end = SimTime.zero + .days(Int64(days))
    var last = SimTime.zero
    while true {
      let t = process.next(stream)
      if t >= end { break }
      #expect(t >= last)
      last = t
      total += 1
      if t >= campaign.start && t < campaign.end {
        inCampaign += 1
      } else {
        byHour[calendar.hourOfDay(t)] += 1
      }
    }
    // Outside the campaign: 190 days at 1,200 a day, shaped by the cycle.
    let expected = cycle.multipliers.map { 1_200.0 * 190 * $0 / 24 }
    #expect(GoodnessOfFit.chiSquarePValue(observed: byHour, expected: expected) > GoodnessOfFit.alpha)
    // The campaign: 10 days at 3 × 1,200; a Poisson count, so z-test at α = 0.001.
    let campaignMean = 36_000.0
    #expect(abs(Double(inCampaign) - campaignMean) < 3.29 * campaignMean.squareRoot())
    #expect(total == inCampaign + byHour.reduce(0, +))
  }
}
