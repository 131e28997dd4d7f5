extension ScenarioSchema {
  /// The class of every key a scenario file may set: the schema's keys and
  /// the top-level and list keys read apart from it. Explicit, one entry a
  /// key; a test checks that every key has exactly one class and that a
  /// key's source says "assumption" exactly when its class is an assumption.
  public static let keyClasses: [String: KeyClass] = {
    var classes: [String: KeyClass] = [:]
    func mark(_ c: KeyClass, _ keys: [String]) {
      for k in keys {
        precondition(classes[k] == nil, "\(k) has two classes")
        classes[k] = c
      }
    }
    mark(.structure, ["name", "phases", "disabled_rules", "expect", "uncertain", "levers", "objectives", "constraints"])
    mark(.horizon, ["start", "end", "merchants.retention_days"])
    mark(.precision, ["days", "warmup_days", "generator", "orders.orders_per_day", "merchants.count"])
    mark(.ruleReading, ["decrypt.unnecessary", "taobao.after_sale_keeps_number", "merchants.reviewing_can_dial"])
    mark(.ruleParameter, [
      "merchants.daily_base_quota",
      "virtual_numbers.validity_days", "virtual_numbers.early_expiry_after_completion_days",
      "virtual_numbers.reapplication_validity_days", "virtual_numbers.reapplications_allowed",
      "virtual_numbers.after_sale_validity_days",
      "taobao.validity_after_completion_days", "taobao.decrypt_batch_limit",
      "g_group.shop_level_limit", "g_group.order_limit", "g_group.per_call_limit", "g_group.list_limit",
      "couriers.gift_coverage", "couriers.warehouse_coverage", "couriers.installation_coverage", "couriers.reissue_coverage",
      "context.forced_authorization_banned", "context.profile_api_restricted", "context.cross_platform_links_blocked",
    ])
    mark(.assumedRuleFigure, [
      "merchants.quota_share",
      "merchants.temporary_quota_approval_probability", "merchants.temporary_quota_amount",
      "merchants.temporary_quota_delay_hours",
      "merchants.verification_approval_probability", "merchants.verification_delay_hours",
      "merchants.real_number_approval_probability", "merchants.real_number_review_hours",
      "merchants.misuse_detection_probability", "merchants.suspension_hours",
      "contact.tool_could_meet_fulfilment", "contact.tool_could_meet_after_sale", "contact.tool_could_meet_marketing",
      "contact.official_tool_success", "contact.official_tool_delay_hours",
      "couriers.adaptation_start", "couriers.adaptation_complete", "taobao.ramp",
    ])
    // Everything else is a figure about buyers, merchants, couriers or the
    // market, listed too so that a new key must be classed on purpose.
    mark(.assumption, [
      "wechat_share", "orders.hourly_weights", "orders.no_logistics_share", "orders.payment_probability",
      "orders.payment_delay_hours", "orders.payment_timeout_hours", "orders.refund_before_shipping_probability",
      "orders.address_change_probability", "orders.address_change_after_shipping_share", "orders.handling_time_hours",
      "orders.transit_time_hours", "orders.delivery_days", "orders.confirmation_delay_hours", "orders.auto_confirmation_hours",
      "orders.after_sale_probability", "orders.after_sale_from_shipped_share", "orders.return_pickup_share",
      "orders.after_sale_window_hours", "orders.after_sale_duration_hours", "orders.campaigns",
      "merchants.size_pareto_shape", "merchants.min_orders_per_day", "merchants.max_orders_per_day",
      "merchants.e_waybill_share", "merchants.temporary_quota_application_probability",
      "merchants.official_tool_share", "merchants.personal_line_share", "merchants.verification_submission_share",
      "merchants.verification_attempts", "merchants.verification_resubmission_hours",
      "merchants.shared_line_conversion_share", "merchants.shared_line_conversion_days",
      "merchants.registration_eager_share", "merchants.registration_lazy_share", "merchants.reregister_on_oaid_change_share",
      "merchants.callers_scale", "merchants.splits_registration_calls_share", "merchants.checks_number_format_share",
      "merchants.invalid_caller_number_share", "merchants.shop_level_list_share", "merchants.misuse_share",
      "merchants.misuse_on_service_contact", "merchants.retains_numbers", "merchants.records_plaintext_share",
      "merchants.records_decrypted_share", "merchants.number_churn_per_year",
      "couriers.gift_share", "couriers.warehouse_share", "couriers.installation_share", "couriers.reissue_share",
      "couriers.answer_concentration", "couriers.carriers",
      "contact.answer_probability", "contact.fulfilment_need", "contact.after_sale_need", "contact.after_sale_follow_ups",
      "contact.marketing_need", "contact.marketing_delay_hours", "contact.official_message_response",
      "contact.official_message_delay_hours", "contact.sms_api_response", "contact.merchant_call_attempts",
      "contact.merchant_retry_hours", "taobao.extension_misdial_probability",
      "context.mini_program_phone_share_with_ban", "context.mini_program_phone_share_without_ban",
      "context.profile_fill_share", "context.cross_platform_link_share", "context.cross_platform_conversion",
    ])
    return classes
  }()
}

extension ScenarioField {
  /// The key's class (``ScenarioSchema/keyClasses``).
  public var keyClass: KeyClass {
    guard let c = ScenarioSchema.keyClasses[path] else { preconditionFailure("\(path) has no key class") }
    return c
  }
}
