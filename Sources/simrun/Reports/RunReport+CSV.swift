import PrivacyModel

extension RunReport {
  /// `results.csv`: one row per scenario × metric × replication (tidy, for
  /// pandas or R): `phase,metric,replication,value`, replications from 0.
  var csv: String {
    var lines = ["phase,metric,replication,value"]
    for entry in entries {
      let id = Self.csvField(entry.id)
      for metric in Metric.allCases {
        for (r, value) in entry.result.values(metric).enumerated() {
          lines.append("\(id),\(metric.rawValue),\(r),\(Self.csvNumber(value))")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `weekly.csv` (timeline): one row per scenario × platform × week ×
  /// metric × replication: `phase,platform,week_start,metric,replication,value`,
  /// by the week basis of the timeline's `--week-of` (named in
  /// results.json); each platform's orders apart.
  var weeklyCSV: String {
    var lines = ["phase,platform,week_start,metric,replication,value"]
    for entry in entries {
      let id = Self.csvField(entry.id)
      let starts = entry.result.weekStarts
      for platform in entry.result.weeklyPlatforms {
        for (w, start) in starts.enumerated() {
          for metric in Metric.allCases {
            for (r, replication) in entry.result.replications.enumerated() {
              let value = replication.weeklyByPlatform[platform]![w].value(metric)
              lines.append("\(id),\(platform.rawValue),\(start),\(metric.rawValue),\(r),\(Self.csvNumber(value))")
            }
          }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The shortest decimal that reads back as the same `Double`; empty when not finite.
  static func csvNumber(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
}
