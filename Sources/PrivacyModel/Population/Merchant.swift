public import SimKernel

/// How a shop registers its callers with Taobao's G groups (R-G9).
public enum RegistrationStrategy: UInt8, Hashable, Sendable {
  /// Through the order API when the waybill is printed.
  case eager
  /// Through the order API when a call is needed (S4 FAQ 14's advice).
  case lazy
  /// Never.
  case none
}

/// One shop: its size, set-up and habits, and its running state.
public struct Merchant: Sendable {
  /// Share of all orders that go to this shop.
  public let weight: Double
  public let platform: Platform
  public let hasEWaybill: Bool
  public let hasQuota: Bool
  public let usesOfficialTools: Bool
  public let misusesNumbers: Bool
  public let registration: RegistrationStrategy
  /// An eager shop that registers again when an order's OAID changes (R-G7).
  public let reregistersOnOAIDChange: Bool
  /// Whether the shop keeps its callers on the shop-level G-group list
  /// (R-G1; up to ``GGroupRegistry/shopLevelLimit`` of them).
  public let staffOnShopLevelList: Bool
  /// Eager shops: register at most `per_call_limit` numbers per call
  /// (R-G2); the others send all their callers in one call.
  public let splitsRegistrationCalls: Bool
  /// Eager shops: check an order's number is 700 before registering (R-G6).
  public let checksNumberFormat: Bool
  /// Ships from its own warehouse outside the platform's masking scheme (R-G8).
  public let ownWarehouse: Bool
  /// Runs its own installation or pick-up service (R-G8).
  public let ownInstallation: Bool
  /// Decrypt counters and suspension (R-D2, R-V1).
  public var decrypt = ShopDecryptState()
  /// A temporary-quota application awaiting its decision (R-D2).
  public var quotaApplicationPending = false
  /// Today's OAID decrypt calls (R-D6, Taobao).
  public var oaidDecrypts = OAIDDecryptBatch()

  /// The shop's calling numbers (staff, customer-service seats, warehouse
  /// staff, installers): directory entries `0 ..< callers.count`; entry 0
  /// is the staff line.
  public internal(set) var callers = CallerSet(single: 0)
  /// The shop-level G-group list (R-G1): the shop's first callers, up to the
  /// limit, if it keeps a list.
  public internal(set) var shopLevelCallers = CallerSet.empty
  /// A caller whose number the shop keeps in a form the API rejects
  /// (R-G5), if any.
  public internal(set) var invalidCallers = CallerSet.empty
}

/// The shops of a replication, with the preprocessed table that picks the
/// shop of each order in O(1).
public struct MerchantPopulation: Sendable {
  public var merchants: [Merchant]
  /// Each shop's calling line and its real-name verification history
  /// (R-W7), by shop index. Kept apart from ``merchants`` so a shop stays a
  /// plain value the model copies without reference counting.
  public let verifications: [CallerVerification]
  public let picker: CategoricalTable

