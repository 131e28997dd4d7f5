import CGSL
import SimKernel
import Testing

/// ``PoissonArrivals`` by inversion of the cumulative rate: exact gaps, one
/// draw an arrival, silent windows skipped. (The daily cycle and the
/// campaign uplift are checked in ``DistributionTests``.)
@Suite("Poisson arrivals by inversion")
struct PoissonArrivalsTests {
  static let calendar = SimCalendar(origin: CivilDate(year: 2025, month: 1, day: 1)!)

  @Test("at a constant rate the gaps are exponential with the rate's mean", arguments: [GeneratorKind.taus2, .mt19937])
  func exponentialGaps(kind: GeneratorKind) {
    var process = PoissonArrivals(ratePerDay: 1_200, cycle: .flat, calendar: Self.calendar)
    let stream = RandomStream(seed: 7, replication: 0, stream: 3, kind: kind)
    var last = SimTime.zero
    var gaps: [Double] = []
    for _ in 0..<100_000 {
      let t = process.next(stream)
      gaps.append(Double((t - last).milliseconds))
      last = t
    }
    let mean = 86_400_000.0 / 1_200
    // Gaps are whole milliseconds: the law is checked on 50 bins of 1,440 ms
    // and more, where rounding does not show.
    #expect(GoodnessOfFit.continuousPValue(gaps, cdf: { gsl_cdf_exponential_P($0, mean) }) > GoodnessOfFit.alpha)
    let m = GoodnessOfFit.momentsMatch(gaps, mean: mean, variance: mean * mean)
    #expect(m.mean)
    #expect(m.variance)
  }

  @Test("each arrival takes one exponential draw, however many hours it crosses")
  func oneDrawAnArrival() throws {
    // Quiet nights (weight 0 from 0:00 to 6:00) make arrivals cross hours.
    let weights = (0..<24).map { $0 < 6 ? 0.0 : 1.0 }
    var process = PoissonArrivals(ratePerDay: 50, cycle: try DailyCycle(hourlyWeights: weights), calendar: Self.calendar)
    let a = RandomStream(seed: 11, replication: 2, stream: 5)
    let b = RandomStream(seed: 11, replication: 2, stream: 5)
    var night = 0
    for _ in 0..<5_000 {
      let t = process.next(a)
      _ = b.exponential(mean: 1)
      if Self.calendar.hourOfDay(t) < 6 { night += 1 }
    }
    #expect(night == 0, "no arrival in hours of rate zero")
    #expect(a.uniform() == b.uniform(), "the streams are at the same place")
  }

  @Test("a campaign of factor 0 silences its window; arrivals resume at its end, and a rate of zero for ever ends them")
  func silentWindow() {
    let start = SimTime.zero + .days(3)
    let end = SimTime.zero + .days(5)
    var process = PoissonArrivals(ratePerDay: 500, cycle: .flat, calendar: Self.calendar,
                                  campaigns: [.init(start: start, end: end, factor: 0)])
    let stream = RandomStream(seed: 1, replication: 0, stream: 1)
    var times: [SimTime] = []
    while true {
      let t = process.next(stream)
      if t >= SimTime.zero + .days(8) { break }
      times.append(t)
    }
    #expect(!times.contains { $0 >= start && $0 < end })
    #expect(times.contains { $0 >= end && $0 < end + .hours(1) }, "arrivals resume within the hour after the window")
    #expect(times.filter { $0 < start }.count > 1_300)

    var silent = PoissonArrivals(ratePerDay: 500, cycle: .flat, calendar: Self.calendar,
                                 campaigns: [.init(start: .zero, end: .distantFuture, factor: 0)])
    #expect(silent.next(stream) == .distantFuture)
  }
}
