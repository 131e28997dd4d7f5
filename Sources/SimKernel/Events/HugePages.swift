#if canImport(Glibc)
  import Glibc
#endif

@usableFromInline
enum HugePages {
  @usableFromInline
  static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
    #if os(Linux)
      guard let base, bytes >= 4 << 20 else { return }
      let huge = 2 << 20
      let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
      let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
      guard end > start else { return }
      _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
    #endif
  }
}
