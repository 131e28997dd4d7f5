/// The number of children per node of a ``DAryHeapEventSet``, fixed at
/// compile time so that the index arithmetic specializes to shifts.
public protocol HeapArity {
  static var children: Int { get }
}

/// Two children per node: the textbook binary heap.
public enum BinaryArity: HeapArity {
  @inlinable public static var children: Int { 2 }
}

/// Four children per node: half the depth of a binary heap, and a node's
/// children share one or two cache lines.
public enum QuaternaryArity: HeapArity {
  @inlinable public static var children: Int { 4 }
}

/// Eight children per node: shallower still; a node's children are three
/// adjacent cache lines, which hardware prefetching fetches together.
public enum OctonaryArity: HeapArity {
  @inlinable public static var children: Int { 8 }
}
