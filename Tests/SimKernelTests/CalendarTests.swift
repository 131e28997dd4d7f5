import SimKernel
import Testing

@Suite("Time and calendar")
struct CalendarTests {
  @Test("civil dates round-trip through day numbers over four centuries")
  func civilRoundTrip() {
    var previous = CivilDate(daysSinceEpoch: -80_000)
    for n in -79_999...80_000 {
      let d = CivilDate(daysSinceEpoch: n)
      #expect(d.daysSinceEpoch == n)
      #expect(previous < d)
      previous = d
    }
  }

  @Test("known dates: the epoch, leap days, weekdays")
  func knownDates() {
    #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    #expect(CivilDate(year: 2024, month: 4, day: 8)!.daysSinceEpoch == 19_821)
    #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2025, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2024, month: 4, day: 8)!.isoWeekday == 1, "2024-04-08 was a Monday")
    #expect(CivilDate(year: 2025, month: 12, day: 17)!.isoWeekday == 3, "2025-12-17 was a Wednesday")
    #expect(CivilDate(iso8601: "2026-01-19")?.description == "2026-01-19")
    #expect(CivilDate(iso8601: "2026-13-01") == nil)
    #expect(CivilDate(iso8601: "2026-1-19") == nil)
  }

  @Test("China Standard Time: local midnight, hour of day and the next reset")
  func chinaStandardTime() {
    let cal = SimCalendar(origin: CivilDate(year: 2024, month: 1, day: 1)!)
    let quotaRule = cal.startOfDay(CivilDate(year: 2024, month: 4, day: 8)!)
    // 2024-04-08 00:00 +08:00 is 2024-04-07 16:00 UTC = 1712505600 s after the Unix epoch;
    // 2024-01-01 00:00 +08:00 is 1704038400 s.
    #expect(quotaRule.milliseconds == (1_712_505_600 - 1_704_038_400) * 1_000)
    #expect(cal.date(of: quotaRule) == CivilDate(year: 2024, month: 4, day: 8))
    #expect(cal.date(of: quotaRule - SimDuration(milliseconds: 1)) == CivilDate(year: 2024, month: 4, day: 7))
    let lateEvening = cal.time(of: CivilDate(year: 2024, month: 4, day: 8)!, hour: 23, minute: 59)
    #expect(cal.hourOfDay(lateEvening) == 23)
    #expect(cal.nextMidnight(after: lateEvening) == cal.startOfDay(CivilDate(year: 2024, month: 4, day: 9)!))
    #expect(cal.nextMidnight(after: quotaRule) == quotaRule + .days(1), "a reset instant's next reset is a day later")
    #expect(cal.startOfDay(containing: lateEvening) == quotaRule)
    // Before the origin (negative simulated time) floors correctly.
    let before = SimTime(milliseconds: -1)
    #expect(cal.date(of: before) == CivilDate(year: 2023, month: 12, day: 31))
    #expect(cal.hourOfDay(before) == 23)
    #expect(cal.origin == CivilDate(year: 2024, month: 1, day: 1))
  }

  @Test("durations round to the nearest millisecond and saturate instead of trapping")
  func durations() {
    #expect(SimDuration(hours: 1.5) == .minutes(90))
    #expect(SimDuration(seconds: 0.0004).milliseconds == 0)
    #expect(SimDuration(seconds: 0.0006).milliseconds == 1)
    #expect(SimDuration(days: 1e300).milliseconds == .max)
    #expect(SimDuration(days: .nan) == .zero)
    #expect(SimDuration.days(2).hours == 48)
  }

  @Test("rounding to milliseconds is nearest, ties to even, as Double.rounded, on both sides of 2^51 where the fast path ends")
  func roundingMatchesTheStandardLibrary() {
    var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 1e-300, -1e-300,
                            0x1p51.nextDown, -0x1p51.nextDown, 0x1p51, -0x1p51, 0x1p51.nextUp, 0x1p52 + 1, 3e15 + 0.5, 9.1e18, -9.1e18]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<100_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let scale = Double(sign: .plus, exponent: Int(state >> 58), significand: 1)
      let v = (Double(state >> 11) / 0x1p53 - 0.5) * scale
      values += [v, v.rounded(.down) + 0.5, -(v.rounded(.down) + 0.5)]
    }
    for v in values {
      #expect(SimDuration(roundingMilliseconds: v).milliseconds == Int64(v.rounded(.toNearestOrEven)), "\(v)")
    }
  }

  @Test("time arithmetic saturates instead of trapping, and the calendar gives the far future a day")
  func saturation() {
    let far = SimTime.distantFuture
    #expect(far + SimDuration(hours: 1e30) == far)
    #expect(far + .days(1) == far)
    #expect(SimTime(milliseconds: .min) - .days(1) == SimTime(milliseconds: .min))
    #expect((far - SimTime(milliseconds: -5)).milliseconds == .max)
    #expect(SimDuration(milliseconds: .max / 2) * 3 == SimDuration(milliseconds: .max))
    #expect(SimDuration(milliseconds: .max / 2) * -3 == SimDuration(milliseconds: .min))
    #expect(SimDuration(hours: .infinity) == SimDuration(milliseconds: .max))
    #expect(SimDuration(hours: .nan) == .zero)
    let calendar = SimCalendar(origin: CivilDate(year: 2026, month: 1, day: 1)!)
    #expect(calendar.localDayNumber(of: far) > calendar.localDayNumber(of: .zero))
    #expect(calendar.millisecondOfDay(far) >= 0)
  }
}
