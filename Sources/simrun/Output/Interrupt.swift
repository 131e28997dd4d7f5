import Foundation
import Synchronization

/// Set by the SIGINT/SIGTERM handler; polled by running simulations.
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C (or `kill`) stops a run cleanly: the running replications stop at
/// their next simulated day, nothing is written, and simrun exits with 130.
/// A second Ctrl-C kills at once (the default action is restored).
enum Interrupt {
  static func install() {
    // A parent may start us with these signals blocked (Foundation's
    // `Process` does); a blocked Ctrl-C would never arrive.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigaddset(&unblock, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber) { number in
        interruptRequested.store(true, ordering: .relaxed)
        signal(number, SIG_DFL)
      }
    }
  }

  static var requested: Bool { interruptRequested.load(ordering: .relaxed) }
}
