import Foundation
import PrivacyModel
import SimKernel
import Yams

// The scenario reader's `--set` overrides and its checks across fields.
extension ScenarioFile {
  // MARK: - Overrides

  /// The document with every `--set` value put in place (a key path that
  /// does not exist yet is created, so unknown keys are reported as usual).
  mutating func applyOverrides(to root: Node) -> Node {
    guard case .mapping = root else { return root }
    var root = root
    for override in overrides {
      let value: Node
      do {
        guard let node = try Yams.compose(yaml: override.value) else { continue }
        value = node
      } catch {
        diagnostics.append(ScenarioDiagnostic(override: override, path: override.path,
                                              message: "expected a YAML value, found '\(override.value)'"))
        continue
      }
      if !Self.set(value, at: override.keys.map(String.init)[...], in: &root) {
        diagnostics.append(ScenarioDiagnostic(override: override, path: override.path,
                                              message: "expected a key inside a mapping, but a part of the path holds a plain value"))
      }
    }
    return root
  }

  static func set(_ value: Node, at keys: ArraySlice<String>, in node: inout Node) -> Bool {
    guard case var .mapping(mapping) = node, let key = keys.first else { return false }
    if keys.count == 1 {
      mapping[key] = value
    } else {
      var child = mapping[key] ?? Node.mapping(Node.Mapping([]))
      guard set(value, at: keys.dropFirst(), in: &child) else { return false }
      mapping[key] = child
    }
    node = .mapping(mapping)
    return true
  }

  // MARK: - Cross-field checks

  mutating func checkConsistency(_ s: Scenario, _ entries: [String: Node]) {
    let merchants = entries["merchants"]
    if s.merchants.registrationEager + s.merchants.registrationLazy > 1 + 1e-12 {
      // Point at the pair's keys (the later one given), not the section.
      let lazy = Self.child(merchants, "registration_lazy_share")
      let eager = Self.child(merchants, "registration_eager_share")
      // A value given with --set is the one to blame; otherwise the later line.
      let lazyPath = "merchants.registration_lazy_share", eagerPath = "merchants.registration_eager_share"
      let setLazy = overrides.contains { $0.covers(lazyPath) }, setEager = overrides.contains { $0.covers(eagerPath) }
      let lazyLater = (lazy?.mark?.line ?? 0) >= (eager?.mark?.line ?? 0)
      let blameLazy = setLazy || (!setEager && lazyLater)
      let node = (blameLazy ? lazy : eager) ?? merchants
      let path = blameLazy ? lazyPath : eagerPath
      report(node, path,
             "expected merchants.registration_eager_share + merchants.registration_lazy_share ≤ 1, found \(s.merchants.registrationEager) + \(s.merchants.registrationLazy) = \(s.merchants.registrationEager + s.merchants.registrationLazy)")
    }
    if s.merchants.maxOrdersPerDay < s.merchants.minOrdersPerDay {
      report(Self.child(merchants, "max_orders_per_day") ?? merchants, "merchants.max_orders_per_day",
             "expected at least merchants.min_orders_per_day (\(s.merchants.minOrdersPerDay)), found \(s.merchants.maxOrdersPerDay)")
    }
    if s.couriers.adaptationComplete < s.couriers.adaptationStart {
      report(entries["couriers"], "couriers.adaptation_complete",
             "expected a date on or after couriers.adaptation_start (\(s.couriers.adaptationStart)), found \(s.couriers.adaptationComplete)")
    }
    let peak = s.orders.ordersPerDay * max(1, s.orders.campaigns.map(\.factor).max() ?? 1)
    if peak > 2_000_000 {
      report(entries["orders"], "orders.campaigns",
             "expected orders_per_day × the largest campaign factor ≤ 2000000 orders a day, found \(peak)")
    }
    let g = s.gGroup
    if g.shopLevelLimit > g.orderLimit {
      report(entries["g_group"], "g_group.shop_level_limit", "expected at most order_limit (\(g.orderLimit)), found \(g.shopLevelLimit): an order holds its shop-level callers (R-G2)")
    }
    if g.perCallLimit > g.orderLimit {
      report(entries["g_group"], "g_group.per_call_limit", "expected at most order_limit (\(g.orderLimit)), found \(g.perCallLimit)")
    }
    if g.orderLimit > g.listLimit {
      report(entries["g_group"], "g_group.order_limit", "expected at most list_limit (\(g.listLimit)), found \(g.orderLimit)")
    }
    for platform in Platform.allCases {
      let dated = s.schedule.filter { $0.phase.platform == platform }
      if Set(dated.map(\.phase.id)).count != dated.count {
        report(entries["phases"], "phases", "expected each phase once, found a \(platform.rawValue) phase twice")
      }
      if dated.filter({ $0.start == nil }).count > 1 {
        report(entries["phases"], "phases", "expected at most one \(platform.rawValue) phase without `from:`, found several")
      }
    }
  }
}
