// Runs one hold workload and prints its cost per event, for compare-peers.sh.
//
//   hold-peers IMPLEMENTATION PENDING EVENTS [REPEATS]
//
// IMPLEMENTATION: simkernel (the default 8-ary heap), simkernel-4ary, simkernel-binary,
// simkernel-collections (kernel on swift-collections Heap), collections
// (swift-collections Heap without the kernel). Prints the best of REPEATS
// timed runs of EVENTS steps, as "ns_per_event=<value>".

import HoldWorkloads
import SimKernel
#if canImport(Glibc)
  import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 4, let pending = Int(arguments[2]), let events = Int(arguments[3]) else {
  print("usage: hold-peers simkernel|simkernel-4ary|simkernel-binary|simkernel-collections|collections PENDING EVENTS [REPEATS]")
  exit(64)
}
let repeats = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3

func best(_ run: (Int) -> Void) -> Double {
  let clock = ContinuousClock()
  var best = Double.infinity
  for _ in 0..<repeats {
    let start = clock.now
    run(events)
    let elapsed = clock.now - start
    let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9
    best = min(best, ns / Double(events))
  }
  return best
}

let nsPerEvent: Double
switch arguments[1] {
case "simkernel":
  let w = KernelHold<DefaultEventSet<UInt32>>(pending: pending)
  nsPerEvent = best(w.run(events:))
case "simkernel-4ary":
  let w = KernelHold<QuaternaryHeapEventSet<UInt32>>(pending: pending)
  nsPerEvent = best(w.run(events:))
case "simkernel-binary":
  let w = KernelHold<BinaryHeapEventSet<UInt32>>(pending: pending)
  nsPerEvent = best(w.run(events:))
case "simkernel-collections":
  let w = KernelHold<CollectionsHeapEventSet<UInt32>>(pending: pending)
  nsPerEvent = best(w.run(events:))
case "collections":
  let w = CollectionsHold(pending: pending)
  nsPerEvent = best(w.run(events:))
default:
  print("unknown implementation \(arguments[1])")
  exit(64)
}
print("ns_per_event=\(nsPerEvent)")
