internal import CGSL
import Foundation

/// The Cholesky factorisation A = L Lᵀ of a symmetric positive-definite
/// matrix, by GSL (`gsl_linalg_cholesky_decomp1`), kept as L's lower
/// triangle so that solves and quadratic forms need no GSL object: a value,
/// safe to share between threads.
public struct CholeskyFactor: Sendable {
  /// The order of the matrix.
  public let order: Int
  /// L, row-major (n × n; the upper triangle is zero).
  private let lower: [Double]

  /// Factorises the symmetric `matrix` (row-major, n × n); `nil` when it is
  /// not positive definite (to working precision).
  public init?(symmetric matrix: [Double], order n: Int) {
    precondition(n >= 1 && matrix.count == n * n, "a Cholesky factorisation needs an n × n matrix")
    guard let m = gsl_matrix_alloc(n, n) else { return nil }
    defer { gsl_matrix_free(m) }
    for i in 0..<n { for j in 0..<n { gsl_matrix_set(m, i, j, matrix[i * n + j]) } }
    guard gsl_linalg_cholesky_decomp1(m) == GSL_SUCCESS else { return nil }
    var l = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0...i { l[i * n + j] = gsl_matrix_get(m, i, j) } }
    guard l.allSatisfy(\.isFinite) else { return nil }
    order = n
    lower = l
  }

  /// log det A = 2 Σ log Lᵢᵢ.
  public var logDeterminant: Double {
    (0..<order).reduce(0) { $0 + 2 * log(lower[$1 * order + $1]) }
  }

  /// L⁻¹ b (forward substitution).
  public func forward(_ b: [Double]) -> [Double] {
    precondition(b.count == order, "a vector of the matrix's order")
    var x = b
    for i in 0..<order {
      var s = x[i]
      let row = i * order
      for j in 0..<i { s -= lower[row + j] * x[j] }
      x[i] = s / lower[row + i]
    }
    return x
  }

  /// L⁻ᵀ b (back substitution).
  public func backward(_ b: [Double]) -> [Double] {
    precondition(b.count == order, "a vector of the matrix's order")
    var x = b
    for i in stride(from: order - 1, through: 0, by: -1) {
      var s = x[i]
      for j in (i + 1)..<order { s -= lower[j * order + i] * x[j] }
      x[i] = s / lower[i * order + i]
    }
    return x
  }

  /// A⁻¹ b.
  public func solve(_ b: [Double]) -> [Double] { backward(forward(b)) }

  /// The diagonal of A⁻¹ = L⁻ᵀ L⁻¹: (A⁻¹)ⱼⱼ is the squared length of
  /// L⁻¹'s column j, L⁻¹ eⱼ.
  public var inverseDiagonal: [Double] {
    var unit = [Double](repeating: 0, count: order)
    return (0..<order).map { j in
      unit[j] = 1
      defer { unit[j] = 0 }
      return forward(unit).reduce(0) { $0 + $1 * $1 }
    }
  }
}
