// Runs one hold workload and prints its cost per event, for compare-peers.sh.
//
//   hold-peers IMPLEMENTATION PENDING EVENTS [REPEATS]
//
// IMPLEMENTATION: simkernel (the default: 4-ary heap, then ladder queue), simkernel-8ary, simkernel-4ary, simkernel-radix (radix heap), simkernel-ladder (ladder queue), simkernel-binary,
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
  print("usage: hold-peers simkernel|simkernel-8ary|simkernel-4ary|simkernel-radix|simkernel-ladder|simkernel-binary|simkernel-collections|collections PENDING EVENTS [REPEATS]")
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

/// The best time per event of the kernel on event set `Events`.
func kernel<Events: EventSet<UInt32>>(_: Events.Type) -> Double {
  best(KernelHold<Events>(pending: pending).run(events:))
}

let nsPerEvent: Double
switch arguments[1] {
case "simkernel": nsPerEvent = kernel(DefaultEventSet<UInt32>.self)
case "simkernel-8ary": nsPerEvent = kernel(OctonaryHeapEventSet<UInt32>.self)
case "simkernel-4ary": nsPerEvent = kernel(QuaternaryHeapEventSet<UInt32>.self)
case "simkernel-radix": nsPerEvent = kernel(RadixHeapEventSet<UInt32>.self)
case "simkernel-ladder": nsPerEvent = kernel(LadderEventSet<UInt32>.self)
case "simkernel-binary": nsPerEvent = kernel(BinaryHeapEventSet<UInt32>.self)
case "simkernel-collections": nsPerEvent = kernel(CollectionsHeapEventSet<UInt32>.self)
case "collections": nsPerEvent = best(CollectionsHold(pending: pending).run(events:))
default:
  print("unknown implementation \(arguments[1])")
  exit(64)
}
print("ns_per_event=\(nsPerEvent)")
