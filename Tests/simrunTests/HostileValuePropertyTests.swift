import Foundation
import PropertyBased
import Testing

/// Property-based: random combinations of up to three keys, each given a
/// generated hostile value (huge, tiny, negative, NaN, infinite, integer
/// extremes, random magnitudes from 1e-320 to 1e308, and ordinary values,
/// inside distributions and the 24 hourly weights), end in a located rejection (exit 64) or in a
/// run that finishes in bounded time and memory — never a crash, a hang or
/// another exit status. `KeyDomainEdgeTests` tries every key's edges one at
/// a time; this explores what the edges miss, combinations included.
@Suite("Hostile scenario values, generated")
struct HostileValuePropertyTests {
  static let cases = 200

  /// Hand-picked values that break naive code.
  static let specials = ["0", "-0", "1e-300", "5e-324", "1e308", "-1e308", "1.7976931348623157e308", ".nan", ".inf", "-.inf",
                         "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e19", "0.5", "2", "1"]

  /// A number as YAML text: a special, a mantissa × 10^k over the whole
  /// range of doubles, or any 64-bit integer.
  static let number: Generator<String, AnySequence<(index: Int, value: Any)>> = Gen<String>.oneOf(
    Gen<String?>.element(of: specials).map { (s: String?) -> String in s ?? "0" },
    zip(Gen.double(in: -10...10), Gen.int(in: -320...308)).map { (m: Double, k: Int) -> String in "\(m)e\(k)" },
    Gen.int(in: Int.min...Int.max).map { (i: Int) -> String in String(i) },
    // Ordinary values too, so that combinations also run.
    Gen.double(in: 0...1).map { (p: Double) -> String in "\(p)" },
    Gen.double(in: 0...1).map { (p: Double) -> String in "\(p)" },
    Gen.int(in: 0...200).map { (i: Int) -> String in String(i) }
  )

  /// The value for a key that accepts `accepts`, from generated numbers.
  static func value(_ accepts: String, _ n: [String]) -> String? {
    if accepts.hasPrefix("a distribution") {
      let forms = ["{constant: \(n[0])}", "{exponential: {mean: \(n[0])}}", "{lognormal: {mu: \(n[0]), sigma: \(n[1])}}",
                   "{lognormal: {mean: \(n[0]), cv: \(n[1])}}", "{gamma: {shape: \(n[0]), scale: \(n[1])}}",
                   "{weibull: {shape: \(n[0]), scale: \(n[1])}}", "{uniform: {lower: \(n[0]), upper: \(n[1])}}",
                   "{normal: {mean: \(n[0]), sd: \(n[1])}}"]
      return forms[abs(n[2].hashValue % forms.count)]
    }
    if accepts.hasPrefix("a list of 24") { return "[" + n.prefix(24).joined(separator: ",") + "]" }
    if accepts.hasPrefix("a number") || accepts.hasPrefix("a whole number") || accepts.hasPrefix("a probability") { return n[0] }
    return nil
  }

  @Test("up to three keys with generated hostile values: a located rejection or a bounded run", .shrinking(false))
  func generatedValues() async throws {
    let keys = try KeyDomainEdgeTests.keys().filter { Self.value($0.accepts, Array(repeating: "1", count: 24)) != nil }
    #expect(keys.count > 60)
    let paths = keys.map(\.path), accepts = keys.map(\.accepts)
    let setting = zip(Gen.int(in: 0...(keys.count - 1)), Self.number.array(of: 24)).map { (k: Int, numbers: [String]) -> String in
      "\(paths[k])=\(Self.value(accepts[k], numbers)!)"
    }
    var accepted = 0
    var rejected = 0
    await propertyCheck(count: Self.cases, input: setting.array(of: 1...3)) { settings in
      // One thread, so that the memory bound holds whatever the scale.
      var arguments = KeyDomainEdgeTests.base(for: "") + ["--threads", "1"]
      for s in settings { arguments += ["--set", s] }
      let r = try bounded(arguments, seconds: 30, virtualMemoryKB: 8_000_000)
      #expect(!r.timedOut, "\(settings) did not finish within 30 s")
      #expect(r.status == 0 || r.status == 64, "\(settings) → exit \(r.status): \(r.err.prefix(300))")
      if r.status == 64 {
        let located = r.err.hasPrefix("--set ") || r.err.range(of: #"^\S+\.yaml:\d+:\d+: "#, options: .regularExpression) != nil
          || r.err.contains("orders in flight (--max-orders-in-flight)")
        #expect(located, "\(settings): the rejection is located: \(r.err.prefix(300))")
        rejected += 1
      } else if r.status == 0 {
        accepted += 1
      }
    }
    #expect(rejected > 0, "hostile values are rejected")
    #expect(accepted > 0, "some combinations run (\(accepted) of \(Self.cases))")
    #expect(accepted + rejected == Self.cases)
  }

  /// Runs `simrun` under `ulimit -v` (virtual memory, KiB), killed after
  /// `seconds`.
  func bounded(_ arguments: [String], seconds: Double, virtualMemoryKB: Int)
    throws -> (status: Int32, err: String, timedOut: Bool)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -v \(virtualMemoryKB); exec \"$0\" \"$@\"", simrunBinary.path] + arguments
    process.currentDirectoryURL = repository
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let deadline = DispatchTime.now() + seconds
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    let timedOut = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM
    return (process.terminationStatus, String(decoding: errData, as: UTF8.self), timedOut)
  }
}