  /// Draws `parameters.count` shops. Sizes are Pareto-distributed; the
  /// population depends only on (seed, replication), so phases compared side
  /// by side see the same shops.
  ///
  /// Shops that submit their calling line for real-name verification (R-W7)
  /// do so at `verificationStart`: the time R-W7 comes into force (zero
  /// when it is in force from the start).
  public init(_ parameters: MerchantParameters, weChatShare: Double, stream: RandomStream,
              verificationStart: SimTime = .zero, couriers: CourierParameters = CourierParameters(),
              ordersPerDay: Double = 5_000, shopLevelLimit: Int = 40) {
    var merchants: [Merchant] = []
    merchants.reserveCapacity(parameters.count)
    var verifications: [CallerVerification] = []
    verifications.reserveCapacity(parameters.count)
    for _ in 0..<parameters.count {
      let size = stream.pareto(shape: parameters.sizeParetoShape, scale: 1)
      let platform: Platform = stream.uniform() < weChatShare ? .wechatShop : .taobao
      let verification = MerchantPopulation.verification(parameters, stream: stream, start: verificationStart)
      let u = stream.uniform()
      let registration: RegistrationStrategy =
        u < parameters.registrationEager ? .eager
        : u < parameters.registrationEager + parameters.registrationLazy ? .lazy : .none
      merchants.append(Merchant(
        weight: size,
        platform: platform,
        hasEWaybill: stream.bernoulli(parameters.eWaybillShare),
        hasQuota: stream.bernoulli(parameters.quotaShare),
        usesOfficialTools: stream.bernoulli(parameters.officialToolShare),
        misusesNumbers: stream.bernoulli(parameters.misuseShare),
        registration: registration,
        reregistersOnOAIDChange: stream.bernoulli(parameters.reregisterOnOAIDChangeShare),
        staffOnShopLevelList: stream.bernoulli(parameters.shopLevelListShare),
        splitsRegistrationCalls: stream.bernoulli(parameters.splitsRegistrationCallsShare),
        checksNumberFormat: stream.bernoulli(parameters.checksNumberFormatShare),
        ownWarehouse: stream.bernoulli(couriers.warehouseShare),
        ownInstallation: stream.bernoulli(couriers.installationShare),
      ))
      verifications.append(verification)
    }
    // Callers grow with a shop's size (R-G1–R-G5): 1 + Poisson(scale ×
    // √(the shop's expected orders a day)), at most the directory's
    // capacity; drawn after the shops, so every shop draws the same.
    let totalWeight = merchants.reduce(0) { $0 + $1.weight }
    for i in merchants.indices {
      let daily = ordersPerDay * merchants[i].weight / totalWeight
      let extra = stream.poisson(mean: min(1e6, parameters.callersScale * daily.squareRoot()))
      let count = min(CallerDirectory.capacity, 1 + extra)
      let invalid = stream.bernoulli(parameters.invalidCallerNumberShare)
      let which = stream.uniformInt(below: count)
      merchants[i].callers = .first(count)
      merchants[i].shopLevelCallers = merchants[i].staffOnShopLevelList ? .first(min(count, shopLevelLimit)) : .empty
      merchants[i].invalidCallers = invalid ? CallerSet(single: which) : .empty
    }
    self.merchants = merchants
    self.verifications = verifications
    // Weights are positive by construction.
    picker = try! CategoricalTable(weights: merchants.map(\.weight))
  }

  /// A shop's calling line and its R-W7 verification history from `start`
  /// (when R-W7 comes into force): a submission, up to
  /// `verificationAttempts` in all with a wait after each failure; a shop
  /// on a shared line fails, and may move to personal lines later and
  /// submit those. The same number of draws for every shop whatever the
  /// outcome, so the population does not shift with these parameters.
  static func verification(_ p: MerchantParameters, stream: RandomStream, start: SimTime) -> CallerVerification {
    let personal = stream.bernoulli(p.personalLineShare)
    let submits = stream.bernoulli(p.verificationSubmissionShare)
    let converts = stream.bernoulli(p.sharedLineConversionShare)
    let conversionDelay = SimDuration(hours: stream.exponential(mean: 24 * p.sharedLineConversionDays))
    var tries: [(approve: Bool, review: SimDuration, wait: SimDuration)] = []
    for _ in 0..<MerchantParameters.maxVerificationAttempts {
      tries.append((stream.bernoulli(p.verificationApprovalProbability),
                    SimDuration(hours: stream.exponential(mean: p.verificationDelay)),
                    SimDuration(hours: stream.exponential(mean: p.verificationResubmissionDelay))))
    }
    var v = CallerVerification(line: personal ? .personal : .sharedOutbound)
    func submitUntilApproved(from time: SimTime) {
      var t = time
      for attempt in tries.prefix(max(1, p.verificationAttempts)) {
        v.submit(at: t, reviewDelay: attempt.review, approve: attempt.approve)
        if attempt.approve { return }
        t = t + attempt.review + attempt.wait
      }
    }
    if personal {
      if submits { submitUntilApproved(from: start) }
    } else {
      if submits { v.submit(at: start, reviewDelay: tries[0].review, approve: false) }
      if converts {
        let t = start + conversionDelay
        v.convertToPersonal(at: t)
        submitUntilApproved(from: t)
      }
    }
    return v
  }
}
