/// The extension libraries every environment gets unless told otherwise. Each extension
/// lives in its own file in `Runtime/Extensions/` as `extension CELLibrary { static let x }`
/// (its names, and a builder of one function by name) and is listed here.
extension CELLibrary {
  public static var builtIn: [CELLibrary] {
    [.encoders, .strings, .math]
  }
}
