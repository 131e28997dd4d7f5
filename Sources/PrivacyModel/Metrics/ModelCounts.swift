public import SimKernel

/// What one replication counted, over the orders created after warm-up.
/// Mergeable: counts add, sketches merge. Codable exactly (a task result of
/// `simrun exec` decodes to the counts the replication made).
public struct ModelCounts: Sendable, Mergeable, Codable {
  public var orders = 0
  public var ordersWithLogistics = 0
  public var courierAttempts = 0
  public var courierAttemptsReached = 0
  public var courierFailures = [Int](repeating: 0, count: CourierFailure.allCases.count)
  public var deliveriesNeedingContact = 0
  public var deliveriesContacted = 0
  public var failedDeliveries = 0
  /// After-sale return pick-ups and those where the courier reached the buyer.
  public var returnPickups = 0
  public var returnPickupsReached = 0
  public var needs = [Int](repeating: 0, count: ContactPurpose.allCases.count)
  public var needsMet = [Int](repeating: 0, count: ContactPurpose.allCases.count)
  public var metByChannel = [Int](repeating: 0, count: ContactChannel.allCases.count)
  /// Time from a merchant's need to the contact, in minutes, by
  /// ``ContactPurpose``.
  public var contactTimeByPurpose: [QuantileSketch]
  public var realNumberExposures = 0
  /// Orders whose buyer's phone number the shop obtained by any channel:
  /// revealed (plain text, decrypt, real-number approval) or held through
  /// its own mini-program (R-M1); each order once.
  public var numbersObtained = 0
  public var retainedNumbers = 0
  /// Buyers the shop can still reach outside the platform after the order:
  /// a retained real number or its own mini-program number (R-M1).
  public var privateDomainReach = 0
  public var decryptDenied = [Int](repeating: 0, count: DecryptDenial.allCases.count)
  public var temporaryQuotaApplications = 0
  public var gGroupCalls = 0
  public var gGroupRejected = 0
  /// Rejected registrations by ``GGroupRejection``.
  public var gGroupRejections = [Int](repeating: 0, count: GGroupRejection.allCases.count)
  /// Calls refused because the caller was not in the G group (R-T2), and
  /// those of them that were couriers' calls (the rest are merchants').
  public var callsBlockedUnregistered = 0
  public var courierCallsBlockedUnregistered = 0
  public var callsBlockedUnverified = 0
  public var violations = 0
  public var suspensions = 0
  /// Orders ended completed or cancelled (R-L1); every created order ends once.
  public var ordersCompleted = 0
  public var ordersCancelled = 0
  /// R-L3: OAID changes after a phone or address change (Taobao).
  public var oaidChanges = 0
  /// R-D6: OAID decrypt calls (at most `decrypt_batch_limit` orders each).
  public var oaidDecryptCalls = 0
  /// R-M1: WeChat buyers whose phone the shop holds through its mini-program.
  public var sideChannelNumbers = 0
  /// R-M2: WeChat buyers whose real nickname and avatar the shop sees.
  public var profileExposures = 0
  /// R-X1: would-be Taobao orders from blocked WeChat links that were lost.
  public var crossPlatformOrdersLost = 0

  /// Counts with a contact-time sketch of `sketchDigits` significant digits
  /// (3 for run totals; fewer for weekly series, to keep them small).
  public init(sketchDigits: Int = 3) {
    contactTimeByPurpose = ContactPurpose.allCases.map { _ in
      QuantileSketch(highestTrackable: 60 * 24 * 400, significantDigits: sketchDigits)
    }
  }

  /// Time from a merchant's need to the contact, in minutes, all purposes.
  public var contactTime: QuantileSketch {
    var all = contactTimeByPurpose[0]
    for sketch in contactTimeByPurpose.dropFirst() { all.merge(sketch) }
    return all
  }

  public mutating func merge(_ o: ModelCounts) {
    orders += o.orders
    ordersWithLogistics += o.ordersWithLogistics
    courierAttempts += o.courierAttempts
    courierAttemptsReached += o.courierAttemptsReached
    for i in courierFailures.indices { courierFailures[i] += o.courierFailures[i] }
    deliveriesNeedingContact += o.deliveriesNeedingContact
    deliveriesContacted += o.deliveriesContacted
    failedDeliveries += o.failedDeliveries
    returnPickups += o.returnPickups
    returnPickupsReached += o.returnPickupsReached
    for i in needs.indices { needs[i] += o.needs[i]; needsMet[i] += o.needsMet[i] }
    for i in metByChannel.indices { metByChannel[i] += o.metByChannel[i] }
    for i in contactTimeByPurpose.indices { contactTimeByPurpose[i].merge(o.contactTimeByPurpose[i]) }
    realNumberExposures += o.realNumberExposures
    numbersObtained += o.numbersObtained
    retainedNumbers += o.retainedNumbers
    privateDomainReach += o.privateDomainReach
    for i in decryptDenied.indices { decryptDenied[i] += o.decryptDenied[i] }
    temporaryQuotaApplications += o.temporaryQuotaApplications
    gGroupCalls += o.gGroupCalls
    gGroupRejected += o.gGroupRejected
    for i in gGroupRejections.indices { gGroupRejections[i] += o.gGroupRejections[i] }
    callsBlockedUnregistered += o.callsBlockedUnregistered
    courierCallsBlockedUnregistered += o.courierCallsBlockedUnregistered
    callsBlockedUnverified += o.callsBlockedUnverified
    violations += o.violations
    suspensions += o.suspensions
    ordersCompleted += o.ordersCompleted
    ordersCancelled += o.ordersCancelled
    oaidChanges += o.oaidChanges
    oaidDecryptCalls += o.oaidDecryptCalls
    sideChannelNumbers += o.sideChannelNumbers
    profileExposures += o.profileExposures
    crossPlatformOrdersLost += o.crossPlatformOrdersLost
  }
}
