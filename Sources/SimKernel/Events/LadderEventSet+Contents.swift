extension LadderEventSet {
  /// Calls `body` with every stored event (cancelled ones included), in no
  /// particular order.
  @inlinable
  func forEachStored(_ body: (Event<Payload>) -> Void) {
    for i in bottomHead..<bottomEnd { body(bottom[i]) }
    var lists = [topHead]
    for rung in rungs { lists += heads[(rung.base &+ rung.next)..<(rung.base &+ rung.size)] }
    for head in lists {
      var node = head
      while node >= 0 {
        body(nodes[Int(node)].event)
        node = nodes[Int(node)].next
      }
    }
  }

  /// Empties the set, keeping its storage and, unless `keepingHistory` is
  /// false, the key of the last event that left it.
  @inlinable
  mutating func removeAll(keepingHistory: Bool = true) {
    nodes.removeAll(keepingCapacity: true)
    freeList = -1
    topHead = -1
    topCount = 0
    topMinimum = .max
    topMaximum = 0
    topStart = 0
    topBounded = true
    rungs.removeAll(keepingCapacity: true)
    headsEnd = 0
    bottomHead = 0
    bottomEnd = 0
    stored = 0
    let last = tombstones.lastRemoved
    tombstones = Tombstones()
    if keepingHistory { tombstones.lastRemoved = last }
  }
}

extension LadderEventSet {
  /// With `-DSIMKERNEL_INVARIANTS`: the bottom is sorted and earlier than
  /// every other event, every rung event lies in its bucket's time range
  /// (and in a bucket not used up), the top holds only times at or after
  /// its start, and the count of stored events adds up. O(*n*).
  @inlinable
  func checkInvariants() {
    #if SIMKERNEL_INVARIANTS
      var n = bottomEnd - bottomHead
      if n > 1 {
        for i in (bottomHead + 1)..<bottomEnd {
          precondition(bottom[i - 1].key < bottom[i].key, "ladder bottom not sorted at \(i)")
        }
      }
      let floor = n > 0 ? bottom[bottomEnd - 1].key : nil
      func walk(_ head: Int32, _ check: (Event<Payload>) -> Void) {
        var node = head
        while node >= 0 {
          let event = nodes[Int(node)].event
          if let floor { precondition(floor < event.key, "ladder event \(event.key) not after the bottom") }
          check(event)
          n += 1
          node = nodes[Int(node)].next
        }
      }
      for rung in rungs {
        for k in 0..<rung.size {
          walk(heads[rung.base + k]) { event in
            let t = Self.radix(event.key)
            precondition(t >= rung.start && Int((t - rung.start) >> rung.shift) == k, "ladder event in the wrong bucket")
            precondition(k >= rung.next, "ladder event in a used-up bucket")
          }
        }
      }
      walk(topHead) { event in
        precondition(!topBounded || Self.radix(event.key) >= topStart, "ladder top event before the top's start")
      }
      precondition(n == stored, "ladder stores \(stored) events but holds \(n)")
    #endif
  }
}
