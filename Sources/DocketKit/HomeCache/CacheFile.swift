import DocketFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A derived file in a home's `data/cache/` (the validated-home record, the compiled home):
/// written whole through a temporary file and a rename but without `fsync`, since a torn,
/// stale or deleted one only costs a full load; and only where `data/` exists, so a command
/// never creates the store as a side effect.
enum CacheFile {
  /// Keeps `bytes` as `data/cache/<name>` of the home at `root`; best effort (a read-only
  /// home just stays uncached).
  static func write(_ bytes: [UInt8], named name: String, home root: String) {
    let data = root + "/data"
    guard FileSystem.exists(data) else { return }
    let folder = data + "/cache"
    let temporary = "\(folder)/.\(name).\(getpid()).tmp"
    do {
      try FileSystem.makeDirectories(folder)
      try FileSystem.write(temporary, bytes, sync: false)
      try FileSystem.rename(temporary, folder + "/" + name)
    } catch {
      try? FileSystem.remove(temporary)
    }
  }
}
