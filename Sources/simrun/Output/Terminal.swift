import Foundation

/// What the standard streams are connected to, and ANSI styling that is
/// used only on a terminal (and never when `NO_COLOR` is set).
enum Terminal {
  static let standardOutputIsTerminal = isatty(STDOUT_FILENO) != 0
  static let standardErrorIsTerminal = isatty(STDERR_FILENO) != 0

  /// The width in columns of the terminal on `descriptor`, if it is one.
  static func columns(of descriptor: Int32) -> Int? {
    var size = winsize()
    guard isatty(descriptor) != 0, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// The width tables are fitted to: the terminal's, else `COLUMNS`, else 80.
  static var outputWidth: Int { width(of: STDOUT_FILENO) }

  /// The width messages on standard error are wrapped to: its terminal's,
  /// else `COLUMNS`, else 80.
  static var errorWidth: Int { width(of: STDERR_FILENO) }

  /// The width of the terminal on `descriptor`, else `COLUMNS`, else 80.
  static func width(of descriptor: Int32) -> Int {
    if let width = columns(of: descriptor) { return width }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let width = Int(text), width > 0 { return width }
    return 80
  }

  /// Colour on standard output: a terminal that is not "dumb", and no `NO_COLOR`.
  static let colourOnStandardOutput: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return standardOutputIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }()

  enum Style: String {
    case bold = "1", green = "32", red = "31"
  }

  /// `text` in `style` when `enabled`, else unchanged.
  static func styled(_ text: String, _ style: Style, enabled: Bool = colourOnStandardOutput) -> String {
    enabled ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// The width of `text` as shown: ANSI sequences take no room.
  static func visibleCount(_ text: String) -> Int {
    var count = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        count += 1
      }
    }
    return count
  }
}
