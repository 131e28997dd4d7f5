/// The metrics a run reports (RULEBOOK §8), by their report names. Rates are
/// fractions in [0, 1]; counts are per 1,000 orders unless the name says
/// otherwise.
public enum Metric: String, CaseIterable, Sendable, Hashable {
  case courierReachPerAttempt = "courier_reach_per_attempt"
  case courierReachPerDelivery = "courier_reach_per_delivery"
  case courierFailedExpired = "courier_failed_vn_expired"
  case courierFailedNotRegistered = "courier_failed_not_registered"
  case courierFailedNotVerified = "courier_failed_not_verified"
  case courierFailedExtension = "courier_failed_extension_not_dialled"
  case courierFailedNoAnswer = "courier_failed_no_answer"
  case courierFailedNotAdapted = "courier_failed_waybill_not_adapted"
  case failedDeliveriesPer1000 = "failed_deliveries_per_1000"
  case returnPickupContact = "return_pickup_contact"
  case merchantContactFulfilment = "merchant_contact_fulfilment"
  case merchantContactAfterSale = "merchant_contact_after_sale"
  case merchantContactMarketing = "merchant_contact_marketing"
  case contactTimeP50Hours = "contact_time_p50_hours"
  case contactTimeP90Hours = "contact_time_p90_hours"
  case contactTimeP50HoursFulfilment = "contact_time_p50_hours_fulfilment"
  case contactTimeP90HoursFulfilment = "contact_time_p90_hours_fulfilment"
  case contactTimeP50HoursAfterSale = "contact_time_p50_hours_after_sale"
  case contactTimeP90HoursAfterSale = "contact_time_p90_hours_after_sale"
  case contactTimeP50HoursMarketing = "contact_time_p50_hours_marketing"
  case contactTimeP90HoursMarketing = "contact_time_p90_hours_marketing"
  case contactsPlaintextPer1000 = "contacts_plaintext_per_1000"
  case contactsDecryptPer1000 = "contacts_decrypt_per_1000"
  case contactsVirtualNumberPer1000 = "contacts_vn_call_per_1000"
  case contactsOfficialMessagePer1000 = "contacts_official_message_per_1000"
  case contactsSMSAPIPer1000 = "contacts_sms_api_per_1000"
  case realNumberExposuresPer1000 = "real_number_exposures_per_1000"
  case numbersObtainedPer1000 = "numbers_obtained_per_1000"
  case retainedNumbersPer1000 = "retained_numbers_per_1000"
  case privateDomainReachPer1000 = "private_domain_reach_per_1000"
  case decryptDeniedNoWaybill = "decrypt_denied_no_waybill"
  case decryptDeniedState = "decrypt_denied_state"
  case decryptDeniedQuota = "decrypt_denied_quota"
  case decryptDeniedPolicy = "decrypt_denied_policy"
  case temporaryQuotaApplications = "temp_quota_applications"
  case gGroupCalls = "g_group_calls"
  case gGroupRejected = "g_group_rejected"
  case gGroupRejectedOverLimit = "g_group_rejected_over_limit"
  case gGroupRejectedTooMany = "g_group_rejected_too_many_in_call"
  case gGroupRejectedInvalidNumber = "g_group_rejected_invalid_number"
  case gGroupRejectedWrongFormat = "g_group_rejected_wrong_format"
  case callsBlockedUnregistered = "calls_blocked_unregistered"
  case courierCallsBlockedUnregistered = "calls_blocked_unregistered_courier"
  case merchantCallsBlockedUnregistered = "calls_blocked_unregistered_merchant"
  case callsBlockedUnverified = "calls_blocked_unverified"
  case violations = "violations"
  case suspensions = "suspensions"
  case oaidDecryptCallsPer1000 = "oaid_decrypt_calls_per_1000"
  case sideChannelNumbersPer1000 = "side_channel_numbers_per_1000"
  case profileExposuresPer1000 = "profile_exposures_per_1000"
  case crossPlatformOrdersLostPer1000 = "cross_platform_orders_lost_per_1000"

