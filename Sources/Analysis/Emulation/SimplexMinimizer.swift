internal import CGSL

/// Minimises a function of several variables without derivatives: GSL's
/// Nelder–Mead simplex (`gsl_multimin_fminimizer_nmsimplex2`). Deterministic:
/// the same start and function give the same answer.
public enum SimplexMinimizer {
  /// The point found and the function's value there.
  public struct Minimum: Sendable {
    public let point: [Double]
    public let value: Double
    public let iterations: Int
  }

  /// Minimises `f` from `start`, with an initial simplex of `step` along
  /// each axis, until the simplex's size is below `tolerance` or after
  /// `maxIterations`. `f` may return `.infinity` where it is undefined.
  public static func minimize(_ f: ([Double]) -> Double, from start: [Double], step: [Double],
                              tolerance: Double = 1e-4, maxIterations: Int = 2_000) -> Minimum {
    let n = start.count
    precondition(n >= 1 && step.count == n, "a start and a step per variable")
    return withoutActuallyEscaping(f) { f in
      final class Box {
        let f: ([Double]) -> Double
        let n: Int
        init(_ f: @escaping ([Double]) -> Double, _ n: Int) { self.f = f; self.n = n }
      }
      let box = Box(f, n)
      let context = Unmanaged.passUnretained(box).toOpaque()
      var function = gsl_multimin_function(
        f: { vector, context in
          let box = Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue()
          let x = (0..<box.n).map { gsl_vector_get(vector, $0) }
          let y = box.f(x)
          // The simplex cannot use an infinite or missing value.
          return y.isFinite ? y : Double.greatestFiniteMagnitude / 4
        }, n: n, params: context)
      let x = gsl_vector_alloc(n)!, s = gsl_vector_alloc(n)!
      defer { gsl_vector_free(x); gsl_vector_free(s) }
      for i in 0..<n {
        gsl_vector_set(x, i, start[i])
        gsl_vector_set(s, i, step[i])
      }
      let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_nmsimplex2(), n)!
      defer { gsl_multimin_fminimizer_free(minimizer) }
      var iterations = 0
      if gsl_multimin_fminimizer_set(minimizer, &function, x, s) == GSL_SUCCESS {
        while iterations < maxIterations {
          iterations += 1
          guard gsl_multimin_fminimizer_iterate(minimizer) == GSL_SUCCESS else { break }
          if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), tolerance) == GSL_SUCCESS { break }
        }
      }
      withExtendedLifetime(box) {}
      let best = (0..<n).map { gsl_vector_get(minimizer.pointee.x, $0) }
      return Minimum(point: best, value: minimizer.pointee.fval, iterations: iterations)
    }
  }
}
