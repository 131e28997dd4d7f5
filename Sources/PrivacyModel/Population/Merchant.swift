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
  /// Whether the staff number is on the shop-level G-group list (R-G1).
  public let staffOnShopLevelList: Bool
  /// Ships from its own warehouse outside the platform's masking scheme (R-G8).
  public let ownWarehouse: Bool
  /// Runs its own installation or pick-up service (R-G8).
  public let ownInstallation: Bool
  /// The staff line's real-name verification (R-W7).
  public var verification: CallerVerification
  /// Decrypt counters and suspension (R-D2, R-V1).
  public var decrypt = ShopDecryptState()
  /// A temporary-quota application awaiting its decision (R-D2).
  public var quotaApplicationPending = false
  /// Today's OAID decrypt calls (R-D6, Taobao).
  public var oaidDecrypts = OAIDDecryptBatch()

  /// The shop-level G-group list (R-G1): the staff number, if the shop
  /// keeps it there.
  public var shopLevelCallers: CallerSet {
    staffOnShopLevelList ? CallerSet(single: MerchantPopulation.staffCaller) : .empty
  }
}

/// The shops of a replication, with the preprocessed table that picks the
/// shop of each order in O(1).
public struct MerchantPopulation: Sendable {
  public var merchants: [Merchant]
  public let picker: CategoricalTable

  /// The index of the staff number in every shop's caller directory.
  public static let staffCaller = 0

  /// Draws `parameters.count` shops. Sizes are Pareto-distributed; the
  /// population depends only on (seed, replication), so phases compared side
  /// by side see the same shops.
  ///
  /// Shops that submit their calling line for real-name verification (R-W7)
  /// do so at `verificationStart`: the time R-W7 comes into force (zero
  /// when it is in force from the start).
  public init(_ parameters: MerchantParameters, weChatShare: Double, stream: RandomStream,
              verificationStart: SimTime = .zero, couriers: CourierParameters = CourierParameters()) {
    var merchants: [Merchant] = []
    merchants.reserveCapacity(parameters.count)
    for _ in 0..<parameters.count {
      let size = stream.pareto(shape: parameters.sizeParetoShape, scale: 1)
      let platform: Platform = stream.uniform() < weChatShare ? .wechatShop : .taobao
      let personal = stream.bernoulli(parameters.personalLineShare)
      var verification = CallerVerification(line: personal ? .personal : .sharedOutbound)
      let submits = stream.bernoulli(parameters.verificationSubmissionShare)
      let approved = stream.bernoulli(parameters.verificationApprovalProbability)
      let delay = SimDuration(hours: stream.exponential(mean: parameters.verificationDelay))
      if submits { verification.submit(at: verificationStart, reviewDelay: delay, approve: approved) }
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
        staffOnShopLevelList: stream.bernoulli(parameters.shopLevelListShare),
        ownWarehouse: stream.bernoulli(couriers.warehouseShare),
        ownInstallation: stream.bernoulli(couriers.installationShare),
        verification: verification))
    }
    self.merchants = merchants
    // Weights are positive by construction.
    picker = try! CategoricalTable(weights: merchants.map(\.weight))
  }
}
