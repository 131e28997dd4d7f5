/// The words the reports use, explained once, folded at the end of every
/// report.html (the same entries as docs/README.md's "Words used in the
/// reports"; a test compares them).
enum ReportGlossary {
  static let entries: [(term: String, meaning: String)] = [
    ("Paired difference / effect", "two scenarios run with the same seed share their random numbers stream by stream (common random numbers); the difference is taken replication by replication, so its interval is much narrower than the two levels' intervals suggest."),
    ("± (95% half-width)", "the mean over replications plus or minus this is a 95% confidence interval (Student's t)."),
    ("Holm's correction", "when a report picks \"significant\" effects out of many metrics and comparisons, it keeps the chance of naming any effect that is really zero below 5% overall."),
    ("Per attempt / per delivery", "a courier's calls that reach the buyer, as a share of all call attempts, or of deliveries that needed a call (several attempts may serve one delivery)."),
    ("OAID", "Taobao's opaque buyer identifier; merchants decrypt through it (R-D6), at most 20 orders a call."),
    ("11+4 number", "Taobao's older virtual number, a host number and a four-digit extension that the caller must dial (R-T1)."),
    ("700 number", "Taobao's 15-digit virtual number that connects only callers registered in the order's G group (R-T2, R-G1–R-G9)."),
    ("S1 / ST", "Sobol indices: the share of an outcome's variance over the assumptions' ranges due to one key alone (S1) or with its interactions (ST)."),
    ("PRIM", "the patient rule induction method, which finds a box of the assumptions' ranges where a condition (e.g. \"exposure above 10\") mostly holds."),
  ]

  /// The glossary as a folded HTML section.
  static var html: String {
    let e = SVGChart.escape
    return "<details><summary>Glossary: the words these reports use</summary>\n<dl class=\"glossary\">\n"
      + entries.map { "<dt>\(e($0.term))</dt><dd>\(e($0.meaning))</dd>" }.joined(separator: "\n") + "\n</dl>\n</details>\n"
  }
}