  /// Whether the metric is a fraction in [0, 1] (the others are counts per
  /// 1,000 orders, or hours).
  public var isRate: Bool {
    switch self {
    case .courierReachPerAttempt, .courierReachPerDelivery, .returnPickupContact, .merchantContactFulfilment, .merchantContactAfterSale,
         .merchantContactMarketing, .courierFailedExpired, .courierFailedNotRegistered, .courierFailedNotVerified,
         .courierFailedExtension, .courierFailedNoAnswer, .courierFailedNotAdapted: true
    default: false
    }
  }

  /// What the metric measures.
  public var definition: String {
    switch self {
    case .courierReachPerAttempt: "share of courier call attempts that reach the buyer"
    case .courierReachPerDelivery: "share of deliveries needing a call where the courier reached the buyer within the allowed attempts"
    case .courierFailedExpired: "share of courier call attempts that failed because the virtual number had expired (R-W3, R-W4; R-T3 on Taobao)"
    case .courierFailedNotRegistered: "share of courier call attempts refused because the courier was not in the G group (R-T2)"
    case .courierFailedNotVerified: "share of courier call attempts refused because the caller was not real-name verified"
    case .courierFailedExtension: "share of courier call attempts that failed because the 11+4 extension was not dialled (R-T1)"
    case .courierFailedNoAnswer: "share of courier call attempts that got through but the buyer did not answer"
    case .courierFailedNotAdapted: "share of courier call attempts that failed because the waybill showed no 700 number (R-T5)"
    case .failedDeliveriesPer1000: "deliveries returned after every attempt failed, per 1,000 orders"
    case .returnPickupContact: "share of after-sale return pick-ups where the courier reached the buyer by phone (the case's number under R-W8, else the order's, R-W3/R-T3)"
    case .merchantContactFulfilment: "share of pre-shipping contact needs met"
    case .merchantContactAfterSale: "share of after-sale contact needs met"
    case .merchantContactMarketing: "share of post-completion (marketing) contact needs met"
    case .contactTimeP50Hours: "median hours from a merchant's need to the contact (met needs)"
    case .contactTimeP90Hours: "90th percentile of hours from need to contact (met needs)"
    case .contactTimeP50HoursFulfilment: "median hours from a pre-shipping need to the contact (met needs)"
    case .contactTimeP90HoursFulfilment: "90th percentile of hours from a pre-shipping need to the contact (met needs)"
    case .contactTimeP50HoursAfterSale: "median hours from an after-sale need to the contact (met needs)"
    case .contactTimeP90HoursAfterSale: "90th percentile of hours from an after-sale need to the contact (met needs)"
    case .contactTimeP50HoursMarketing: "median hours from a marketing need to the contact (met needs)"
    case .contactTimeP90HoursMarketing: "90th percentile of hours from a marketing need to the contact (met needs)"
    case .contactsPlaintextPer1000: "merchant contacts made with a real number the shop already held, per 1,000 orders"
    case .contactsDecryptPer1000: "merchant contacts made with a number revealed by a decrypt (R-D1–R-D5), per 1,000 orders"
    case .contactsVirtualNumberPer1000: "merchant contacts made by calling a virtual number, per 1,000 orders"
    case .contactsOfficialMessagePer1000: "merchant contacts made through the platform's official message or tool (R-D3), per 1,000 orders"
    case .contactsSMSAPIPer1000: "merchant contacts made through Taobao's OAID SMS API, per 1,000 orders"
    case .realNumberExposuresPer1000: "buyers' real numbers revealed to merchants, per 1,000 orders"
    case .numbersObtainedPer1000: "buyers whose phone number the shop obtained by any channel: revealed to it (plain text, a decrypt, an approved real-number request) or held through its own mini-program (R-M1), each order once, per 1,000 orders (the total to minimise for privacy)"
    case .retainedNumbersPer1000: "real numbers a merchant recorded and can still use merchants.retention_days after the order ends (recorded: merchants.records_plaintext_share or records_decrypted_share by how it was seen; still valid: exp(−number_churn_per_year × days/365)), per 1,000 orders"
    case .privateDomainReachPer1000: "buyers a shop can still contact outside the platform merchants.retention_days after the order: a retained real number or the shop's own mini-program number (R-M1), per 1,000 orders"
    case .decryptDeniedNoWaybill: "decrypts refused for lack of the official e-waybill (R-D1), per 1,000 orders"
    case .decryptDeniedState: "decrypts refused for the order's state (R-D4), per 1,000 orders"
    case .decryptDeniedQuota: "decrypts refused for quota (R-D2, R-D5), per 1,000 orders"
    case .decryptDeniedPolicy: "decrypts refused by policy (R-D3, R-V1), per 1,000 orders"
    case .temporaryQuotaApplications: "temporary-quota applications (R-D2), per 1,000 orders"
    case .gGroupCalls: "G-group update calls (R-G2), per 1,000 orders"
    case .gGroupRejected: "G-group update calls rejected (R-G2, R-G3, R-G5, R-G6), per 1,000 orders"
    case .gGroupRejectedOverLimit: "G-group calls rejected because the order would pass order_limit (R-G3), per 1,000 orders"
    case .gGroupRejectedTooMany: "G-group calls rejected for more than per_call_limit numbers, or list_limit in one list (R-G2, R-G5), per 1,000 orders"
    case .gGroupRejectedInvalidNumber: "G-group calls rejected for a malformed caller number (R-G5), per 1,000 orders"
    case .gGroupRejectedWrongFormat: "G-group calls rejected because the order's number is still 11+4 (R-G6), per 1,000 orders"
    case .callsBlockedUnregistered: "calls that failed because the caller was not in the G group (R-T2), per 1,000 orders"
    case .courierCallsBlockedUnregistered: "couriers' calls that failed because the courier was not in the G group (R-T2), per 1,000 orders"
    case .merchantCallsBlockedUnregistered: "merchants' calls that failed because the caller was not in the G group (R-T2), per 1,000 orders"
    case .callsBlockedUnverified: "calls that failed because the caller was not real-name verified (R-W7), per 1,000 orders"
    case .violations: "decrypts or calls that break the rules (R-D3 granted as a violation, R-V1 misuse), per 1,000 orders"
    case .suspensions: "shop suspensions after detected misuse (R-V1), per 1,000 orders"
    case .oaidDecryptCallsPer1000: "Taobao OAID decrypt calls, each for up to taobao.decrypt_batch_limit orders of a shop and day (R-D6: 20), per 1,000 orders"
    case .sideChannelNumbersPer1000: "WeChat buyers whose phone the shop holds through its own mini-program, outside the order (R-M1), per 1,000 orders"
    case .profileExposuresPer1000: "WeChat buyers whose real nickname and avatar the shop sees (R-M2), per 1,000 orders"
    case .crossPlatformOrdersLostPer1000: "would-be Taobao orders lost because links from WeChat are blocked (R-X1), per 1,000 would-be orders"
    }
  }
}

