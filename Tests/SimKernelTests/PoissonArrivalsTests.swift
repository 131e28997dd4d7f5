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

  @Test("reusing a stretch of constant rate gives the same times, to the millisecond, as working the rate out at every step")
  func stretchesAreExact() throws {
    let weights = (0..<24).map { $0 < 6 ? 0.0 : Double(1 + $0 % 5) }
    let cycle = try DailyCycle(hourlyWeights: weights)
    let campaigns: [PoissonArrivals.Campaign] = [
      .init(start: SimTime(milliseconds: 90_000_000), end: SimTime(milliseconds: 200_000_123), factor: 3.5),
      .init(start: SimTime(milliseconds: 150_000_000), end: SimTime(milliseconds: 260_000_000), factor: 0),
      .init(start: SimTime(milliseconds: 250_000_000), end: SimTime(milliseconds: 400_000_007), factor: 0.25),
    ]
    var process = PoissonArrivals(ratePerDay: 3_000, cycle: cycle, calendar: Self.calendar, campaigns: campaigns)
    let a = RandomStream(seed: 2, replication: 0, stream: 4)
    let b = RandomStream(seed: 2, replication: 0, stream: 4)
    // The step as it was before stretches were kept: every piece of work
    // walks from the clock, working out the hour's rate and the campaigns.
    var clock = 0.0
    func reference() -> SimTime {
      var work = b.exponential(mean: 1)
      while clock < 9e18 {
        let hourStart = (clock / 3_600_000).rounded(.down) * 3_600_000
        var end = hourStart + 3_600_000
        var rate = 3_000.0 / 86_400_000 * cycle.multipliers[Self.calendar.hourOfDay(SimTime(milliseconds: Int64(hourStart)))]
        var silentUntil: Double? = nil
        for c in campaigns {
          let from = Double(c.start.milliseconds), to = Double(c.end.milliseconds)
          if from <= clock && clock < to {
            rate *= c.factor
            end = min(end, to)
            if c.factor == 0 { silentUntil = max(silentUntil ?? to, to) }
          } else if from > clock {
            end = min(end, from)
          }
        }
        if let silentUntil { clock = silentUntil; continue }
        let room = rate * (end - clock)
        if work < room {
          clock += work / rate
          return SimTime(milliseconds: SimDuration(roundingMilliseconds: clock).milliseconds)
        }
        work -= room
        clock = end
      }
      return .distantFuture
    }
    var times = 0
    while true {
      let t = process.next(a)
      #expect(t == reference())
      if t >= SimTime(milliseconds: 500_000_000) { break }
      times += 1
    }
    #expect(times > 8_000)
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
