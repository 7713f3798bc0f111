// The clocks the plain benchmark drivers (Benchmarks/engine, Benchmarks/lookup) report: wall
// time, and this thread's CPU time (on a loaded machine wall time mostly measures waiting for
// a core or the disk; thread CPU time is what one core spent on the work).
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

func threadCPU() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func wall() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
