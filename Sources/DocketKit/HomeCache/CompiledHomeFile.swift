import DocketDSL
import DocketFiles
import DocketModel

/// Where a home's ``CompiledHome`` is kept: `data/cache/compiled-home`, beside the
/// validated-home record and written with it (the record says which files were valid, this
/// holds what they compiled to, tagged with the same key).
///
/// A derived file like the record (see ``CacheFile``): a torn, stale or deleted one only
/// costs a full load, which writes it again.
enum CompiledHomeFile {
  static let relativePath = "data/cache/compiled-home"

  /// The bytes kept for the home at `root`, if any.
  static func read(home root: String) -> [UInt8]? {
    try? FileSystem.read(root + "/" + relativePath)
  }

  /// Keeps `home` (a full, clean load) compiled under `key`; best effort.
  static func write(_ home: Home, key: String, home root: String) {
    guard !key.isEmpty else { return }
    CacheFile.write(CompiledHome.encode(home, key: key), named: "compiled-home", home: root)
  }
}