extension ModelCounts {
  /// The value of `metric` for these counts.
  public func value(_ metric: Metric) -> Double {
    func rate(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    func per1000(_ a: Int) -> Double { orders == 0 ? 0 : Double(a) * 1_000 / Double(orders) }
    func hours(_ purpose: ContactPurpose, _ q: Double) -> Double {
      Double(contactTimeByPurpose[purpose.rawValue].quantile(q)) / 60
    }
    switch metric {
    case .courierReachPerAttempt: return rate(courierAttemptsReached, courierAttempts)
    case .courierReachPerDelivery: return rate(deliveriesContacted, deliveriesNeedingContact)
    case .courierFailedExpired: return rate(courierFailures[CourierFailure.virtualNumberExpired.rawValue], courierAttempts)
    case .courierFailedNotRegistered: return rate(courierFailures[CourierFailure.callerNotRegistered.rawValue], courierAttempts)
    case .courierFailedNotVerified: return rate(courierFailures[CourierFailure.callerNotVerified.rawValue], courierAttempts)
    case .courierFailedExtension: return rate(courierFailures[CourierFailure.extensionNotDialled.rawValue], courierAttempts)
    case .courierFailedNoAnswer: return rate(courierFailures[CourierFailure.noAnswer.rawValue], courierAttempts)
    case .courierFailedNotAdapted: return rate(courierFailures[CourierFailure.waybillNotAdapted.rawValue], courierAttempts)
    case .failedDeliveriesPer1000: return per1000(failedDeliveries)
    case .returnPickupContact: return rate(returnPickupsReached, returnPickups)
    case .merchantContactFulfilment: return rate(needsMet[ContactPurpose.fulfilment.rawValue], needs[ContactPurpose.fulfilment.rawValue])
    case .merchantContactAfterSale: return rate(needsMet[ContactPurpose.afterSale.rawValue], needs[ContactPurpose.afterSale.rawValue])
    case .merchantContactMarketing: return rate(needsMet[ContactPurpose.marketing.rawValue], needs[ContactPurpose.marketing.rawValue])
    case .contactTimeP50Hours: return Double(contactTime.quantile(0.5)) / 60
    case .contactTimeP90Hours: return Double(contactTime.quantile(0.9)) / 60
    case .contactTimeP50HoursFulfilment: return hours(.fulfilment, 0.5)
    case .contactTimeP90HoursFulfilment: return hours(.fulfilment, 0.9)
    case .contactTimeP50HoursAfterSale: return hours(.afterSale, 0.5)
    case .contactTimeP90HoursAfterSale: return hours(.afterSale, 0.9)
    case .contactTimeP50HoursMarketing: return hours(.marketing, 0.5)
    case .contactTimeP90HoursMarketing: return hours(.marketing, 0.9)
    case .contactsPlaintextPer1000: return per1000(metByChannel[ContactChannel.plaintext.rawValue])
    case .contactsDecryptPer1000: return per1000(metByChannel[ContactChannel.decrypt.rawValue])
    case .contactsVirtualNumberPer1000: return per1000(metByChannel[ContactChannel.virtualNumberCall.rawValue])
    case .contactsOfficialMessagePer1000: return per1000(metByChannel[ContactChannel.officialMessage.rawValue])
    case .contactsSMSAPIPer1000: return per1000(metByChannel[ContactChannel.smsAPI.rawValue])
    case .realNumberExposuresPer1000: return per1000(realNumberExposures)
    case .numbersObtainedPer1000: return per1000(numbersObtained)
    case .retainedNumbersPer1000: return per1000(retainedNumbers)
    case .privateDomainReachPer1000: return per1000(privateDomainReach)
    case .decryptDeniedNoWaybill: return per1000(decryptDenied[DecryptDenial.noWaybill.index])
    case .decryptDeniedState: return per1000(decryptDenied[DecryptDenial.state.index])
    case .decryptDeniedQuota: return per1000(decryptDenied[DecryptDenial.quota.index])
    case .decryptDeniedPolicy: return per1000(decryptDenied[DecryptDenial.policy.index])
    case .temporaryQuotaApplications: return per1000(temporaryQuotaApplications)
    case .gGroupCalls: return per1000(gGroupCalls)
    case .gGroupRejected: return per1000(gGroupRejected)
    case .gGroupRejectedOverLimit: return per1000(gGroupRejections[GGroupRejection.overLimit.rawValue])
    case .gGroupRejectedTooMany: return per1000(gGroupRejections[GGroupRejection.tooManyInCall.rawValue])
    case .gGroupRejectedInvalidNumber: return per1000(gGroupRejections[GGroupRejection.invalidNumber.rawValue])
    case .gGroupRejectedWrongFormat: return per1000(gGroupRejections[GGroupRejection.wrongFormat.rawValue])
    case .callsBlockedUnregistered: return per1000(callsBlockedUnregistered)
    case .courierCallsBlockedUnregistered: return per1000(courierCallsBlockedUnregistered)
    case .merchantCallsBlockedUnregistered: return per1000(callsBlockedUnregistered - courierCallsBlockedUnregistered)
    case .callsBlockedUnverified: return per1000(callsBlockedUnverified)
    case .violations: return per1000(violations)
    case .suspensions: return per1000(suspensions)
    case .oaidDecryptCallsPer1000: return per1000(oaidDecryptCalls)
    case .sideChannelNumbersPer1000: return per1000(sideChannelNumbers)
    case .profileExposuresPer1000: return per1000(profileExposures)
    case .crossPlatformOrdersLostPer1000:
      return orders + crossPlatformOrdersLost == 0 ? 0 : Double(crossPlatformOrdersLost) * 1_000 / Double(orders + crossPlatformOrdersLost)
    }
  }
}
