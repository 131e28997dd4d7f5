import PrivacyModel
import SimKernel

/// Every parameter a scenario file may set, by key path. The same table
/// validates files, writes annotated templates, and documents the keys.
enum ScenarioSchema {
  static let fields: [ScenarioField] = [
    // Period and platforms
    .number("wechat_share", .probability, "assumption; used when both platforms are scheduled", \.weChatShare),
    // Orders (R-L1…R-L3)
    .number("orders.orders_per_day", .positive, "assumption; 10 per shop per day on average, scale with merchants.count", \.orders.ordersPerDay),
    ScenarioField(path: "orders.hourly_weights", kind: .hourlyWeights, source: "assumption (evening peak)",
                  get: { .weights($0.orders.hourlyWeights) },
                  set: { if case let .weights(w) = $1 { $0.orders.hourlyWeights = w } }),
    .number("orders.no_logistics_share", .probability, "R-L2 (figure: assumption)", \.orders.noLogisticsShare),
    .number("orders.payment_probability", .probability, "assumption", \.orders.paymentProbability),
    .distribution("orders.payment_delay_hours", "assumption", \.orders.paymentDelay),
    .number("orders.payment_timeout_hours", .nonNegative, "assumption", \.orders.paymentTimeout),
    .number("orders.refund_before_shipping_probability", .probability, "R-L1 (figure: assumption)", \.orders.refundBeforeShippingProbability),
    .number("orders.address_change_probability", .probability, "R-L3 (figure: assumption)", \.orders.addressChangeProbability),
    .distribution("orders.handling_time_hours", "assumption", \.orders.handlingTime),
    .distribution("orders.transit_time_hours", "assumption", \.orders.transitTime),
    .integer("orders.delivery_days", 1...10, "assumption", \.orders.deliveryDays),
    .distribution("orders.confirmation_delay_hours", "assumption", \.orders.confirmationDelay),
    .number("orders.auto_confirmation_hours", .nonNegative, "assumption (7 days)", \.orders.autoConfirmation),
    .number("orders.after_sale_probability", .probability, "assumption", \.orders.afterSaleProbability),
    .number("orders.after_sale_window_hours", .nonNegative, "R-D4 after-sale period (15 days: assumption)", \.orders.afterSaleWindow),
    .distribution("orders.after_sale_duration_hours", "assumption", \.orders.afterSaleDuration),
    // Merchants (R-D1…R-D5, R-W2, R-W7, R-G1, R-G9, R-V1)
    .integer("merchants.count", 1...1_000_000, "assumption; a sample of shops, scale with orders.orders_per_day", \.merchants.count),
    .number("merchants.size_pareto_shape", .positive, "assumption (heavy tail)", \.merchants.sizeParetoShape),
    .number("merchants.e_waybill_share", .probability, "R-D1 (figure: assumption)", \.merchants.eWaybillShare),
    .number("merchants.quota_share", .probability, "R-D5 (figure: assumption)", \.merchants.quotaShare),
    .integer("merchants.daily_base_quota", 0...1_000_000, "R-D2, P1: 30", \.merchants.dailyBaseQuota),
    .number("merchants.temporary_quota_application_probability", .probability, "R-D2 (figure: assumption)", \.merchants.temporaryQuotaApplicationProbability),
    .number("merchants.temporary_quota_approval_probability", .probability, "R-D2 (figure: assumption)", \.merchants.temporaryQuotaApprovalProbability),
    .integer("merchants.temporary_quota_amount", 0...1_000_000, "R-D2 (figure: assumption)", \.merchants.temporaryQuotaAmount),
    .number("merchants.temporary_quota_delay_hours", .nonNegative, "R-D2 (figure: assumption)", \.merchants.temporaryQuotaDelay),
    .number("merchants.official_tool_share", .probability, "R-D3 (figure: assumption)", \.merchants.officialToolShare),
    .number("merchants.personal_line_share", .probability, "R-W7 (figure: assumption)", \.merchants.personalLineShare),
    .number("merchants.verification_submission_share", .probability, "R-W7 (figure: assumption)", \.merchants.verificationSubmissionShare),
    .number("merchants.verification_approval_probability", .probability, "R-W7 (figure: assumption)", \.merchants.verificationApprovalProbability),
    .number("merchants.verification_delay_hours", .nonNegative, "R-W7 (figure: assumption)", \.merchants.verificationDelay),
    .number("merchants.registration_eager_share", .probability, "R-G9 (figure: assumption)", \.merchants.registrationEager),
    .number("merchants.registration_lazy_share", .probability, "R-G9, S4 FAQ 14 (figure: assumption)", \.merchants.registrationLazy),
    .number("merchants.shop_level_list_share", .probability, "R-G1 (figure: assumption)", \.merchants.shopLevelListShare),
    .number("merchants.real_number_approval_probability", .probability, "R-W2 (figure: assumption)", \.merchants.realNumberApprovalProbability),
    .number("merchants.real_number_review_hours", .nonNegative, "R-W2 (figure: assumption)", \.merchants.realNumberReviewDelay),
    .number("merchants.misuse_share", .probability, "R-V1 (figure: assumption)", \.merchants.misuseShare),
    .number("merchants.misuse_detection_probability", .probability, "R-V1 (figure: assumption)", \.merchants.misuseDetectionProbability),
    .number("merchants.suspension_hours", .nonNegative, "R-V1 (figure: assumption)", \.merchants.suspensionLength),
    // Couriers: flows outside the platform's registration (R-G8); the
    // carriers are a list (`couriers.carriers`, read by ScenarioFile).
    .number("couriers.gift_share", .probability, "R-G8, S4 FAQ 18: share of orders (figure: assumption)", \.couriers.giftShare),
    .number("couriers.gift_coverage", .probability, "R-G8, S4 FAQ 18: \"will adapt\" (0: not yet)", \.couriers.giftCoverage),
    .number("couriers.warehouse_share", .probability, "R-G8, S4 FAQ 19, 20: share of shops (figure: assumption)", \.couriers.warehouseShare),
    .number("couriers.warehouse_coverage", .probability, "R-G8, S4 FAQ 19, 20: \"will adapt\" (0: not yet)", \.couriers.warehouseCoverage),
    .number("couriers.installation_share", .probability, "R-G8, S4 FAQ 24: share of shops (figure: assumption)", \.couriers.installationShare),
    .number("couriers.installation_coverage", .probability, "R-G8, S4 FAQ 24: \"will adapt\" (0: not yet)", \.couriers.installationCoverage),
    .number("couriers.reissue_share", .probability, "R-G8, S4 FAQ 25: share of orders (figure: assumption)", \.couriers.reissueShare),
    .number("couriers.reissue_coverage", .probability, "R-G8, S4 FAQ 25: \"will adapt\" (0: not yet)", \.couriers.reissueCoverage),
    // Contact
    .number("contact.answer_probability", .probability, "assumption (merchants' calls)", \.contact.answerProbability),
    .number("contact.fulfilment_need", .probability, "assumption", \.contact.fulfilmentNeed),
    .number("contact.after_sale_need", .probability, "assumption", \.contact.afterSaleNeed),
    .number("contact.marketing_need", .probability, "assumption", \.contact.marketingNeed),
    .distribution("contact.marketing_delay_hours", "assumption", \.contact.marketingDelay),
    .number("contact.tool_could_meet_fulfilment", .probability, "R-D3 (figure: assumption)", \.contact.toolCouldMeetFulfilment),
    .number("contact.tool_could_meet_after_sale", .probability, "R-D3 (figure: assumption)", \.contact.toolCouldMeetAfterSale),
    .number("contact.tool_could_meet_marketing", .probability, "R-D3, S0 (official tools for re-contact)", \.contact.toolCouldMeetMarketing),
    .number("contact.official_message_response", .probability, "assumption", \.contact.officialMessageResponse),
    .distribution("contact.official_message_delay_hours", "assumption", \.contact.officialMessageDelay),
    .number("contact.sms_api_response", .probability, "R-T2, S4 (OAID SMS API; figure: assumption)", \.contact.smsApiResponse),
    .integer("contact.merchant_call_attempts", 1...20, "assumption", \.contact.merchantCallAttempts),
    .number("contact.merchant_retry_hours", .nonNegative, "assumption", \.contact.merchantRetryDelay),
    // WeChat virtual numbers (R-W3, R-W4, R-W8)
    .days("virtual_numbers.validity_days", "R-W3, P1: 30", \.virtualNumbers.validity),
    .days("virtual_numbers.early_expiry_after_completion_days", "R-W3, S0: 15 (0 = strict reading)", \.virtualNumbers.earlyExpiryAfterCompletion),
    .days("virtual_numbers.reapplication_validity_days", "R-W4, S0: 30", \.virtualNumbers.reapplicationValidity),
    .integer("virtual_numbers.reapplications_allowed", 0...10, "R-W4, S0: 1", \.virtualNumbers.reapplicationsAllowed),
    .days("virtual_numbers.after_sale_validity_days", "R-W8, P1: 30", \.virtualNumbers.afterSaleValidity),
    // Taobao numbers (R-T1, R-T3)
    .days("taobao.validity_after_completion_days", "R-T3, S4: 7", \.taobao.validityAfterCompletion),
    .number("taobao.extension_misdial_probability", .probability, "R-T1, merchants' calls (figure: assumption)", \.taobao.extensionMisdialProbability),
    .integer("taobao.decrypt_batch_limit", 1...1_000, "R-D6, S4: 20 orders per taobao.top.oaid.decrypt call", \.taobao.decryptBatchLimit),
    // G groups (R-G1, R-G2, R-G5)
    .integer("g_group.shop_level_limit", 0...200, "R-G1, S4 FAQ 12: 40", \.gGroup.shopLevelLimit),
    .integer("g_group.order_limit", 1...200, "R-G2, S4: 80", \.gGroup.orderLimit),
    .integer("g_group.per_call_limit", 1...200, "R-G2, S4: 20", \.gGroup.perCallLimit),
    .integer("g_group.list_limit", 1...1_000, "R-G5, S4 FAQ 27: 200", \.gGroup.listLimit),
    // Context rules from earlier years (RULEBOOK §6)
    .boolean("context.forced_authorization_banned", "R-M1, S1 (2022-05): in force", \.context.forcedAuthorizationBanned),
    .number("context.mini_program_phone_share_with_ban", .probability, "R-M1 (figure: assumption)", \.context.miniProgramPhoneShareWithBan),
    .number("context.mini_program_phone_share_without_ban", .probability, "R-M1 (figure: assumption)", \.context.miniProgramPhoneShareWithoutBan),
    .boolean("context.profile_api_restricted", "R-M2, S3 (2022-10-25/11-08): in force", \.context.profileAPIRestricted),
    .number("context.profile_fill_share", .probability, "R-M2 (figure: assumption)", \.context.profileFillShare),
    .boolean("context.cross_platform_links_blocked", "R-X1, S2 (2013-11-22): in force", \.context.crossPlatformLinksBlocked),
    .number("context.cross_platform_link_share", .probability, "R-X1 (figure: assumption)", \.context.crossPlatformLinkShare),
    .number("context.cross_platform_conversion", .probability, "R-X1 (figure: assumption)", \.context.crossPlatformConversion),
  ]

  static let byPath: [String: ScenarioField] = Dictionary(uniqueKeysWithValues: fields.map { ($0.path, $0) })
}
