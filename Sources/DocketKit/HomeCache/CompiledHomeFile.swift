import DocketDSL
import DocketFiles
import DocketModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a home's ``CompiledHome`` is kept: `data/cache/compiled-home`, beside the
/// validated-home record and written with it (the record says which files were valid, this
/// holds what they compiled to, tagged with the same key).
///
/// A derived file like the record: written without `fsync`, and a torn, stale or deleted one
/// only costs a load from the YAML. Only where `data/` exists, as the record.
enum CompiledHomeFile {
  static let relativePath = "data/cache/compiled-home"

  /// The bytes kept for the home at `root`, if any.
  static func read(home root: String) -> [UInt8]? {
    try? FileSystem.read(root + "/" + relativePath)
  }

  /// Keeps `home` (a full, clean load) compiled under `key`; best effort.
  static func write(_ home: Home, key: String, home root: String) {
    let data = root + "/data"
    guard !key.isEmpty, FileSystem.exists(data) else { return }
    let folder = data + "/cache"
    let temporary = "\(folder)/.compiled-home.\(getpid()).tmp"
    do {
      try FileSystem.makeDirectories(folder)
      try FileSystem.write(temporary, CompiledHome.encode(home, key: key), sync: false)
      try FileSystem.rename(temporary, root + "/" + relativePath)
    } catch {
      try? FileSystem.remove(temporary)
    }
  }
}
