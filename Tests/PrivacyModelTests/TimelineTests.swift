import PrivacyModel
import SimKernel
import Testing

@Suite("Timeline: phases switching on inside one run")
struct TimelineTests {
  @Test("the 2024–2026 timeline schedules all eight phases of §7 on both platforms at their dates")
  func timelineSchedule() {
    let t = Scenario.timeline()
    #expect(t.platforms == [.wechatShop, .taobao])
    #expect(t.schedule.count == 8)
    let wechat = t.phases(of: .wechatShop)
    #expect(wechat.map(\.phase.id) == ["wechat-baseline", "wechat-2024-04-quota", "wechat-2025-08-necessary",
                                       "wechat-2025-10-virtual-number", "wechat-2026-01-aftersale-vn"])
    #expect(wechat[0].start == .zero)
    #expect(t.calendar.date(of: wechat[1].start) == CivilDate(year: 2024, month: 4, day: 8))
    let taobao = t.phases(of: .taobao)
    #expect(t.calendar.date(of: taobao[2].start) == CivilDate(year: 2026, month: 4, day: 1))
    #expect(t.days == 912, "2024-01-01 to 2026-07-01")
    // A run starting in February 2026 starts under the phases in force then.
    let late = Scenario.timeline(start: CivilDate(year: 2026, month: 2, day: 2)!)
    #expect(late.phases(of: .wechatShop)[late.initialPhaseIndex(of: .wechatShop)].phase.id == "wechat-2026-01-aftersale-vn")
    #expect(late.phases(of: .taobao)[late.initialPhaseIndex(of: .taobao)].phase.id == "taobao-700-gray")
    #expect(t.initialPhaseIndex(of: .wechatShop) == 0)
  }

  /// WeChat baseline, then virtual numbers from day 28: eight weeks, no warm-up.
  func switching(_ later: Phase, at day: Int, platform first: Phase) -> ScenarioResult {
    var s = Scenario(phase: first, start: CivilDate(year: 2025, month: 1, day: 6), days: 56, warmupDays: 0)
    s.orders.ordersPerDay = 2_000
    s.merchants.count = 300
    s.schedule = [ScheduledPhase(first), ScheduledPhase(later, from: s.start.adding(days: day))]
    s.recordsWeeklySeries = true
    return ScenarioRunner.run(s, seed: 8, replications: 2)
  }

  @Test("R-W1 switching on mid-run: weekly exposure drops from the switch week on")
  func weChatSwitch() {
    let r = switching(.wechatVirtualNumber, at: 28, platform: .wechatBaseline)
    let weekly = r.weeklyIntervals(.realNumberExposuresPer1000).map(\.mean)
    #expect(weekly.count == 8)
    for w in 0..<4 { #expect(weekly[w] > 780, "week \(w): plaintext baseline (paid orders with logistics)") }
    for w in 4..<8 { #expect(weekly[w] < 50, "week \(w): virtual numbers") }
  }

  @Test("R-T2 switching on mid-run: orders created after the switch get 700 numbers and G-group calls")
  func taobaoSwitch() {
    let r = switching(.taobao700Full, at: 21, platform: .taobao11Plus4)
    let calls = r.weeklyIntervals(.gGroupCalls).map(\.mean)
    let refused = r.weeklyIntervals(.gGroupRejected).map(\.mean)
    // 11+4 orders take no registration (R-G6): the only calls on them are
    // eager shops' that do not check the format, and all are refused (for
    // the format, or — a big shop sending all its callers in one call —
    // for too many numbers, which the API checks first).
    for w in 0..<3 { #expect(calls[w] == refused[w], "week \(w): \(calls[w]) calls, \(refused[w]) refused") }
    for w in 3..<8 { #expect(calls[w] > 0, "week \(w): 700 orders") }
  }

  @Test("both platforms in one run: orders split between them, each under its own rules")
  func bothPlatforms() {
    var s = Scenario.timeline(start: CivilDate(year: 2026, month: 2, day: 2)!, end: CivilDate(year: 2026, month: 3, day: 16)!,
                              warmupDays: 7)
    s.orders.ordersPerDay = 2_000
    s.merchants.count = 400
    let c = ScenarioRunner.replicate(s, seed: 4, replication: 0).counts
    #expect(c.callsBlockedUnverified > 0, "WeChat's R-W7 is in force")
    #expect(c.gGroupCalls > 0, "Taobao's G groups are in force")
    #expect(c.realNumberExposures < c.orders / 20, "both platforms mask numbers in 2026")
    var onlyWeChat = s
    onlyWeChat.weChatShare = 1
    #expect(ScenarioRunner.replicate(onlyWeChat, seed: 4, replication: 0).counts.gGroupCalls == 0)
  }

  @Test("R-W1 by week of the event: no virtual-number call before the switch; by creation week, orders created before it carry them back")
  func rW1EventWeeks() {
    func weekly(_ basis: WeeklySeriesBasis) -> [Double] {
      var s = Scenario(phase: .wechatNecessary, start: CivilDate(year: 2025, month: 8, day: 4)!, days: 70, warmupDays: 7)
      s.orders.ordersPerDay = 2_000
      s.merchants.count = 300
      s.schedule = [ScheduledPhase(.wechatNecessary), ScheduledPhase(.wechatVirtualNumber, from: CivilDate(year: 2025, month: 10, day: 1)!)]
      s.recordsWeeklySeries = true
      s.weeklySeriesBasis = basis
      return ScenarioRunner.run(s, seed: 11, replications: 2).weeklyIntervals(.contactsVirtualNumberPer1000).map(\.mean)
    }
    // Weeks from 2025-08-11: weeks 0–6 end by 2025-09-29, week 7 holds the
    // switch (2025-10-01).
    let byEvent = weekly(.event), byCreation = weekly(.creation)
    #expect(byEvent.count == 9 && byCreation.count == 9)
    for w in 0..<7 { #expect(byEvent[w] == 0, "week \(w) by event: \(byEvent)") }
    #expect(byEvent[8] > 10, "after the switch: \(byEvent)")
    #expect(byCreation[6] > 1, "orders created the week before the switch call virtual numbers after it: \(byCreation)")
  }

  @Test("weekly series only where recorded: phase runs skip them, and their totals are the same either way")
  func weeklyOnlyWhenRecorded() {
    var s = small(.wechatVirtualNumber)
    let plain = ScenarioRunner.replicate(s, seed: 4, replication: 0)
    s.recordsWeeklySeries = true
    let recorded = ScenarioRunner.replicate(s, seed: 4, replication: 0)
    #expect(plain.weekly.isEmpty)
    #expect(recorded.weekly.count == 5)
    #expect(metricValues(plain.counts) == metricValues(recorded.counts))
    #expect(recorded.weekly.map(\.orders).reduce(0, +) == recorded.counts.orders)
    #expect(Scenario.timeline().recordsWeeklySeries)
  }
}
