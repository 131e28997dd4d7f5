extension Metric {
  /// Names metrics had before, by the metric they name now (for messages
  /// that help a reader with an older scenario file).
  public static let formerNames: [String: Metric] = [
    "courier_reachability": .courierReachPerAttempt,
    "courier_contact_success": .courierReachPerDelivery,
  ]

  /// Which way a change reads as an improvement, for whom.
  public enum Preferred: Sendable {
    /// Higher is better (reach and contact).
    case higher
    /// Lower is better (lost deliveries, refusals, exposure of buyers).
    case lower
    /// Neither: a count of activity (calls made, applications filed).
    case neither
  }

  /// A short title a reader can take in at a glance (charts, headings).
  public var title: String {
    switch self {
    case .courierReachPerAttempt: "Courier calls that reach the buyer"
    case .courierReachPerDelivery: "Deliveries where the courier reached the buyer"
    case .courierFailedExpired: "Courier calls failed: number expired"
    case .courierFailedNotRegistered: "Courier calls failed: courier not registered"
    case .courierFailedNotVerified: "Courier calls failed: caller not verified"
    case .courierFailedExtension: "Courier calls failed: extension not dialled"
    case .courierFailedNoAnswer: "Courier calls failed: no answer"
    case .courierFailedNotAdapted: "Courier calls failed: waybill not adapted"
    case .failedDeliveriesPer1000: "Failed deliveries"
    case .returnPickupContact: "Return pick-ups where the courier reached the buyer"
    case .merchantContactFulfilment: "Merchant contact before shipping"
    case .merchantContactAfterSale: "Merchant contact in after-sale"
    case .merchantContactMarketing: "Merchant contact after completion (marketing)"
    case .contactTimeP50Hours: "Time to merchant contact, median"
    case .contactTimeP90Hours: "Time to merchant contact, 90th percentile"
    case .contactTimeP50HoursFulfilment: "Time to contact before shipping, median"
    case .contactTimeP90HoursFulfilment: "Time to contact before shipping, 90th percentile"
    case .contactTimeP50HoursAfterSale: "Time to contact in after-sale, median"
    case .contactTimeP90HoursAfterSale: "Time to contact in after-sale, 90th percentile"
    case .contactTimeP50HoursMarketing: "Time to marketing contact, median"
    case .contactTimeP90HoursMarketing: "Time to marketing contact, 90th percentile"
    case .contactsPlaintextPer1000: "Contacts with a number already held"
    case .contactsDecryptPer1000: "Contacts after a decrypt"
    case .contactsVirtualNumberPer1000: "Contacts by virtual-number call"
    case .contactsOfficialMessagePer1000: "Contacts by official message or tool"
    case .contactsSMSAPIPer1000: "Contacts by the OAID SMS API"
    case .realNumberExposuresPer1000: "Buyers' real numbers revealed to merchants"
    case .numbersObtainedPer1000: "Buyers' numbers shops obtained, any channel"
    case .retainedNumbersPer1000: "Real numbers merchants recorded and can still use"
    case .privateDomainReachPer1000: "Buyers reachable outside the platform afterwards"
    case .decryptDeniedNoWaybill: "Decrypts refused: no official e-waybill"
    case .decryptDeniedState: "Decrypts refused: order state"
    case .decryptDeniedQuota: "Decrypts refused: quota"
    case .decryptDeniedPolicy: "Decrypts refused: policy"
    case .temporaryQuotaApplications: "Temporary-quota applications"
    case .gGroupCalls: "G-group update calls"
    case .gGroupRejected: "G-group calls rejected"
    case .gGroupRejectedOverLimit: "G-group calls rejected: order limit"
    case .gGroupRejectedTooMany: "G-group calls rejected: too many numbers"
    case .gGroupRejectedInvalidNumber: "G-group calls rejected: malformed number"
    case .gGroupRejectedWrongFormat: "G-group calls rejected: still 11+4"
    case .callsBlockedUnregistered: "Calls blocked: caller not registered"
    case .courierCallsBlockedUnregistered: "Courier calls blocked: not registered"
    case .merchantCallsBlockedUnregistered: "Merchant calls blocked: not registered"
    case .callsBlockedUnverified: "Calls blocked: caller not verified"
    case .violations: "Rule violations"
    case .suspensions: "Shop suspensions"
    case .oaidDecryptCallsPer1000: "Taobao OAID decrypt calls"
    case .sideChannelNumbersPer1000: "Numbers held through the shop's mini-program"
    case .profileExposuresPer1000: "Buyers' real profiles seen by shops"
    case .crossPlatformOrdersLostPer1000: "Taobao orders lost to blocked WeChat links"
    }
  }

  /// The unit of the metric's values.
  public var unit: String {
    if isRate { return "share, 0–1" }
    switch self {
    case .contactTimeP50Hours, .contactTimeP90Hours, .contactTimeP50HoursFulfilment, .contactTimeP90HoursFulfilment,
         .contactTimeP50HoursAfterSale, .contactTimeP90HoursAfterSale, .contactTimeP50HoursMarketing, .contactTimeP90HoursMarketing:
      return "hours"
    case .crossPlatformOrdersLostPer1000: return "per 1,000 would-be orders"
    default: return "per 1,000 orders"
    }
  }

  /// Which way is better. Exposure counts read from the buyers' side: fewer
  /// revealed numbers is better for privacy (and usually worse for contact).
  public var preferred: Preferred {
    switch self {
    case .courierReachPerAttempt, .courierReachPerDelivery, .returnPickupContact, .merchantContactFulfilment,
         .merchantContactAfterSale, .merchantContactMarketing:
      .higher
    case .gGroupCalls, .temporaryQuotaApplications, .oaidDecryptCallsPer1000, .contactsPlaintextPer1000, .contactsDecryptPer1000,
         .contactsVirtualNumberPer1000, .contactsOfficialMessagePer1000, .contactsSMSAPIPer1000:
      .neither
    default:
      .lower
    }
  }

  /// "higher is better", "lower is better", or "" for activity counts.
  public var preferredText: String {
    switch preferred {
    case .higher: "higher is better"
    case .lower:
      switch self {
      case .realNumberExposuresPer1000, .retainedNumbersPer1000, .privateDomainReachPer1000, .profileExposuresPer1000,
           .sideChannelNumbersPer1000, .numbersObtainedPer1000:
        "lower is better for privacy"
      default: "lower is better"
      }
    case .neither: ""
    }
  }
}
