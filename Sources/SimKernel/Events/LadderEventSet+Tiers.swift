extension LadderEventSet {
  /// Stores `event` in a node linked before `head`; returns the node.
  @inlinable @inline(__always)
  mutating func link(_ event: Event<Payload>, before head: Int32) -> Int32 {
    let node = freeList
    if node >= 0 {
      freeList = nodes[Int(node)].next
      nodes[Int(node)] = Node(event: event, next: head)
      return node
    }
    nodes.append(Node(event: event, next: head))
    return Int32(truncatingIfNeeded: nodes.count &- 1)
  }

  /// Puts `event`, earlier than every rung and the top, in its place in the
  /// sorted bottom.
  @inlinable
  mutating func insertIntoBottom(_ event: Event<Payload>) {
    let key = event.key.ordinal
    var low = bottomHead
    var high = bottomEnd
    while low < high {
      let middle = (low &+ high) &>> 1
      if bottom[middle].key.ordinal < key { low = middle &+ 1 } else { high = middle }
    }
    if bottomHead > 0, low &- bottomHead <= bottomEnd &- low {
      // Nearer the front (events scheduled for about now): move the front
      // one place down into the used-up room instead of the back one up.
      let head = bottomHead
      bottom.withUnsafeMutableBufferPointer { b in
        var i = head &- 1
        while i < low &- 1 {
          b[i] = b[i &+ 1]
          i &+= 1
        }
        b[low &- 1] = event
      }
      bottomHead &-= 1
      return
    }
    if bottomEnd == bottom.count { bottom.append(event) }
    let end = bottomEnd
    bottom.withUnsafeMutableBufferPointer { b in
      var i = end
      while i > low {
        b[i] = b[i &- 1]
        i &-= 1
      }
      b[low] = event
    }
    bottomEnd &+= 1
    if bottomEnd &- bottomHead > Self.bottomLimit, rungs.count < Self.maximumRungs,
      bottom[bottomHead].key.time < bottom[bottomEnd &- 1].key.time
    {
      bottomToRung()
    }
  }

  /// Turns a crowded bottom into the finest rung, from its earliest time to
  /// where the rung above (or the top) takes over. Events keep arriving in the
  /// bottom when its bucket was wide, for instance while only a few events,
  /// some far ahead, were pending; sorted insertion would then cost O(*n*)
  /// each.
  @inlinable @inline(never)
  mutating func bottomToRung() {
    let count = bottomEnd &- bottomHead
    let start = Self.radix(bottom[bottomHead].key)
    var boundary = topBounded ? topStart : UInt64.max
    if let finest = rungs.last {
      let (offset, o1) = UInt64(finest.next).multipliedReportingOverflow(by: 1 &<< finest.shift)
      let (end, o2) = finest.start.addingReportingOverflow(offset)
      boundary = o1 || o2 ? .max : end
    }
    let range = boundary &- start
    let perBucket = range / UInt64(Swift.max(1, count / Self.bucketLoad))
    let shift = perBucket == 0 ? 0 : UInt64(UInt64.bitWidth &- perBucket.leadingZeroBitCount)
    let base = pushRung(start: start, shift: shift, size: Int(truncatingIfNeeded: range &>> shift) &+ 1)
    // In key order, so that each bucket is again newest first.
    for i in bottomHead..<bottomEnd {
      let event = bottom[i]
      let b = base &+ Int(truncatingIfNeeded: (Self.radix(event.key) &- start) &>> shift)
      heads[b] = link(event, before: heads[b])
    }
    bottomHead = 0
    bottomEnd = 0
  }

  /// Fills the empty bottom with the earliest bucket, making the first rung
  /// from the top or finer rungs from crowded buckets on the way.
  /// - Precondition: the set stores an event and the bottom is used up.
  @inlinable @inline(never)
  mutating func refill() {
    bottomHead = 0
    bottomEnd = 0
    while true {
      guard let r = rungs.indices.last else {
        makeFirstRung()
        continue
      }
      let rung = rungs[r]
      var k = rung.next
      while k < rung.size, heads[rung.base &+ k] < 0 { k &+= 1 }
      if k == rung.size {
        headsEnd = rung.base
        rungs.removeLast()
        continue
      }
      rungs[r].next = k &+ 1
      let (oldest, count) = reverse(heads[rung.base &+ k])
      heads[rung.base &+ k] = -1
      if count <= Self.spawnThreshold || rung.shift == 0 || rungs.count >= Self.maximumRungs {
        moveToBottom(oldest, count)
        sortBottom(inOrder: rung.shift == 0)
        checkInvariants()
        return
      }
      // Too many for the bottom: a finer rung, about bucketLoad a bucket.
      let halvings = Swift.min(rung.shift, UInt64(Int.bitWidth &- ((count &- 1) / Self.bucketLoad).leadingZeroBitCount))
      let start = rung.start &+ UInt64(k) &<< rung.shift
      let shift = rung.shift &- halvings
      let base = pushRung(start: start, shift: shift, size: 1 &<< Int(halvings))
      spread(oldest, start: start, shift: shift, base: base)
    }
  }

  /// Makes the first rung from the top: about ``bucketLoad`` events a
  /// bucket, from the top's earliest time to past its latest.
  @inlinable
  mutating func makeFirstRung() {
    precondition(topCount > 0, "LadderEventSet: stored events lost")
    let (oldest, count) = reverse(topHead)
    let span = topMaximum &- topMinimum
    let perBucket = span / UInt64(Swift.max(1, count / Self.bucketLoad))
    let shift = perBucket == 0 ? 0 : UInt64(UInt64.bitWidth &- perBucket.leadingZeroBitCount)
    let size = Int(truncatingIfNeeded: span &>> shift) &+ 1
    let start = topMinimum
    let (width, o1) = UInt64(size).multipliedReportingOverflow(by: 1 &<< shift)
    let (end, o2) = start.addingReportingOverflow(width)
    topBounded = !(o1 || o2)
    topStart = end
    topHead = -1
    topCount = 0
    topMinimum = .max
    topMaximum = 0
    let base = pushRung(start: start, shift: shift, size: size)
    spread(oldest, start: start, shift: shift, base: base)
  }

  /// Reverses the list at `head` (newest first) in place; returns its new
  /// head, the oldest node, and its length.
  @inlinable
  mutating func reverse(_ head: Int32) -> (oldest: Int32, count: Int) {
    var node = head
    var previous: Int32 = -1
    var n = 0
    nodes.withUnsafeMutableBufferPointer { pool in
      while node >= 0 {
        let next = pool[Int(node)].next
        pool[Int(node)].next = previous
        previous = node
        node = next
        n &+= 1
      }
    }
    return (previous, n)
  }

  /// Pushes a rung of `size` empty buckets of width 2^`shift` from `start`;
  /// returns the index of its first list head.
  @inlinable
  mutating func pushRung(start: UInt64, shift: UInt64, size: Int) -> Int {
    let base = headsEnd
    headsEnd &+= size
    if heads.count < headsEnd { heads.append(contentsOf: repeatElement(-1, count: headsEnd &- heads.count)) }
    heads.withUnsafeMutableBufferPointer { h in
      for b in base..<(base &+ size) { h[b] = -1 }
    }
    rungs.append(Rung(start: start, shift: shift, base: base, size: size))
    return base
  }

  /// Links the nodes of the list at `oldest` (oldest first) into the rung
  /// whose heads start at `base`, so that each bucket is again newest first.
  @inlinable
  mutating func spread(_ oldest: Int32, start: UInt64, shift: UInt64, base: Int) {
    heads.withUnsafeMutableBufferPointer { h in
      nodes.withUnsafeMutableBufferPointer { pool in
        var node = oldest
        while node >= 0 {
          let next = pool[Int(node)].next
          let t = Self.radix(pool[Int(node)].event.key)
          let b = base &+ Int(truncatingIfNeeded: (t &- start) &>> shift)
          pool[Int(node)].next = h[b]
          h[b] = node
          node = next
        }
      }
    }
  }

  /// Moves the events of the `count` nodes of the list at `oldest` (oldest
  /// first) into the empty bottom, and frees the nodes.
  @inlinable
  mutating func moveToBottom(_ oldest: Int32, _ count: Int) {
    if bottom.count < count {
      bottom.append(contentsOf: repeatElement(nodes[Int(oldest)].event, count: count &- bottom.count))
    }
    var free = freeList
    bottom.withUnsafeMutableBufferPointer { b in
      nodes.withUnsafeMutableBufferPointer { pool in
        var node = oldest
        for j in 0..<count {
          b[j] = pool[Int(node)].event
          let next = pool[Int(node)].next
          pool[Int(node)].next = free
          free = node
          node = next
        }
      }
    }
    freeList = free
    bottomEnd = count
  }

  /// Sorts the bottom by key. `inOrder`: its events share one time, so
  /// insertion order is key order already.
  @inlinable
  mutating func sortBottom(inOrder: Bool) {
    let count = bottomEnd
    bottom.withUnsafeMutableBufferPointer { b in
      if count <= 4 * Self.spawnThreshold || inOrder {
        // Insertion sort: few events, or events of one time, which are in
        // order already (unless inserted out of sequence order: then this
        // still sorts, only slower).
        for j in 1..<Swift.max(1, count) {
          let moving = b[j]
          let key = moving.key.ordinal
          var hole = j
          while hole > 0, key < b[hole &- 1].key.ordinal {
            b[hole] = b[hole &- 1]
            hole &-= 1
          }
          b[hole] = moving
        }
      } else {
        b[0..<count].sort { $0.key.ordinal < $1.key.ordinal }
      }
    }
  }
}
