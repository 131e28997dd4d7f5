import PrivacyModel
import SimKernel

/// Results by shop-size segment (``ShopSegment``): who bears the quota,
/// who loses contact.
extension RunReport {
  /// The metrics of the segment tables (the files have every metric).
  static let segmentMetrics: [Metric] = [
    .decryptDeniedQuota, .temporaryQuotaApplications, .merchantContactFulfilment, .merchantContactAfterSale,
    .merchantContactMarketing, .courierReachPerAttempt, .realNumberExposuresPer1000, .callsBlockedUnregistered,
    .callsBlockedUnverified,
  ]

  /// `segments.csv`: one row per scenario × segment × metric ×
  /// replication: `phase,segment,metric,replication,value`, where the
  /// metric `order_share` is the segment's share of the orders.
  var segmentsCSV: String {
    var lines = ["phase,segment,metric,replication,value"]
    for entry in entries {
      let id = Self.csvField(entry.id)
      let replications = entry.result.replications
      for segment in ShopSegment.allCases {
        for (r, replication) in replications.enumerated() {
          let orders = replication.orders
          let share = orders == 0 ? 0 : Double(replication.segmentOrders[segment.rawValue]) / Double(orders)
          lines.append("\(id),\(segment.id),order_share,\(r),\(Self.csvNumber(share))")
        }
        for metric in Metric.allCases {
          for (r, replication) in replications.enumerated() {
            lines.append("\(id),\(segment.id),\(metric.rawValue),\(r),\(Self.csvNumber(replication.value(metric, segment: segment)))")
          }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The rows of one scenario's segment table: the order share, then
  /// `metrics`, each `mean ± half-width` per segment.
  func segmentRows(_ entry: Entry, metrics: [Metric], name: (Metric) -> String) -> [[String]] {
    [["share of orders"] + ShopSegment.allCases.map { Self.meanPlusMinus(entry.result.orderShare($0)) }]
      + metrics.map { metric in
        [name(metric)] + ShopSegment.allCases.map { Self.meanPlusMinus(entry.result.interval(metric, segment: $0)) }
      }
  }

  /// The header of a segment table.
  static var segmentHeader: [String] { ["metric"] + ShopSegment.allCases.map(\.title) }

  /// A sentence on what the segments are.
  static let segmentNote = "Shops by their real orders a day; each value is the metric over the orders of that segment's shops"
    + " (files: every metric, segments.csv and results.json phases[].segments)."

  /// The terminal's segment tables (`--segments`), one per scenario.
  func segmentTables(colour: Bool, width: Int?) -> String {
    Self.paragraph("By shop size. " + Self.segmentNote, width: width) + "\n\n"
      + entries.map { entry in
        Terminal.styled(entry.id, .bold, enabled: colour) + "\n\n"
          + TextTable(header: Self.segmentHeader, rows: segmentRows(entry, metrics: tableMetrics, name: \.rawValue),
                      colour: colour, maxWidth: width).rendered
      }.joined(separator: "\n\n")
  }

  /// `summary.md`'s segment section.
  var markdownSegments: String {
    "## By shop size\n\n\(Self.segmentNote)\n\n" + entries.map { entry in
      "### \(entry.id)\n\n" + Self.markdownTable(header: Self.segmentHeader,
                                                 rows: segmentRows(entry, metrics: Self.segmentMetrics) { Self.markdownMetric($0) })
    }.joined(separator: "\n")
  }

  /// `report.html`'s segment section.
  var htmlSegments: String {
    let e = SVGChart.escape
    return "<h2>By shop size</h2>\n<p>\(e(Self.segmentNote))</p>\n" + entries.map { entry in
      "<h3>\(e(entry.id))</h3>\n" + Self.htmlTable(header: Self.segmentHeader, rows: segmentRows(entry, metrics: Self.segmentMetrics) {
        Self.htmlMetric($0)
      }.map { row in [row[0]] + row.dropFirst().map { e($0) } })
    }.joined()
  }
}
