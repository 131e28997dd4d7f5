import CGSL
import SimKernel

/// Statistical checks used by the distribution tests, all at a fixed
/// significance level so a fixed seed gives a fixed verdict.
enum GoodnessOfFit {
  /// α for every test here.
  static let alpha = 0.001

  /// Pearson's χ² p-value for observed counts against expected counts.
  static func chiSquarePValue(observed: [Int], expected: [Double], estimatedParameters: Int = 0) -> Double {
    precondition(observed.count == expected.count && observed.count > 1)
    var stat = 0.0
    for (o, e) in zip(observed, expected) {
      precondition(e >= 5, "expected count below 5: merge bins")
      let d = Double(o) - e
      stat += d * d / e
    }
    return gsl_cdf_chisq_Q(stat, Double(observed.count - 1 - estimatedParameters))
  }

  /// χ² p-value of samples against a continuous CDF, on `bins` equiprobable
  /// bins (probability integral transform).
  static func continuousPValue(_ samples: [Double], cdf: (Double) -> Double, bins: Int = 50) -> Double {
    var counts = Array(repeating: 0, count: bins)
    for x in samples {
      let u = cdf(x)
      counts[min(bins - 1, max(0, Int(u * Double(bins))))] += 1
    }
    return chiSquarePValue(observed: counts, expected: Array(repeating: Double(samples.count) / Double(bins), count: bins))
  }

  /// χ² p-value of integer samples against a probability mass function; the
  /// upper tail from `tailFrom` on is pooled into one bin.
  static func discretePValue(_ samples: [Int], pmf: (Int) -> Double, tailFrom: Int) -> Double {
    var counts = Array(repeating: 0, count: tailFrom + 1)
    for k in samples { counts[min(k, tailFrom)] += 1 }
    let n = Double(samples.count)
    var expected = (0..<tailFrom).map { n * pmf($0) }
    expected.append(n - expected.reduce(0, +))
    return chiSquarePValue(observed: counts, expected: expected)
  }

  /// Whether batch statistics of `samples` are consistent with `mean` and
  /// `variance`: the samples are cut into batches, and Student's t tests (two
  /// sided, at α) compare the mean of the batch means with `mean` and the mean
  /// of the unbiased batch variances with `variance`.
  static func momentsMatch(_ samples: [Double], mean: Double, variance: Double, batches: Int = 100)
    -> (mean: Bool, variance: Bool)
  {
    let size = samples.count / batches
    var means = Tally()
    var variances = Tally()
    for b in 0..<batches {
      var t = Tally()
      for x in samples[(b * size)..<((b + 1) * size)] { t.record(x) }
      means.record(t.mean)
      variances.record(t.variance)
    }
    let critical = gsl_cdf_tdist_Pinv(1 - alpha / 2, Double(batches - 1))
    func ok(_ t: Tally, _ target: Double) -> Bool {
      abs(t.mean - target) <= critical * t.standardDeviation / Double(t.count).squareRoot()
    }
    return (ok(means, mean), ok(variances, variance))
  }
}
