import Foundation
import PrivacyModel

extension CalibrationReport: ReportDocument {
  /// `points.csv` (the non-implausible sample), `runs.csv` (every run of
  /// every wave), `keys.csv`, `results.json`, `summary.md`, `report.html`,
  /// and `calibrated.yaml` when any point is consistent with the targets.
  var files: [(name: String, text: String)] {
    var files = [("points.csv", csv), ("runs.csv", runsCSV), ("keys.csv", keysCSV), ("results.json", json), ("summary.md", markdown),
                 ("report.html", html)]
    if let calibratedYAML { files.append(("calibrated.yaml", calibratedYAML)) }
    return files
  }

  /// The non-implausible sample: the keys' values, the largest
  /// implausibility, each target's emulated mean.
  var csv: String {
    var text = (keys.map { RunReport.csvField($0.path) } + ["max_implausibility"] + targets.map { RunReport.csvField("emulated " + $0.label) })
      .joined(separator: ",") + "\n"
    for (i, values) in sampleValues.enumerated() {
      text += (zip(keys, values).map { RunReport.csvField($0.scale.text($1)) } + [RunReport.csvNumber(sampleImplausibility[i])]
               + samplePredictions[i].map(RunReport.csvNumber)).joined(separator: ",") + "\n"
    }
    return text
  }

  /// Every run: its wave and point, the keys' values and each target's
  /// replication mean.
  var runsCSV: String {
    var text = (["wave", "point"] + keys.map { RunReport.csvField($0.path) } + targets.map { RunReport.csvField($0.label) })
      .joined(separator: ",") + "\n"
    for w in waves {
      for (p, values) in w.values.enumerated() {
        text += ([String(w.number), String(p)] + zip(keys, values).map { RunReport.csvField($0.scale.text($1)) }
                 + w.outputs.map { RunReport.csvNumber($0[p]) }).joined(separator: ",") + "\n"
      }
    }
    return text
  }

  /// Per key: assumed and calibrated bounds, the share kept, constrained.
  var keysCSV: String {
    var text = "key,assumed_lower,assumed_upper,calibrated_lower,calibrated_upper,share_kept,constrained\n"
    for r in ranges {
      text += [RunReport.csvField(r.key.path), r.key.scale.text(r.key.lower), r.key.scale.text(r.key.upper),
               r.lower.map { r.key.scale.text($0) } ?? "", r.upper.map { r.key.scale.text($0) } ?? "",
               RunReport.csvNumber(r.kept), r.constrained ? "true" : "false"].joined(separator: ",") + "\n"
    }
    return text
  }

  private struct Document: Encodable {
    struct Key: Encodable {
      let path: String, scale: String, assumed: [Double], calibrated: [Double]?, shareKept: Double, constrained: Bool
    }
    struct Target: Encodable {
      let metric: String, scenario: String, window: [String]?, platform: String?, observed: Double, sd: Double, discrepancySd: Double, discrepancyDefault: Bool
      let source: String, replicationSd: Double, consistentP5: Double?, consistentP50: Double?, consistentP95: Double?
    }
    struct Wave: Encodable {
      let wave: Int, points: Int, spaceLeft: Double, consistentCandidates: Int
      let leaveOneOutBeyond3Sd: [Double], heldOutWithin3Sd: [Double]?, lengthScales: [[Double]]
    }
    let kind = "calibrate"
    let version: String, command: String, scenario: String, seed: UInt64, replications: Int, cutoff: Double
    let findings: ReportFindings, stop: String, spaceLeft: Double, runs: Int
    let keys: [Key], targets: [Target], waves: [Wave], best: [String: Double]?
  }

  var json: String {
    let d = Document(
      version: SimRunVersion.current, command: command, scenario: scenario, seed: seed, replications: replications, cutoff: cutoff,
      findings: findings, stop: stop.text, spaceLeft: remainingShare, runs: runCount,
      keys: ranges.map { r in
        Document.Key(path: r.key.path, scale: r.key.scale.rawValue, assumed: [r.key.lower, r.key.upper],
                     calibrated: r.lower.map { [$0, r.upper!] }, shareKept: r.kept, constrained: r.constrained)
      },
      targets: fits.map { f in
        Document.Target(metric: f.target.metric.rawValue, scenario: scenarioName(f.target),
                        window: f.target.windowStart.map { ["\($0)", "\(f.target.windowEnd!)"] }, platform: f.target.platform?.rawValue,
                        observed: f.target.observed,
                        sd: f.target.observationSD, discrepancySd: f.target.discrepancySD,
                        discrepancyDefault: f.target.discrepancyIsDefault, source: f.target.source,
                        replicationSd: f.stochasticSD, consistentP5: f.p5, consistentP50: f.p50, consistentP95: f.p95)
      },
      waves: waves.map { w in
        Document.Wave(wave: w.number, points: w.points.count, spaceLeft: w.space.shareOfCube, consistentCandidates: w.space.points.count,
                      leaveOneOutBeyond3Sd: w.leaveOneOutOutside, heldOutWithin3Sd: w.heldOutWithin,
                      lengthScales: w.match.emulators.map(\.lengthScales))
      },
      best: best.map { b in Dictionary(uniqueKeysWithValues: zip(keys.map(\.path), sampleValues[b])) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: (try? encoder.encode(d)) ?? Data(), as: UTF8.self) + "\n"
  }
}
